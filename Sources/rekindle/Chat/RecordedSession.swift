import Dialogue
import DialogueFormat
import JSONText
import Signals

/// A recorded session read back for `summary` and `compare`: never written to.
enum RecordedSession {
  /// The summary of the last session in the record at `path`.
  static func summary(of path: String, script scriptPath: String?, analyzer: Analyzer) throws(UserFacingError) -> ConversationSummary {
    try engine(of: path, script: scriptPath, analyzer: analyzer).summary
  }

  /// The engine after replaying the last session in the record at `path`.
  static func engine(of path: String, script scriptPath: String?, analyzer: Analyzer) throws(UserFacingError) -> DialogueEngine {
    try SessionReplay.engine(replaying: try log(of: path), script: try ScriptSource.load(scriptPath), analyzer: analyzer, path: path)
  }

  /// The last session in the record at `path`, read without changing the file (a cut-off last line
  /// is left out with a warning).
  static func log(of path: String) throws(UserFacingError) -> SessionLog {
    let log: SessionLog
    let bytes = Array(try FileReader.readText(path).utf8)
    do {
      log = try SessionLog(reading: bytes, file: path)
    } catch {
      throw UserFacingError(error.description, code: .dataError)
    }
    if let cut = log.cutOff {
      StandardError.write("rekindle: warning: \(path):\(cut.line): the last line was cut off (the session was interrupted); left out\n")
    }
    return log
  }

  /// The summary as JSON.
  static func json(_ summary: ConversationSummary) -> JSONValue {
    func sign(_ signal: ObservedSignal) -> JSONValue {
      .object([
        ("id", .string(signal.id.rawValue)), ("kind", .string(signal.id.kind.rawValue)), ("count", .int(signal.count)),
        ("evidence", .array(signal.evidence.map { .string($0) })),
      ])
    }
    let questions: [JSONValue] = summary.questions.map { question in
      .object([
        ("state", .string(question.stateID)), ("number", .int(question.progress.number)),
        ("part", .int(question.progress.part)), ("question", .string(question.question)),
        ("outcome", .string(question.isOpen ? "open" : question.outcome.rawValue)),
        ("replies", .array(question.replies.map { .string($0) })), ("signals", .array(question.signals.map(sign))),
        ("dismissed_concerns", .array(question.dismissedConcerns.map { .string($0) })),
      ])
    }
    return .object([
      ("title", .string(summary.title)), ("ended", summary.endReason.map { .string($0.rawValue) } ?? .null),
      ("hopeful", .int(summary.hopefulCount)), ("caution", .int(summary.cautionCount)),
      ("questions", .array(questions)),
      ("worth_revisiting", .array(summary.worthRevisiting.map { .string($0.stateID) })),
    ])
  }
}
