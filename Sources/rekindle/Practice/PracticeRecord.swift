import Dialogue
import DialogueFormat
import Practice
import Signals

/// A practice as a session record: her inputs as record entries, and a practice rebuilt from a record.
enum PracticeRecord {
  /// The record entry for a practice input (the end is not recorded: a resumed practice goes on).
  static func dialogueInput(_ input: PracticeInput) -> DialogueInput? {
    switch input {
    case .start: return .start
    case .line(let text, let check): return .reply(text, safetyCheck: check)
    case .back: return .back
    case .end: return nil
    }
  }

  /// The practice input a record entry stands for, or an error naming its line.
  static func practiceInput(_ entry: SessionRecordFormat.Entry, line: Int, path: String) throws(UserFacingError) -> PracticeInput {
    switch entry.input {
    case .start: return .start
    case .reply(let text, let check): return .line(text, safetyCheck: check)
    case .back: return .back
    default:
      throw UserFacingError("error: \(path):\(line): a practice record has no such event (from chat?)", code: .dataError)
    }
  }

  /// The engine for a recorded practice, replayed; the record must be a practice with this persona
  /// and script.
  static func engine(
    replaying log: SessionLog, script: DialogueScript, persona: Persona, analyzer: Analyzer, path: String
  ) throws(UserFacingError) -> PracticeEngine {
    guard let recorded = log.header.persona else {
      throw UserFacingError("error: \(path): this is a chat record; continue it with rekindle chat --resume \(path)", code: .dataError)
    }
    guard recorded.id == persona.id, recorded.fingerprint == persona.fingerprint else {
      throw UserFacingError(
        "error: \(path): recorded with the persona \(recorded.id) as it was then; give --persona \(recorded.id) (unchanged) to go on",
        code: .dataError)
    }
    guard log.header.fingerprint == script.fingerprint else {
      throw UserFacingError("error: \(path): recorded with another version of the dialogue script", code: .dataError)
    }
    var inputs: [PracticeInput] = []
    for (line, entry) in log.entries { inputs.append(try practiceInput(entry, line: line, path: path)) }
    return PracticeEngine(script: script, persona: persona, analyzer: analyzer, replaying: inputs)
  }
}
