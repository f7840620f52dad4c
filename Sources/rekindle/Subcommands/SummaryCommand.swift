import ArgumentParser
import Dialogue
import DialogueFormat
import JSONText
import Practice
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

  @Option(help: ArgumentHelp("For a practice record: the persona file it was played with, if not a built-in one.", valueName: "file"))
  var persona: String?

  func run() throws {
    try reportingErrors {
      let log = try RecordedSession.log(of: record)
      if let recorded = log.header.persona {
        // A practice record (`practice --record`): the practice summary, both sides.
        let script = try ScriptSource.load(self.script)
        let persona = try PracticePlay.persona(named: self.persona ?? recorded.id, script: script)
        let engine = try PracticeRecord.engine(
          replaying: log, script: script, persona: persona, analyzer: try reading.analyzer(), path: record)
        let summary = PracticeSummary(of: engine)
        let style = TerminalStyle.forStandardOutput(noColor: noColor)
        switch format {
        case .text:
          let base = ChatRenderer(style: style, interactive: true, width: TerminalStyle.outputWidth())
          try StandardOutput.write(PracticeSummaryRenderer(base: base).render(summary))
        case .markdown:
          try StandardOutput.write(VisibleText.sanitize(summary.markdown(), keepingNewlines: true))
        case .json:
          try StandardOutput.write(PracticeSummaryJSON.json(summary, turns: engine.turns).pretty + "\n")
        }
        return
      }
      let summary = try SessionReplay.engine(
        replaying: log, script: try ScriptSource.load(script), analyzer: try reading.analyzer(), path: record
      ).summary
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
