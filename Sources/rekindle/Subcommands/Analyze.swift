import ArgumentParser
import Signals

/// `rekindle analyze`: flags the signs in replies read from files or standard input.
struct Analyze: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Flag the signs in replies, one per line or as JSON Lines.",
    discussion: """
      Reads replies (what your ex said) and prints, for each, the signals found with the words \
      that triggered them, the yes/no answer, whether the reply is evasive, and its tone. Streams: \
      one output line per input line, in order, in constant memory.
      """)

  enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case lines, jsonl

    /// `json` is accepted for `jsonl`.
    init?(argument: String) {
      self.init(rawValue: argument == "json" ? "jsonl" : argument)
    }
  }

  enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl

    /// `json` is accepted for `jsonl`: one JSON object per reply either way.
    init?(argument: String) {
      self.init(rawValue: argument == "json" ? "jsonl" : argument)
    }
  }

  @Argument(help: "Files to read ('-' for standard input; standard input when none).")
  var files: [String] = []

  @Option(help: "Input: 'lines' (one reply per line) or 'jsonl' (objects with \"reply\" and optional \"question\").")
  var input: InputFormat = .lines

  @Option(help: "Output: 'text' (default on a terminal) or 'jsonl' (default otherwise; 'json' means the same).")
  var format: OutputFormat?

  @Option(help: "The question every reply answers (for --input lines).")
  var question: String?

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Flag(help: "With --format jsonl, add \"scores\": the model's probability for each of the fifteen signals.")
  var scores = false

  @Flag(help: "Do not colour the output.")
  var noColor = false

  @Option(help: ArgumentHelp("Analyse with this many threads (default: the cores, at most 8).", valueName: "n"))
  var jobs: Int?

  func validate() throws {
    if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be between 1 and 64") }
  }

  func run() throws {
    try reportingErrors {
      let analyzer = try reading.analyzer()
      let style = TerminalStyle.forStandardOutput(noColor: noColor)
      let outputFormat = format ?? (isStandardOutputTerminal() ? .text : .jsonl)
      let session = AnalyzeSession(
        work: LineAnalysis(
          analyzer: analyzer, input: input, format: outputFormat, question: question,
          renderer: AnalysisRenderer(style: style), scores: scores), jobs: jobs ?? AnalyzeSession.defaultJobs)
      for path in files.isEmpty ? ["-"] : files {
        try session.process(LineSource(path: path))
      }
      try session.finish()
      if session.failedLines > 0 { throw UserFacingError("error: \(session.failedLines) line(s) could not be read", code: .dataError) }
    }
  }
}
