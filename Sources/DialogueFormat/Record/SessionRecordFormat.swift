import Dialogue
import JSONText
import Signals

/// The lines of a session record (`chat --record FILE`), format `rekindle-record/2`: JSON Lines, a
/// header and then one line per thing the person did (the event log).
///
///     {"format":"rekindle-record/2","script":"…","fingerprint":"…","started":"2026-12-03T20:15:00Z","redacted":false}
///     {"event":"start"}
///     {"event":"reply","reply":"I'm sorry.","signals":["remorse"]}
///     {"event":"reply","reply":"…","safety_check":"dismissed","signals":[]}
///     {"event":"back"}
///     {"event":"skip"}
///     {"event":"overrule","signal":"blame"}
///     {"event":"note","text":"He said this before."}
///
/// A practice record (`practice --record FILE`, she rehearses her side) is the same format with the
/// persona in the header (`"persona":"rebound","persona_fingerprint":"…"`), and her lines as `reply`
/// events (without `signals`).
///
/// The conversation's state is never written: `--resume` replays the events through the engine.
/// `signals` is what the reply showed when it was recorded, for people reading the file and to
/// notice when a reply reads differently on replay.
public enum SessionRecordFormat {
  /// The format this build writes.
  public static let current = "rekindle-record/2"
  /// The format of records written before the event log (a whole snapshot on every line).
  public static let snapshots = "rekindle-record/1"

  /// The first line of a record.
  public struct Header: Sendable, Equatable {
    public var script: String
    public var fingerprint: String
    /// When the session began, as an ISO 8601 UTC time.
    public var started: String
    /// Whether replies are written with placeholders for names and contacts (`--redact`).
    public var redacted: Bool
    /// For a practice record: the persona's id and fingerprint.
    public var persona: (id: String, fingerprint: String)?

    /// A header for a session of `script` begun at `started` (a practice with `persona`).
    public init(
      script: String, fingerprint: String, started: String, redacted: Bool, persona: (id: String, fingerprint: String)? = nil
    ) {
      self.script = script
      self.fingerprint = fingerprint
      self.started = started
      self.redacted = redacted
      self.persona = persona
    }

    public static func == (a: Header, b: Header) -> Bool {
      a.script == b.script && a.fingerprint == b.fingerprint && a.started == b.started && a.redacted == b.redacted
        && a.persona?.id == b.persona?.id && a.persona?.fingerprint == b.persona?.fingerprint
    }
  }

  /// An entry after the header: what she did, and the signals a reply showed.
  public struct Entry: Sendable, Equatable {
    public var input: DialogueInput
    public var signals: [String]?

    /// An entry for `input`, with the signals a reply showed.
    public init(input: DialogueInput, signals: [String]?) {
      self.input = input
      self.signals = signals
    }
  }

  /// The header as one line of JSON (without the newline).
  public static func line(_ header: Header) -> String {
    var pairs: [(String, JSONValue)] = [
      ("format", .string(current)), ("script", .string(header.script)), ("fingerprint", .string(header.fingerprint)),
      ("started", .string(header.started)), ("redacted", .bool(header.redacted)),
    ]
    if let persona = header.persona {
      pairs += [("persona", .string(persona.id)), ("persona_fingerprint", .string(persona.fingerprint))]
    }
    return JSONValue.object(pairs).compact
  }

  /// An entry as one line of JSON (without the newline).
  public static func line(_ entry: Entry) -> String {
    var pairs: [(String, JSONValue)]
    switch entry.input {
    case .start: pairs = [("event", .string("start"))]
    case .back: pairs = [("event", .string("back"))]
    case .skip: pairs = [("event", .string("skip"))]
    case .reply(let text, let check):
      pairs = [("event", .string("reply")), ("reply", .string(text))]
      if let check { pairs.append(("safety_check", .string(check.rawValue))) }
    case .overrule(let id): pairs = [("event", .string("overrule")), ("signal", .string(id.rawValue))]
    case .note(let text): pairs = [("event", .string("note")), ("text", .string(text))]
    }
    if let signals = entry.signals { pairs.append(("signals", .array(signals.map { .string($0) }))) }
    return JSONValue.object(pairs).compact
  }

  /// Reads a header line; the message says what is wrong (nil: this is not a header at all).
  static func header(_ value: JSONValue) throws(FormatProblem) -> Header? {
    guard let format = value["format"]?.stringValue else { return nil }
    guard format == current else { throw FormatProblem("format \"\(format)\" is not \(current)") }
    guard let script = value["script"]?.stringValue, let fingerprint = value["fingerprint"]?.stringValue else {
      throw FormatProblem("the header needs \"script\" and \"fingerprint\" strings")
    }
    var persona: (id: String, fingerprint: String)?
    if value["persona"] != nil || value["persona_fingerprint"] != nil {
      guard let id = value["persona"]?.stringValue, let print = value["persona_fingerprint"]?.stringValue else {
        throw FormatProblem("a practice header needs \"persona\" and \"persona_fingerprint\" strings")
      }
      persona = (id, print)
    }
    return Header(
      script: script, fingerprint: fingerprint, started: value["started"]?.stringValue ?? "",
      redacted: value["redacted"]?.boolValue ?? false, persona: persona)
  }

  /// Reads an entry line.
  static func entry(_ value: JSONValue) throws(FormatProblem) -> Entry {
    guard case .object = value else { throw FormatProblem("expected a JSON object") }
    guard let event = value["event"]?.stringValue else { throw FormatProblem("missing \"event\" (a string)") }
    var signals: [String]?
    if let list = value["signals"] {
      guard let items = list.arrayValue?.compactMap(\.stringValue), items.count == list.arrayValue?.count else {
        throw FormatProblem("\"signals\" must be an array of strings")
      }
      signals = items
    }
    switch event {
    case "start": return Entry(input: .start, signals: signals)
    case "back": return Entry(input: .back, signals: signals)
    case "skip": return Entry(input: .skip, signals: signals)
    case "reply":
      guard let reply = value["reply"]?.stringValue else { throw FormatProblem("a reply event needs \"reply\" (a string)") }
      var check: Turn.SafetyCheck?
      if let raw = value["safety_check"] {
        guard let parsed = raw.stringValue.flatMap(Turn.SafetyCheck.init(rawValue:)) else {
          throw FormatProblem("\"safety_check\" must be \"confirmed\" or \"dismissed\"")
        }
        check = parsed
      }
      return Entry(input: .reply(reply, safetyCheck: check), signals: signals)
    case "overrule":
      guard let raw = value["signal"]?.stringValue, let id = SignalID(rawValue: raw) else {
        throw FormatProblem("an overrule event needs \"signal\" (a signal id)")
      }
      return Entry(input: .overrule(id), signals: signals)
    case "note":
      guard let text = value["text"]?.stringValue else { throw FormatProblem("a note event needs \"text\" (a string)") }
      return Entry(input: .note(text), signals: signals)
    default:
      throw FormatProblem("unknown event \"\(event)\"")
    }
  }

  /// Reads a line of a `rekindle-record/1` record as the header it implies and the entry it holds.
  static func snapshotLine(_ value: JSONValue) throws(FormatProblem) -> (Header, Entry) {
    guard let script = value["script"]?.stringValue, let fingerprint = value["fingerprint"]?.stringValue,
      let type = value["type"]?.stringValue
    else { throw FormatProblem("a \(snapshots) line needs \"type\", \"script\" and \"fingerprint\"") }
    let header = Header(script: script, fingerprint: fingerprint, started: "", redacted: false)
    let signals = value["signals"]?.arrayValue?.compactMap(\.stringValue)
    switch type {
    case "start": return (header, Entry(input: .start, signals: nil))
    case "back": return (header, Entry(input: .back, signals: nil))
    case "skip": return (header, Entry(input: .skip, signals: nil))
    case "turn":
      guard let reply = value["reply"]?.stringValue else { throw FormatProblem("a turn line needs \"reply\"") }
      let check = value["snapshot"]?["turns"]?.arrayValue?.last?["safetyCheck"]?.stringValue
        .flatMap(Turn.SafetyCheck.init(rawValue:))
      return (header, Entry(input: .reply(reply, safetyCheck: check), signals: signals))
    default:
      throw FormatProblem("unknown line type \"\(type)\"")
    }
  }

  /// What is wrong with a line, in a few words.
  struct FormatProblem: Error {
    public var message: String
    init(_ message: String) { self.message = message }
  }
}
