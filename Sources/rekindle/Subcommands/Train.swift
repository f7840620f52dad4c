import ArgumentParser
import Signals

/// `rekindle train`: learns a model from labeled replies, so signs can be read by meaning.
struct Train: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Train a model from labeled replies (JSON Lines with reply, question, signals).",
    discussion: """
      Learns one weight per signal for each word, word pair, word triple and word piece seen in at least two \
      training replies, with the lexicon's findings as extra features (logistic regression, \
      deterministic for a given --seed). With --dev, each signal's threshold is chosen on those \
      replies (the best F1; for safety a 'stop' threshold of high precision and a lower 'ask her first' \
      threshold that asks about at most a tenth of harmless dev replies); \
      without it every threshold is 0.5. Use the result with 'rekindle analyze --model FILE' \
      (also chat, eval, rehearse, lint). The file is written only where nothing exists yet, unless \
      --force is given.
      """)

  @Argument(help: "Labeled JSON Lines files to learn from.")
  var corpus: [String]

  @Option(help: ArgumentHelp("Where to write the model (mode 0600).", valueName: "file"))
  var out: String

  @Option(help: ArgumentHelp("Labeled replies to choose the thresholds on (repeatable; never the blind split).", valueName: "file"))
  var dev: [String] = []

  @Option(help: ArgumentHelp("Stop the practice outright from the threshold whose dev precision for safety reaches this.", valueName: "x"))
  var safetyStopPrecision: Double = 0.85

  @Option(help: ArgumentHelp("Ask the user about possible harm on at most this share of dev replies without a concern.", valueName: "x"))
  var safetyAskRate: Double = 0.10

  @Option(help: "Seed for the order of training examples.")
  var seed: UInt64 = 1

  @Option(help: "Passes over the training data.")
  var epochs: Int = ModelTrainer.Options().epochs

  @Option(help: "Step size of the optimiser (AdaGrad).")
  var learningRate: Float = ModelTrainer.Options().learningRate

  @Option(help: "L2 regularisation: larger keeps weights smaller.")
  var l2: Float = ModelTrainer.Options().l2

  @Option(help: "Leave out features seen in fewer training replies than this.")
  var minCount: Int = ModelTrainer.Options().minCount

  @Option(help: "Example orders whose weights are averaged (seeds seed, seed+1, ...).")
  var orders: Int = 1

  @Option(help: ArgumentHelp("Train on this share of the corpus (0 to 1, chosen by the seed), for a learning curve.", valueName: "x"))
  var fraction: Double = 1

  @Option(help: ArgumentHelp("A lexicon file adding to or overriding the built-in one (repeatable).", valueName: "file"))
  var lexicon: [String] = []

  @Flag(help: "Replace --out if it exists.")
  var force = false

  func validate() throws {
    if !(0...1).contains(safetyStopPrecision) { throw ValidationError("--safety-stop-precision must be between 0 and 1") }
    if !(0...1).contains(safetyAskRate) { throw ValidationError("--safety-ask-rate must be between 0 and 1") }
    if !(fraction > 0 && fraction <= 1) { throw ValidationError("--fraction must be above 0 and at most 1") }
    if !(1...1000).contains(epochs) { throw ValidationError("--epochs must be between 1 and 1000") }
    if !(learningRate > 0 && learningRate <= 10) { throw ValidationError("--learning-rate must be above 0 and at most 10") }
    if !(l2 >= 0 && l2 <= 1) { throw ValidationError("--l2 must be between 0 and 1") }
    if !(1...1000).contains(minCount) { throw ValidationError("--min-count must be between 1 and 1000") }
    if !(1...100).contains(orders) { throw ValidationError("--orders must be between 1 and 100") }
  }

  func run() throws {
    try reportingErrors {
      let lexical = Analyzer(lexicon: lexicon.isEmpty ? nil : try LexiconLoader.load(lexicon), reading: .lexiconOnly)
      var examples = try LabeledReplyReader.readAll(corpus)
      if fraction < 1 {
        var random = SplitMix64(seed: seed &+ 0x5EED)
        examples.shuffle(using: &random)
        examples = Array(examples.prefix(max(1, Int((Double(examples.count) * fraction).rounded()))))
      }
      if examples.isEmpty {
        throw UserFacingError("error: \(corpus.joined(separator: ", ")): no labeled replies to learn from", code: .dataError)
      }
      try PrivateFile.checkCanCreate(out, force: force)
      var options = ModelTrainer.Options()
      options.seed = seed
      options.epochs = epochs
      options.learningRate = learningRate
      options.l2 = l2
      options.minCount = minCount
      options.orders = orders
      var workspace = AnalysisWorkspace()
      func featurize(_ r: LabeledReply) -> ReplyFeatures {
        ReplyFeatures(
          reply: r.reply, question: r.question,
          lexicon: lexical.analyze(r.reply, question: r.question, workspace: &workspace))
      }
      let provenance = "trained on \(examples.count) replies, seed \(seed), \(epochs) epochs\(orders > 1 ? ", \(orders) orders" : "")"
      var model = ModelTrainer(options: options).train(examples, featurize: featurize, provenance: provenance)
      var summary = "Trained on \(examples.count) replies: \(model.featureCount) features kept.\n"
      if !dev.isEmpty {
        let devReplies = try LabeledReplyReader.readAll(dev)
        let scored = devReplies.map { r in
          ThresholdTuner.Scored(probabilities: model.probabilities(featurize(r)), labels: r.signals)
        }
        model = ThresholdTuner.tune(
          model, on: scored, safetyStopPrecision: safetyStopPrecision, safetyAskRate: safetyAskRate)
        summary += "Thresholds chosen on \(devReplies.count) dev replies:\n"
        for id in SignalID.ordered {
          let t = Double(model.thresholds[id.order])
          let s = ThresholdTuner.score(scored, signal: id, threshold: t)
          summary += "  \(id.rawValue.padding(18)) threshold \(EvalPrinter.fixed(t))   dev F1 \(EvalPrinter.fixed(s.f1))\n"
        }
        let ask = Double(model.safetyAskThreshold)
        let s = ThresholdTuner.score(scored, signal: .safety, threshold: ask)
        summary += "  safety, ask her     threshold \(EvalPrinter.fixed(ask))   dev recall \(EvalPrinter.fixed(s.recall)), precision \(EvalPrinter.fixed(s.precision))\n"
        let stop = ThresholdTuner.score(scored, signal: .safety, threshold: Double(model.thresholds[SignalID.safety.order]))
        summary += "  safety, stop        threshold \(EvalPrinter.fixed(Double(model.thresholds[SignalID.safety.order])))   dev recall \(EvalPrinter.fixed(stop.recall)), precision \(EvalPrinter.fixed(stop.precision))\n"
      }
      try PrivateFile.write(bytes: model.encoded(), to: out, force: force)
      try StandardOutput.write(summary + "Wrote \(out).\n")
    }
  }
}
