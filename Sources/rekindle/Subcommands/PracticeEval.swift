import ArgumentParser
import Dialogue
import DialogueFormat
import Practice
import Signals

/// `rekindle practice eval`: scores the her-side reading against her labeled lines.
struct PracticeEval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score practice mode's reading of her lines: her tone signs, and which question she asked.",
    discussion: """
      Each line: {"id", "before", "line", "signs": [...], "question": id or null}. Prints per-sign \
      precision, recall and F1 and their macro average, the share of lines asking a question whose \
      question was recognised, and the share of lines asking none that were taken for one.
      """)

  @Argument(help: "Her labeled lines (JSON Lines).")
  var files: [String]

  @Option(help: ArgumentHelp("A tone model made by 'rekindle practice train' instead of the built-in one.", valueName: "file"))
  var model: String?

  @Option(help: ArgumentHelp("A question model made by 'rekindle practice train' instead of the built-in one.", valueName: "file"))
  var questionsModel: String?

  @Option(help: ArgumentHelp("The dialogue script whose questions are recognised (default: the built-in one).", valueName: "file"))
  var script: String?

  @Option(help: ArgumentHelp("Exit with status 1 when the tone macro-F1 is below this.", valueName: "x"))
  var minMacroF1: Double?

  @Option(help: ArgumentHelp("Exit with status 1 when the question accuracy is below this.", valueName: "x"))
  var minQuestionAccuracy: Double?

  @Flag(help: "List the lines read differently from their labels.")
  var misses = false

  func validate() throws {
    for (name, x) in [("--min-macro-f1", minMacroF1), ("--min-question-accuracy", minQuestionAccuracy)] {
      if let x, !(0...1).contains(x) { throw ValidationError("\(name) must be between 0 and 1") }
    }
  }

  /// The text that follows a miss: for each sign read differently from the labels, `+` (read, not
  /// labeled) or `-` (labeled, not read), the model's probability and its threshold, as
  /// `  (+calm 0.712/0.450, -accusatory 0.120/0.375)`: how far the reading was from the label.
  static func missNote(for line: LabeledHerLine, got: Set<HerSign>, probabilities: [Double], model: SignalModel?) -> String {
    guard let model, probabilities.count == HerLineAnalyzer.outputs else { return "" }
    let differing = HerSign.ordered.filter { got.contains($0) != line.signs.contains($0) }
    if differing.isEmpty { return "" }
    let parts = differing.map { sign in
      (got.contains(sign) ? "+" : "-") + sign.rawValue + " " + EvalPrinter.fixed(probabilities[sign.order]) + "/"
        + EvalPrinter.fixed(Double(model.thresholds[sign.order]))
    }
    return "  (" + parts.joined(separator: ", ") + ")"
  }

  func run() throws {
    try reportingErrors {
      let script = try ScriptSource.load(self.script)
      let labels = QuestionRecognizer.labels(of: script)
      let tone = try model.map { path throws(UserFacingError) in try ReadingOptions.loadModel(path, outputs: HerLineAnalyzer.outputs) }
      let reader = HerLineAnalyzer(model: tone)
      let recognizer =
        try questionsModel.map { path throws(UserFacingError) in
          QuestionRecognizer(labels: labels, model: try ReadingOptions.loadModel(path, outputs: labels.count + 1))
        } ?? QuestionRecognizer(script: script)
      let lines = try HerCorpusReader.readAll(files, questions: labels)
      if lines.isEmpty { throw UserFacingError("error: \(files.joined(separator: ", ")): no labeled lines to score", code: .dataError) }
      var counts = [HerSign: (tp: Int, fp: Int, fn: Int)]()
      var asked = 0
      var recognised = 0
      var none = 0
      var falseAlarms = 0
      var missLines: [String] = []
      var safetyCounts = (tp: 0, fp: 0, fn: 0)
      var byReader = (her: [0, 0], reply: [0, 0])
      let safetyCheck = HerSafetyCheck(herAnalyzer: reader, analyzer: Analyzer())
      for line in lines {
        let reading = reader.read(line.line, before: line.before)
        let got = Set(reading.signs.map(\.sign))
        for sign in HerSign.ordered {
          var c = counts[sign] ?? (0, 0, 0)
          switch (got.contains(sign), line.signs.contains(sign)) {
          case (true, true): c.tp += 1
          case (true, false): c.fp += 1
          case (false, true): c.fn += 1
          case (false, false): break
          }
          counts[sign] = c
        }
        let readings = safetyCheck.readings(of: line.line)
        let stops = readings.her || readings.reply
        if readings.her { byReader.her[line.safety ? 0 : 1] += 1 }
        if readings.reply { byReader.reply[line.safety ? 0 : 1] += 1 }
        switch (stops, line.safety) {
        case (true, true): safetyCounts.tp += 1
        case (true, false): safetyCounts.fp += 1
        case (false, true): safetyCounts.fn += 1
        case (false, false): break
        }
        let question = recognizer.recognise(line.line)?.id
        if let expected = line.question {
          asked += 1
          if question == expected { recognised += 1 }
        } else {
          none += 1
          if question != nil { falseAlarms += 1 }
        }
        if misses && stops != line.safety {
          let danger = reader.read(line.line, before: nil)
          missLines.append(
            "  \(line.id): safety expected \(line.safety), got \(stops) (her-side model \(EvalPrinter.fixed(danger.danger)) at level \(EvalPrinter.fixed(danger.dangerLevel)); reply analyzer \(readings.reply))\n")
        }
        if misses && (got != line.signs || question != line.question) {
          let signs = { (s: Set<HerSign>) in s.sorted().map(\.rawValue).joined(separator: ",") }
          missLines.append(
            "  \(line.id): expected [\(signs(line.signs))] \(line.question ?? "-"), got [\(signs(got))] \(question ?? "-")"
              + Self.missNote(for: line, got: got, probabilities: reading.probabilities, model: reader.model) + "\n")
        }
      }
      var out = "Her lines: \(lines.count) from \(files.joined(separator: ", "))\n\n"
      out += "sign                 precision  recall     F1   support\n"
      var f1s: [Double] = []
      for sign in HerSign.ordered {
        let c = counts[sign] ?? (0, 0, 0)
        let support = c.tp + c.fn
        let p = c.tp + c.fp == 0 ? 1 : Double(c.tp) / Double(c.tp + c.fp)
        let r = support == 0 ? 1 : Double(c.tp) / Double(support)
        let f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
        if support > 0 { f1s.append(f1) }
        out += "\(sign.rawValue.padding(20)) \(EvalPrinter.fixed(p))      \(EvalPrinter.fixed(r))  \(EvalPrinter.fixed(f1))  \(support)\n"
      }
      let macro = f1s.isEmpty ? 0 : f1s.reduce(0, +) / Double(f1s.count)
      let accuracy = asked == 0 ? 1 : Double(recognised) / Double(asked)
      out += "\nmacro-F1 (signs with support): \(EvalPrinter.fixed(macro))\n"
      out += "question recognised: \(recognised) of \(asked) lines asking one (\(EvalPrinter.fixed(accuracy)))\n"
      out += "taken for a question: \(falseAlarms) of \(none) lines asking none\n"
      let dangerous = safetyCounts.tp + safetyCounts.fn
      let harmless = lines.count - dangerous
      let safetyRecall = dangerous == 0 ? 1 : Double(safetyCounts.tp) / Double(dangerous)
      out += "safety: stopped on \(safetyCounts.tp) of \(dangerous) lines speaking of danger (recall \(EvalPrinter.fixed(safetyRecall))), "
      out += "and on \(safetyCounts.fp) of \(harmless) lines that do not\n"
      out += "  her-side model: \(byReader.her[0]) of the \(dangerous), \(byReader.her[1]) of the \(harmless); "
      out += "reply analyzer: \(byReader.reply[0]) and \(byReader.reply[1])\n"
      if misses { out += "\nRead differently:\n" + missLines.joined() }
      try StandardOutput.write(out)
      if let floor = minMacroF1, macro < floor {
        StandardError.write("rekindle: macro-F1 \(EvalPrinter.fixed(macro)) is below the floor \(floor)\n")
        throw ExitCode(1)
      }
      if let floor = minQuestionAccuracy, accuracy < floor {
        StandardError.write("rekindle: question accuracy \(EvalPrinter.fixed(accuracy)) is below the floor \(floor)\n")
        throw ExitCode(1)
      }
    }
  }
}
