import ArgumentParser
import Dialogue
import DialogueFormat
import Practice
import Signals

/// `rekindle practice train`: learns the her-side models from her labeled lines.
struct PracticeTrain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the her-side models of practice mode from her labeled lines (JSON Lines).",
    discussion: """
      Each line: {"id", "writer", "before", "line", "signs": [...], "question": id or null} \
      (Scripts/data/her-corpus). Learns the tone model (one output per her-side sign, and one for danger in what she says) and the \
      question model of the dialogue script (one output per question state and one for "go on"), \
      the latter from the script's ask and intents phrasings and the corpus lines. With --dev, \
      thresholds are chosen there (best F1); never give it the blind split. Deterministic for a given \
      --seed. Files are written only where nothing exists yet, unless --force is given.
      """)

  @Argument(help: "Her labeled lines to learn from.")
  var corpus: [String]

  @Option(help: ArgumentHelp("Labeled lines to choose the thresholds on (repeatable).", valueName: "file"))
  var dev: [String] = []

  @Option(help: ArgumentHelp("Where to write the tone model (mode 0600).", valueName: "file"))
  var out: String

  @Option(help: ArgumentHelp("Where to write the question model (mode 0600).", valueName: "file"))
  var questionsOut: String

  @Option(help: ArgumentHelp("The dialogue script whose questions are recognised (default: the built-in one).", valueName: "file"))
  var script: String?

  @Option(help: "Seed for the order of training examples.")
  var seed: UInt64 = 1

  @Option(help: "Passes over the training data (tone model).")
  var epochs: Int = ModelTrainer.Options().epochs

  @Option(help: "L2 regularisation of the tone model: larger keeps weights smaller.")
  var l2: Float = ModelTrainer.Options().l2

  @Option(help: "Passes over the training data (question model).")
  var questionEpochs: Int = QuestionRecognizer.defaultOptions.epochs

  @Option(help: "Leave out features seen in fewer training lines than this (tone model).")
  var minCount: Int = ModelTrainer.Options().minCount

  @Option(help: "Example orders whose weights are averaged, for both models (seeds seed, seed+1, ...).")
  var orders: Int = 1

  @Flag(help: "Replace the output files if they exist.")
  var force = false

  func validate() throws {
    if !(1...1000).contains(epochs) || !(1...1000).contains(questionEpochs) {
      throw ValidationError("--epochs and --question-epochs must be between 1 and 1000")
    }
    if !(l2 >= 0 && l2 <= 1) { throw ValidationError("--l2 must be between 0 and 1") }
    if !(1...1000).contains(minCount) { throw ValidationError("--min-count must be between 1 and 1000") }
    if !(1...100).contains(orders) { throw ValidationError("--orders must be between 1 and 100") }
  }

  func run() throws {
    try reportingErrors {
      let script = try ScriptSource.load(self.script)
      let labels = QuestionRecognizer.labels(of: script)
      let lines = try HerCorpusReader.readAll(corpus, questions: labels)
      if lines.isEmpty {
        throw UserFacingError("error: \(corpus.joined(separator: ", ")): no labeled lines to learn from", code: .dataError)
      }
      try PrivateFile.checkCanCreate(out, force: force)
      try PrivateFile.checkCanCreate(questionsOut, force: force)
      let devLines = try HerCorpusReader.readAll(dev, questions: labels)
      var options = ModelTrainer.Options()
      options.seed = seed
      options.epochs = epochs
      options.l2 = l2
      options.minCount = minCount
      options.orders = orders
      let toneLabels = { (l: LabeledHerLine) in HerSign.ordered.map { l.signs.contains($0) } + [l.safety] }
      var tone = ModelTrainer(options: options).train(
        featureSets: lines.map { HerLineAnalyzer.features($0.line, before: $0.before) }, labels: lines.map(toneLabels),
        provenance: "her-side tone model, trained on \(lines.count) lines, seed \(seed)\(orders > 1 ? ", \(orders) orders" : "")")

      let fingerprint = QuestionRecognizer.fingerprint(of: script)
      var examples = QuestionRecognizer.phrasings(of: script)
      examples += lines.map { (text: $0.line, label: $0.question) }
      var questionOptions = QuestionRecognizer.defaultOptions
      questionOptions.seed = seed
      questionOptions.epochs = questionEpochs
      questionOptions.orders = orders
      var questions = QuestionRecognizer.train(
        examples, labels: labels,
        provenance: "question model for phrasings \(fingerprint); trained on \(examples.count) lines, seed \(seed)\(orders > 1 ? ", \(orders) orders" : "")",
        options: questionOptions)
      var summary = "Trained on \(lines.count) lines: tone \(tone.featureCount) features, questions \(questions.featureCount) features.\n"
      if !devLines.isEmpty {
        let toneProbabilities = devLines.map { tone.probabilities(HerLineAnalyzer.features($0.line, before: $0.before)) }
        tone = ThresholdTuner.tuneF1(tone, probabilities: toneProbabilities, labels: devLines.map(toneLabels))
        // Danger is read recall first: the lowest level at which at most a tenth of the harmless dev
        // lines would be flagged (asked about at a terminal), as for the reply model's "ask her" level.
        var thresholds = tone.thresholds
        let harmless = zip(toneProbabilities, devLines).filter { !$0.1.safety }.map { $0.0[HerLineAnalyzer.safetyOutput] }
        if devLines.contains(where: \.safety), !harmless.isEmpty {
          let level = Swift.stride(from: 0.05, through: 0.95, by: 0.025).first { level in
            Double(harmless.filter { $0 >= level }.count) <= 0.10 * Double(harmless.count)
          }
          thresholds[HerLineAnalyzer.safetyOutput] = Float(level ?? 0.95)
          tone = tone.replacingThresholds(thresholds)
        }
        let questionProbabilities = devLines.map { questions.probabilities(QuestionRecognizer.features($0.line)) }
        questions = QuestionRecognizer.tune(
          questions, probabilities: questionProbabilities, answers: devLines.map { l in l.question.flatMap(labels.firstIndex(of:)) })
        summary += "Thresholds chosen on \(devLines.count) dev lines.\n"
      }
      try PrivateFile.write(bytes: tone.encoded(), to: out, force: force)
      try PrivateFile.write(bytes: questions.encoded(), to: questionsOut, force: force)
      try StandardOutput.write(summary + "Wrote \(out) and \(questionsOut) (phrasings \(fingerprint)).\n")
    }
  }
}
