import Dialogue
import Signals
import Yams

/// Turns the composed YAML tree into a ``DialogueScript`` and checks every cross-reference.
struct ScriptDecoder {
  static let keys = ScriptFormat.root.fieldNames
  static let safetyKeys = ScriptFormat.safety.fieldNames

  let reader: NodeReader

  func decode(_ root: Node) throws(ScriptError) -> DialogueScript {
    let entries = try reader.entries(root, of: "the script")
    try reader.checkKeys(entries, allowed: Self.keys, in: "the script")
    func value(_ key: String) -> Entry? { entries.first { $0.key == key } }

    guard let format = value("format") else {
      throw reader.error("missing `format: \(DialogueScript.format)` at the top of the script", at: root)
    }
    let formatText = try reader.text(format.value, of: "`format`")
    guard formatText == DialogueScript.format else {
      throw reader.error("unsupported format `\(formatText)`; expected `\(DialogueScript.format)`", at: format.value)
    }
    guard let title = value("title") else { throw reader.error("missing `title`", at: root) }
    guard let start = value("start") else {
      throw reader.error("missing `start`: name the state the conversation begins with", at: root)
    }
    guard let statesEntry = value("states") else { throw reader.error("missing `states`", at: root) }

    var references: [StateReference] = []
    let startID = try reader.text(start.value, of: "`start`")
    references.append(StateReference(target: startID, node: start.value))
    let reactions = try value("reactions").map { entry throws(ScriptError) in try decodeReactions(entry.value) } ?? [:]
    let safety = try value("safety").map { entry throws(ScriptError) in
      try decodeSafety(entry, references: &references)
    }
    let states = try decodeStates(statesEntry.value, references: &references)

    let script = DialogueScript(
      file: reader.file, title: try reader.text(title.value, of: "`title`"), start: startID, reactions: reactions,
      safety: safety, states: states)
    try check(references, in: script)
    guard script.state(startID)?.kind == .question else {
      throw reader.error("`start` should name a question state, not a final one", at: start.value)
    }
    if let safety, let entry = value("safety"), script.state(safety.goto)?.kind != .safety {
      throw reader.error("the safety rule should lead to a state with `kind: safety`", at: entry.keyNode)
    }
    return script
  }

  private func decodeReactions(_ node: Node) throws(ScriptError) -> [SignalID: String] {
    var result: [SignalID: String] = [:]
    for entry in try reader.entries(node, of: "`reactions`") {
      let id = try reader.signal(entry.keyNode, of: "`reactions`")
      result[id] = try reader.text(entry.value, of: "the reaction to `\(entry.key)`")
    }
    return result
  }

  private func decodeSafety(_ entry: Entry, references: inout [StateReference]) throws(ScriptError) -> SafetyRule {
    let entries = try reader.entries(entry.value, of: "`safety`")
    try reader.checkKeys(entries, allowed: Self.safetyKeys, in: "`safety`")
    guard let when = entries.first(where: { $0.key == "when" }) else {
      throw reader.error("the safety rule needs a `when` guard", at: entry.keyNode)
    }
    guard let goto = entries.first(where: { $0.key == "goto" }) else {
      throw reader.error("the safety rule needs a `goto` naming a `kind: safety` state", at: entry.keyNode)
    }
    let condition = try GuardDecoder(reader: reader).decode(when.value, in: "the safety rule")
    let target = try reader.text(goto.value, of: "`goto`")
    references.append(StateReference(target: target, node: goto.value))
    return SafetyRule(condition: condition, goto: target, line: entry.keyNode.mark?.line ?? 1)
  }

  private func decodeStates(_ node: Node, references: inout [StateReference]) throws(ScriptError) -> [DialogueState] {
    let entries = try reader.entries(node, of: "`states`")
    if entries.isEmpty { throw reader.error("`states` is empty", at: node) }
    let decoder = StateDecoder(reader: reader)
    var states: [DialogueState] = []
    for entry in entries { states.append(try decoder.decode(entry, references: &references)) }
    return states
  }

  /// Every `start` and `goto` must name a state.
  private func check(_ references: [StateReference], in script: DialogueScript) throws(ScriptError) {
    let ids = script.states.map(\.id)
    for reference in references where script.state(reference.target) == nil {
      var message = "no state named `\(reference.target)`"
      if let suggestion = Suggestion.closest(to: reference.target, in: ids) {
        message += "; did you mean `\(suggestion)`?"
      }
      throw reader.error(message, at: reference.node)
    }
  }
}
