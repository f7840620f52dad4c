import Dialogue
import Signals
import Yams

/// Reads one entry under `states:`: a question state, or a final state (`kind: end` / `kind: safety`).
struct StateDecoder {
  static let questionKeys = ScriptFormat.questionState.fieldNames
  static let finalKeys = ScriptFormat.finalState.fieldNames
  static let groups = ScriptFormat.groups

  let reader: NodeReader

  func decode(_ entry: Entry, references: inout [StateReference]) throws(ScriptError) -> DialogueState {
    let id = entry.key
    let what = "state `\(id)`"
    if reader.isNull(entry.value) { throw emptyState(id, at: entry.keyNode) }
    let entries = try reader.entries(entry.value, of: what)
    if entries.isEmpty { throw emptyState(id, at: entry.keyNode) }
    var kind = DialogueState.Kind.question
    if let kindEntry = entries.first(where: { $0.key == "kind" }) {
      kind = try decodeKind(kindEntry.value)
    }
    let line = entry.keyNode.mark?.line ?? 1
    if kind == .question {
      return try decodeQuestion(id: id, entries: entries, at: entry.keyNode, line: line, references: &references)
    }
    try checkKeys(entries, allowed: Self.finalKeys, misplaced: Self.questionKeys, kind: kind, in: what)
    guard let say = entries.first(where: { $0.key == "say" }) else {
      throw reader.error("\(what) (kind: \(kind.rawValue)) needs a `say` text", at: entry.keyNode)
    }
    return DialogueState(
      id: id, kind: kind, group: nil, coach: nil, ask: nil, yesNo: false, transitions: [],
      say: try reader.text(say.value, of: "`say`"), line: line)
  }

  private func decodeQuestion(
    id: String, entries: [Entry], at keyNode: Node, line: Int, references: inout [StateReference]
  ) throws(ScriptError) -> DialogueState {
    let what = "state `\(id)`"
    try checkKeys(entries, allowed: Self.questionKeys, misplaced: Self.finalKeys, kind: .question, in: what)
    var group: Int?
    var coach: String?
    var ask: String?
    var yesNo = false
    var transitions: [Transition]?
    var intents: [String] = []
    for entry in entries {
      switch entry.key {
      case "group":
        let value = try reader.int(entry.value, of: "`group`")
        guard Self.groups.contains(value) else {
          throw reader.error("`group` should be between 1 and 7, not \(value)", at: entry.value)
        }
        group = value
      case "coach": coach = try reader.text(entry.value, of: "`coach`")
      case "ask": ask = try reader.text(entry.value, of: "`ask`")
      case "yes_no": yesNo = try reader.bool(entry.value, of: "`yes_no`")
      case "intents":
        for item in try reader.items(entry.value, of: "`intents`") { intents.append(try reader.text(item, of: "an intent")) }
      case "transitions":
        transitions = try TransitionDecoder(reader: reader).decodeList(entry.value, state: id, references: &references)
      default: break  // `kind: question`
      }
    }
    guard let ask else { throw reader.error("\(what) needs an `ask` (the question)", at: keyNode) }
    guard let group else { throw reader.error("\(what) needs a `group` (1 to 7)", at: keyNode) }
    guard let transitions else {
      throw reader.error("\(what) needs `transitions`, or `kind: end` to end the conversation", at: keyNode)
    }
    return DialogueState(
      id: id, kind: .question, group: group, coach: coach, ask: ask, yesNo: yesNo, transitions: transitions,
      say: nil, line: line, intents: intents)
  }

  private func decodeKind(_ node: Node) throws(ScriptError) -> DialogueState.Kind {
    let name = try reader.text(node, of: "`kind`")
    if let kind = DialogueState.Kind(rawValue: name) { return kind }
    let known = DialogueState.Kind.allCases.map(\.rawValue)
    var message = "`kind` should be question, end or safety, not `\(name)`"
    if let suggestion = Suggestion.closest(to: name, in: known) { message += "; did you mean `\(suggestion)`?" }
    throw reader.error(message, at: node)
  }

  /// Like ``NodeReader/checkKeys(_:allowed:in:)``, with a clearer message for a key of the other state kind.
  private func checkKeys(
    _ entries: [Entry], allowed: [String], misplaced: [String], kind: DialogueState.Kind, in what: String
  ) throws(ScriptError) {
    for entry in entries where !allowed.contains(entry.key) && misplaced.contains(entry.key) {
      let message =
        kind == .question
        ? "`\(entry.key)` belongs in a final state (kind: end or kind: safety); \(what) asks a question"
        : "`\(entry.key)` belongs in a question state; \(what) is a final state (kind: \(kind.rawValue))"
      throw reader.error(message, at: entry.keyNode)
    }
    try reader.checkKeys(entries, allowed: allowed, in: what)
  }

  private func emptyState(_ id: String, at node: Node) -> ScriptError {
    reader.error("state `\(id)` is empty; give it an `ask` and `transitions`, or a `kind` and `say`", at: node)
  }
}
