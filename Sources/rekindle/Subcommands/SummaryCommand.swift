import ArgumentParser
import Dialogue
import DialogueFormat
import JSONText
import Signals

/// `rekindle summary`: the summary of a recorded session, finished or not.
struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Show the summary of a session recorded with chat --record (finished or not).",
    discussion: """
      The record's events are replayed through the dialogue script, so the summary is the one the \
      chat showed. The file is only read.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json

    /// `jsonl` is accepted for `json`, as `analyze` accepts `json` for `jsonl`.
    init?(argument: String) {
      self.init(rawValue: argument == "jsonl" ? "json" : argument)
    }
  }

  @Argument(help: ArgumentHelp("A session record.", valueName: "record"))
  var record: String

  @Option(help: "Output: text (for the screen), markdown (to keep) or json.")
  var format: Format = .text

  @Option(help: ArgumentHelp("The dialogue script the session used, if not the built-in one.", valueName: "file"))
  var script: String?

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Flag(help: "Do not colour the output.")
  var noColor = false

  func run() throws {
    try reportingErrors {
      let summary = try RecordedSession.summary(of: record, script: script, analyzer: try reading.analyzer())
      switch format {
      case .text:
        let style = TerminalStyle.forStandardOutput(noColor: noColor)
        try StandardOutput.write(SummaryRenderer(style: style, width: TerminalStyle.outputWidth()).render(summary))
      case .markdown:
        try StandardOutput.write(VisibleText.sanitize(summary.markdown(), keepingNewlines: true))
      case .json:
        try StandardOutput.write(RecordedSession.json(summary).pretty + "\n")
      }
    }
  }
}
