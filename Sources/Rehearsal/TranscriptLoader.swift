import Dialogue
import DialogueFormat
import Signals
import Yams

/// Reads transcripts: YAML with a title, turns and expectations, or plain text with one reply per line.
public enum TranscriptLoader {
  static let topKeys = ["title", "script", "notes", "turns", "end"]
  static let turnKeys = ["reply", "command", "expect", "confirms_harm"]
  static let expectKeys = ["state", "question", "signals", "not_signals", "evasive", "follow_up"]

  /// Loads a transcript; `file` names it in errors (file:line:column).
  public static func load(_ text: String, file: String) throws(ScriptError) -> Transcript {
    if isPlainText(text) { return plain(text, file: file) }
    let reader = NodeReader(file: file)
    let root = try ScriptLoader.parseYAML(text, file: file, what: "transcript")
    let entries = try reader.entries(root, of: "the transcript")
    try reader.checkKeys(entries, allowed: topKeys, in: "the transcript")
    func value(_ key: String) -> Entry? { entries.first { $0.key == key } }
    guard let turnsEntry = value("turns") else {
      throw ScriptError("the transcript has no `turns:` list", at: reader.location(root))
    }
    var transcript = Transcript(
      file: file, title: try value("title").map { e throws(ScriptError) in try reader.text(e.value, of: "`title`") } ?? file,
      turns: [])
    if let e = value("script") { transcript.script = try reader.text(e.value, of: "`script`") }
    if let e = value("notes") { transcript.notes = try reader.text(e.value, of: "`notes`") }
    if let e = value("end") {
      let name = try reader.text(e.value, of: "`end`")
      guard let end = EndExpectation(rawValue: name) else {
        let options = EndExpectation.allCases.map(\.rawValue)
        let hint = Suggestion.closest(to: name, in: options).map { "; did you mean `\($0)`?" } ?? ""
        throw reader.error("`end` must be one of \(options.joined(separator: ", ")), not `\(name)`\(hint)", at: e.value)
      }
      transcript.end = end
      transcript.endLine = reader.location(e.keyNode).line
    }
    for node in try reader.items(turnsEntry.value, of: "`turns`") {
      transcript.turns.append(try turn(node, reader: reader))
    }
    return transcript
  }

  /// A transcript is YAML when it is a mapping with `turns:`; anything else is plain lines.
  static func isPlainText(_ text: String) -> Bool {
    for line in text.unicodeScalars.split(separator: "\n").map({ String(String.UnicodeScalarView($0)) }) {
      let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if trimmed.hasPrefix("turns:") || trimmed.hasPrefix("title:") || trimmed.hasPrefix("script:")
        || trimmed.hasPrefix("notes:") || trimmed.hasPrefix("end:") || trimmed.hasPrefix("---")
      {
        return false
      }
    }
    return true
  }

  static func plain(_ text: String, file: String) -> Transcript {
    var turns: [TranscriptTurn] = []
    var number = 0
    for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      var reply = String(String.UnicodeScalarView(line))
      if reply.hasSuffix("\r") { reply.removeLast() }
      if reply.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
      let action: TranscriptTurn.Action
      switch reply.trimmingCharacters() {
      case "/back": action = .back
      case "/skip": action = .skip
      default: action = .reply(reply)
      }
      turns.append(TranscriptTurn(action: action, line: number))
    }
    return Transcript(file: file, title: file, turns: turns, isPlainText: true)
  }

  private static func turn(_ node: Node, reader: NodeReader) throws(ScriptError) -> TranscriptTurn {
    let line = reader.location(node).line
    if node.scalar != nil {
      return TranscriptTurn(action: .reply(try reader.text(node, of: "a turn")), line: line)
    }
    let entries = try reader.entries(node, of: "a turn")
    try reader.checkKeys(entries, allowed: turnKeys, in: "a turn")
    func value(_ key: String) -> Entry? { entries.first { $0.key == key } }
    let action: TranscriptTurn.Action
    switch (value("reply"), value("command")) {
    case (let reply?, nil):
      action = .reply(try reader.text(reply.value, of: "`reply`"))
    case (nil, let command?):
      let name = try reader.text(command.value, of: "`command`")
      switch name {
      case "back", "/back": action = .back
      case "skip", "/skip": action = .skip
      default: throw reader.error("`command` must be `back` or `skip`, not `\(name)`", at: command.value)
      }
    case (.some, .some):
      throw reader.error("a turn has either `reply` or `command`, not both", at: node)
    case (nil, nil):
      throw reader.error("a turn needs a `reply` (or a `command`)", at: node)
    }
    var expect = TurnExpectation()
    if let e = value("expect") {
      let fields = try reader.entries(e.value, of: "`expect`")
      try reader.checkKeys(fields, allowed: expectKeys, in: "`expect`")
      for field in fields {
        switch field.key {
        case "state": expect.state = try reader.text(field.value, of: "`state`")
        case "question": expect.question = try reader.text(field.value, of: "`question`")
        case "signals": expect.signals = try signals(field.value, reader: reader, of: "`signals`")
        case "not_signals": expect.notSignals = try signals(field.value, reader: reader, of: "`not_signals`")
        case "evasive": expect.evasive = try reader.bool(field.value, of: "`evasive`")
        case "follow_up": expect.followUp = try reader.bool(field.value, of: "`follow_up`")
        default: break
        }
      }
    }
    var confirmsHarm: Bool?
    if let answer = value("confirms_harm") {
      guard case .reply = action else {
        throw reader.error("`confirms_harm` goes with a `reply`", at: answer.value)
      }
      confirmsHarm = try reader.bool(answer.value, of: "`confirms_harm`")
    }
    return TranscriptTurn(action: action, expect: expect, line: line, confirmsHarm: confirmsHarm)
  }
}

/// A list of signal ids; an empty list is allowed.
private func signals(_ node: Node, reader: NodeReader, of what: String) throws(ScriptError) -> [SignalID] {
  var ids: [SignalID] = []
  for item in try reader.items(node, of: what) { ids.append(try reader.signal(item, of: what)) }
  return ids
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
    while let c = s.last, c == " " || c == "\t" { s.removeLast() }
    return String(s)
  }
}
