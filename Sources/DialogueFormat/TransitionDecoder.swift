import Dialogue
import Yams

/// A `goto` waiting to be checked once every state id is known.
struct StateReference {
  var target: String
  var node: Node
}

/// Reads the `transitions:` list of a question state.
struct TransitionDecoder {
  static let keys = ScriptFormat.transition.fieldNames

  let reader: NodeReader

  func decodeList(
    _ node: Node, state: String, references: inout [StateReference]
  ) throws(ScriptError) -> [Transition] {
    let items = try reader.items(node, of: "`transitions` of state `\(state)`")
    if items.isEmpty {
      throw reader.error("state `\(state)` has no transitions; add at least one `goto`", at: node)
    }
    var result: [Transition] = []
    var fallbackLine: Int?
    for (index, item) in items.enumerated() {
      let what = "transition \(index + 1) of state `\(state)`"
      if let fallbackLine {
        throw reader.error(
          "\(what) can never be taken: the transition on line \(fallbackLine) has no `when` and always matches",
          at: item)
      }
      let transition = try decode(item, what: what, references: &references)
      if transition.condition == nil { fallbackLine = transition.line }
      result.append(transition)
    }
    return result
  }

  private func decode(
    _ node: Node, what: String, references: inout [StateReference]
  ) throws(ScriptError) -> Transition {
    let entries = try reader.entries(node, of: what)
    try reader.checkKeys(entries, allowed: Self.keys, in: what)
    var condition: Guard?
    var goto: String?
    var followUp: String?
    var retries: Int?
    var coach: String?
    var set: [String: String] = [:]
    var examples: [String] = []
    var retriesNode: Node?
    for entry in entries {
      let value = entry.value
      switch entry.key {
      case "when": condition = try GuardDecoder(reader: reader).decode(value, in: what)
      case "goto":
        let target = try reader.text(value, of: "`goto`")
        goto = target
        references.append(StateReference(target: target, node: value))
      case "follow_up": followUp = try reader.text(value, of: "`follow_up`")
      case "retries":
        let count = try reader.int(value, of: "`retries`")
        if count < 0 { throw reader.error("`retries` cannot be negative", at: value) }
        retries = count
        retriesNode = value
      case "coach": coach = try reader.text(value, of: "`coach`")
      case "set": set = try reader.stringMap(value, of: "`set`")
      default:
        for item in try reader.items(value, of: "`examples`") {
          examples.append(try reader.text(item, of: "an example"))
        }
      }
    }
    if let retriesNode, followUp == nil {
      throw reader.error("`retries` only applies to a transition with a `follow_up`", at: retriesNode)
    }
    guard let goto else {
      if followUp != nil {
        throw reader.error(
          "\(what) has a `follow_up` but no `goto`: name the state to go to when the follow-ups run out", at: node)
      }
      throw reader.error("\(what) needs a `goto` naming the next state", at: node)
    }
    return Transition(
      condition: condition, goto: goto, followUp: followUp, retries: retries, coach: coach, set: set,
      examples: examples, line: node.mark?.line ?? 1)
  }
}
