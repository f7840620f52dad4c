import DialogueFormat
import Practice
import Signals
import Yams

/// Reads practice transcripts (YAML with `persona:` and `turns:` of `say:` lines).
public enum PracticeTranscriptLoader {
  static let topKeys = ["title", "persona", "script", "notes", "turns", "end"]
  static let turnKeys = ["say", "command", "expect", "confirms_harm"]
  static let expectKeys = ["question", "tone", "not_tone", "variant", "his_signals"]

  /// Whether `text` is a practice transcript: a `persona:` line at the top level.
  public static func isPractice(_ text: String) -> Bool {
    text.split(separator: "\n").contains { $0.hasPrefix("persona:") }
  }

  /// Loads a practice transcript; `file` names it in errors (file:line:column).
  public static func load(_ text: String, file: String) throws(ScriptError) -> PracticeTranscript {
    let reader = NodeReader(file: file)
    let root = try ScriptLoader.parseYAML(text, file: file, what: "transcript")
    let entries = try reader.entries(root, of: "the transcript")
    try reader.checkKeys(entries, allowed: topKeys, in: "the transcript")
    func value(_ key: String) -> Entry? { entries.first { $0.key == key } }
    guard let personaEntry = value("persona") else {
      throw ScriptError("a practice transcript needs `persona:`", at: reader.location(root))
    }
    guard let turnsEntry = value("turns") else {
      throw ScriptError("the transcript has no `turns:` list", at: reader.location(root))
    }
    var transcript = PracticeTranscript(
      file: file, title: try value("title").map { e throws(ScriptError) in try reader.text(e.value, of: "`title`") } ?? file,
      persona: try reader.text(personaEntry.value, of: "`persona`"))
    if let e = value("script") { transcript.script = try reader.text(e.value, of: "`script`") }
    if let e = value("notes") { transcript.notes = try reader.text(e.value, of: "`notes`") }
    if let e = value("end") {
      let name = try reader.text(e.value, of: "`end`")
      guard let end = PracticeTranscript.Ending(rawValue: name) else {
        throw reader.error("`end` must be summary or safety, not `\(name)`", at: e.value)
      }
      transcript.end = end
      transcript.endLine = reader.location(e.keyNode).line
    }
    for node in try reader.items(turnsEntry.value, of: "`turns`") { transcript.turns.append(try turn(node, reader: reader)) }
    return transcript
  }

  private static func turn(_ node: Node, reader: NodeReader) throws(ScriptError) -> PracticeTranscriptTurn {
    let line = reader.location(node).line
    if node.scalar != nil { return PracticeTranscriptTurn(action: .say(try reader.text(node, of: "a turn")), line: line) }
    let entries = try reader.entries(node, of: "a turn")
    try reader.checkKeys(entries, allowed: turnKeys, in: "a turn")
    func value(_ key: String) -> Entry? { entries.first { $0.key == key } }
    let action: PracticeTranscriptTurn.Action
    switch (value("say"), value("command")) {
    case (let say?, nil): action = .say(try reader.text(say.value, of: "`say`"))
    case (nil, let command?):
      let name = try reader.text(command.value, of: "`command`")
      guard name == "back" || name == "/back" else { throw reader.error("`command` must be `back`, not `\(name)`", at: command.value) }
      action = .back
    case (.some, .some): throw reader.error("a turn has either `say` or `command`, not both", at: node)
    case (nil, nil): throw reader.error("a turn needs `say` (what she says) or a `command`", at: node)
    }
    var expect = PracticeExpectation()
    if let e = value("expect") {
      let fields = try reader.entries(e.value, of: "`expect`")
      try reader.checkKeys(fields, allowed: expectKeys, in: "`expect`")
      for field in fields {
        switch field.key {
        case "question": expect.question = try reader.text(field.value, of: "`question`")
        case "tone": expect.tone = try signs(field.value, reader: reader)
        case "not_tone": expect.notTone = try signs(field.value, reader: reader)
        case "variant":
          let name = try reader.text(field.value, of: "`variant`")
          let known = Persona.Variant.allCases.map(\.rawValue) + ["off_script"]
          guard known.contains(name) else {
            throw reader.error("`variant` must be one of \(known.joined(separator: ", ")), not `\(name)`", at: field.value)
          }
          expect.variant = name
        case "his_signals":
          var ids: [SignalID] = []
          for item in try reader.items(field.value, of: "`his_signals`") { ids.append(try reader.signal(item, of: "`his_signals`")) }
          expect.hisSignals = ids
        default: break
        }
      }
    }
    var confirmsHarm: Bool?
    if let answer = value("confirms_harm") {
      guard case .say = action else { throw reader.error("`confirms_harm` goes with a `say`", at: answer.value) }
      confirmsHarm = try reader.bool(answer.value, of: "`confirms_harm`")
    }
    return PracticeTranscriptTurn(action: action, expect: expect, line: line, confirmsHarm: confirmsHarm)
  }

  private static func signs(_ node: Node, reader: NodeReader) throws(ScriptError) -> [HerSign] {
    var out: [HerSign] = []
    for item in try reader.items(node, of: "her signs") {
      let name = try reader.text(item, of: "a sign")
      guard let sign = HerSign(rawValue: name) else {
        let hint = Suggestion.closest(to: name, in: HerSign.allCases.map(\.rawValue)).map { "; did you mean `\($0)`?" } ?? ""
        throw reader.error("`\(name)` is not a sign of her side\(hint)", at: item)
      }
      out.append(sign)
    }
    return out
  }
}
