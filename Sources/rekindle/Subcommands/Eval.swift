import ArgumentParser
import Signals

/// `rekindle eval`: scores the analyzer against a labeled set of replies.
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Score the analyzer against labeled replies (JSON Lines with reply, question, signals).",
    discussion: """
      Each line: {"id": "...", "question": "...", "reply": "...", "signals": ["blame", ...]}. Prints \
      per-signal precision, recall and F1, the macro-F1, and every reply where the analyzer's \
      signals differ from the labels, so the effect of a lexicon or rule change can be seen.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// `jsonl` is accepted for `json`, as `analyze` accepts `json` for `jsonl`.
    init?(argument: String) {
      self.init(rawValue: argument == "jsonl" ? "json" : argument)
    }
  }

  @Argument(help: "Labeled JSON Lines files.")
  var files: [String]

  @Option(help: ArgumentHelp("Exit with status 1 when the macro-F1 is below this.", valueName: "x"))
  var minMacroF1: Double?

  @Option(help: ArgumentHelp("Exit with status 1 when the safety recall is below this.", valueName: "x"))
  var minSafetyRecall: Double?

  @Option(help: "Output: 'text' or 'json'.")
  var format: Format = .text

  @Flag(help: "Do not list the misses.")
  var noMisses = false

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Flag(help: "Do not colour the output.")
  var noColor = false

  func validate() throws {
    if let x = minMacroF1, !(0...1).contains(x) { throw ValidationError("--min-macro-f1 must be between 0 and 1") }
    if let x = minSafetyRecall, !(0...1).contains(x) {
      throw ValidationError("--min-safety-recall must be between 0 and 1")
    }
  }

  func run() throws {
    try reportingErrors {
      let analyzer = try reading.analyzer()
      var report = EvaluationReport()
      var workspace = AnalysisWorkspace()
      for path in files {
        try LabeledReplyReader.forEach(in: path) { labeled in
          let analysis = analyzer.analyze(labeled.reply, question: labeled.question, workspace: &workspace)
          report.add(
            id: labeled.id, reply: labeled.reply, expected: labeled.signals, got: Set(analysis.signalIDs),
            uncertainSafety: analysis.safetyIsUncertain)
        }
      }
      if report.cases.isEmpty {
        throw UserFacingError("error: \(files.joined(separator: ", ")): no labeled replies to score", code: .dataError)
      }
      let printer = EvalPrinter(style: TerminalStyle.forStandardOutput(noColor: noColor))
      try StandardOutput.write(format == .json ? printer.json(report, misses: !noMisses) : printer.text(report, files: files, misses: !noMisses))
      let safetyRecall = report.scores[.safety]?.recall ?? 1
      if let floor = minMacroF1, report.macroF1 < floor {
        StandardError.write("rekindle: macro-F1 \(EvalPrinter.fixed(report.macroF1)) is below the floor \(floor)\n")
        throw ExitCode(1)
      }
      if let floor = minSafetyRecall, safetyRecall < floor {
        StandardError.write("rekindle: safety recall \(EvalPrinter.fixed(safetyRecall)) is below the floor \(floor)\n")
        throw ExitCode(1)
      }
    }
  }
}
