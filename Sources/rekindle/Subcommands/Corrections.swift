import ArgumentParser
import Dialogue
import JSONText
import Signals

/// `rekindle corrections`: her `/not` corrections as labeled replies that `rekindle eval` reads.
struct Corrections: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Export the signs you overruled with /not as labeled JSON Lines for rekindle eval.",
    discussion: """
      One line per reply you corrected: the reply, the question it answered, the signs it showed \
      after your correction ("signals"), and the ones you took out ("overruled"). The records are only \
      read, and the output stays on this machine like everything else.
      """)

  @Argument(help: ArgumentHelp("Session records.", valueName: "record"))
  var records: [String]

  @Option(help: ArgumentHelp("The dialogue script the sessions used, if not the built-in one.", valueName: "file"))
  var script: String?

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  func run() throws {
    try reportingErrors {
      let analyzer = try reading.analyzer()
      var out = ""
      for path in records {
        let engine = try RecordedSession.engine(of: path, script: script, analyzer: analyzer)
        for (index, turn) in engine.turns.enumerated() where !turn.overruled.isEmpty {
          out += JSONValue.object([
            ("id", .string("\(path)#\(index + 1)")), ("question", .string(turn.question)), ("reply", .string(turn.reply)),
            ("signals", .array(turn.analysis.signalIDs.map { .string($0.rawValue) })),
            ("overruled", .array(turn.overruled.map { .string($0.rawValue) })), ("source", .string("correction")),
          ]).compact + "\n"
        }
      }
      try StandardOutput.write(out)
    }
  }
}
