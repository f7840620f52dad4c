import Dialogue
import DialogueFormat
import Signals

/// Rebuilds a recorded conversation for `chat --resume` by replaying its events through the engine.
enum SessionReplay {
  /// The engine after every event of `log`.
  ///
  /// Replies are read again by `analyzer`; when one shows other signs than were recorded (another
  /// version of Rekindle, other `--lexicon`/`--model` options) a warning says so once and the
  /// conversation follows today's reading. Redacted records are not compared: their replies were
  /// read before the names were replaced.
  static func engine(
    replaying log: SessionLog, script: DialogueScript, analyzer: Analyzer, path: String
  ) throws(UserFacingError) -> DialogueEngine {
    if let persona = log.header.persona {
      throw UserFacingError(
        "error: \(path): this is a practice record (persona \(persona.id)); continue it with rekindle practice --resume \(path)",
        code: .dataError)
    }
    guard log.header.fingerprint == script.fingerprint else {
      throw UserFacingError(
        "error: \(path): recorded with another dialogue script (\"\(log.header.script)\"); use the same --script",
        code: .dataError)
    }
    var engine = DialogueEngine(script: script, analyzer: analyzer)
    var warned = log.header.redacted
    for (line, entry) in log.entries {
      let events: [DialogueEvent]
      do {
        events = try engine.apply(entry.input)
      } catch {
        throw UserFacingError("error: \(path):\(line): this event cannot be replayed: \(error)", code: .dataError)
      }
      if !warned, case .reply = entry.input, let recorded = entry.signals, events.flaggedSignals != recorded {
        warned = true
        StandardError.write(
          "rekindle: warning: \(path):\(line): this reply reads differently than when it was recorded "
            + "(another version of rekindle, or other --lexicon/--model options); the practice follows today's reading\n")
      }
    }
    return engine
  }
}
