import DialogueFormat
import Dialogue
import Signals
import Yams

/// Walks the YAML tree of a script against ``ScriptFormat`` and reports every unknown key, missing key,
/// wrong value, unknown signal id and unknown state, not only the first one as the loader does.
struct StructureCheck {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Every `start` and `goto`, checked once all state ids are known.
  private var references: [(name: String, node: Node)] = []
  /// The state ids, once `states:` has been read as a mapping (nil before, and when it is not one).
  private var stateIDs: [String]?

  init(file: String) {
    self.file = file
  }

  /// Checks the whole script; returns the findings in document order.
  static func run(_ root: Node, file: String) -> [Diagnostic] {
    var check = StructureCheck(file: file)
    check.record(root, ScriptFormat.root, what: "the script", keyNode: nil)
    check.checkReferences()
    return check.diagnostics
  }

  // MARK: - Values

  private mutating func value(_ node: Node, _ shape: ValueShape, what: String, owner: String, keyNode: Node?) {
    switch shape {
    case .text, .scalar:
      if NodeText.text(node) == nil {
        report(
          .wrongType, "\(what) should be text, not \(NodeText.describe(node))", hint: "write the text, in quotes",
          at: node)
      }
    case .integer(let min, let max):
      integer(node, min: min, max: max, what: what)
    case .number(let min, let max):
      guard node.scalar != nil, let number = node.float, number.isFinite else {
        report(
          .wrongType, "\(what) should be a number, not \(NodeText.describe(node))",
          hint: "write a number such as `0.2`", at: node)
        return
      }
      if !(min...max).contains(number) {
        report(
          .wrongType, "\(what) should be between \(Self.show(min)) and \(Self.show(max)), not \(Self.show(number))",
          hint: "tone runs from -1 (cold) to 1 (warm)", at: node)
      }
    case .boolean:
      if node.scalar == nil || node.bool == nil {
        report(
          .wrongType, "\(what) should be true or false, not \(NodeText.describe(node))",
          hint: "write `true` or `false`", at: node)
      }
    case .constant(let expected):
      guard let text = textValue(node, what: what) else { return }
      if text != expected {
        report(.wrongType, "\(what) should be `\(expected)`, not `\(text)`", hint: "write `\(expected)`", at: node)
      }
    case .choice(let words, let booleans):
      choice(node, words: words, booleans: booleans, what: what)
    case .pattern:
      guard let source = textValue(node, what: what) else { return }
      do {
        _ = try Regex(source)
      } catch {
        report(
          .wrongType, "\(what) is not a valid regular expression: \(error)",
          hint: "check the brackets and escapes (Swift Regex syntax; in single quotes, `\\` needs no escaping)",
          at: node)
      }
    case .signal:
      signal(node, what: what)
    case .stateName:
      if let name = textValue(node, what: what) { references.append((name, node)) }
    case .list(let item, let nonEmpty, let itemName):
      list(node, item: item, nonEmpty: nonEmpty, itemName: itemName, what: what, owner: owner)
    case .record(let shape):
      record(node, shape, what: what, keyNode: keyNode)
    case .dictionary(let item):
      for entry in entries(node, what: what) {
        value(entry.value, item, what: "the value of `\(entry.name)` in \(what)", owner: what, keyNode: entry.key)
      }
    case .reactions:
      for entry in entries(node, what: what) {
        signal(entry.key, what: what)
        value(entry.value, .text, what: "the reaction to `\(entry.name)`", owner: what, keyNode: entry.key)
      }
    case .states:
      states(node, what: what)
    }
  }

  private mutating func integer(_ node: Node, min: Int, max: Int?, what: String) {
    guard node.scalar != nil, let number = node.int else {
      report(
        .wrongType, "\(what) should be a whole number, not \(NodeText.describe(node))",
        hint: "write a whole number such as `1`", at: node)
      return
    }
    if let max, !(min...max).contains(number) {
      report(
        .wrongType, "\(what) should be between \(min) and \(max), not \(number)",
        hint: "use a number from \(min) to \(max)", at: node)
    } else if number < min {
      report(.wrongType, "\(what) cannot be less than \(min)", hint: "use \(min) or more", at: node)
    }
  }

  private mutating func choice(_ node: Node, words: [String], booleans: Bool, what: String) {
    guard let text = textValue(node, what: what) else { return }
    let word = booleans ? text.lowercased() : text
    if words.contains(word) || (booleans && ["true", "false", "on", "off"].contains(word)) { return }
    let listed = words.map { "`\($0)`" }.joined(separator: ", ")
    report(
      .wrongType, "\(what) should be one of \(listed), not `\(text)`",
      hint: Suggestion.closest(to: word, in: words).map { "did you mean `\($0)`?" } ?? "use one of \(listed)", at: node)
  }

  private mutating func signal(_ node: Node, what: String) {
    guard let name = textValue(node, what: "a signal id in \(what)") else { return }
    if SignalID(rawValue: name) != nil { return }
    let known = ScriptFormat.signalIDs
    let hint =
      Suggestion.closest(to: name, in: known).map { "did you mean `\($0)`?" }
      ?? "signal ids are: \(known.joined(separator: ", "))"
    report(.unknownSignal, "unknown signal id `\(name)`", hint: hint, at: node)
  }

  /// The text of a scalar, or nil after reporting that it is not text.
  private mutating func textValue(_ node: Node, what: String) -> String? {
    if let text = NodeText.text(node) { return text }
    report(
      .wrongType, "\(what) should be text, not \(NodeText.describe(node))", hint: "write the text, in quotes", at: node)
    return nil
  }

  // MARK: - Containers

  private mutating func list(
    _ node: Node, item: ValueShape, nonEmpty: Bool, itemName: String?, what: String, owner: String
  ) {
    guard let sequence = node.sequence else {
      report(
        .wrongType, "\(what) should be a list, not \(NodeText.describe(node))",
        hint: "write `[a, b]`, or one `- item` per line", at: node)
      return
    }
    if sequence.isEmpty && nonEmpty {
      report(
        .wrongType, "\(what) is empty",
        hint: itemName == "transition" ? "add at least one `goto`" : "list at least one item", at: node)
    }
    var fallbackLine: Int?
    for (index, element) in sequence.enumerated() {
      let name = itemName.map { "\($0) \(index + 1) of \(owner)" } ?? "an item of \(what)"
      if itemName == "transition" {
        if let fallbackLine {
          report(
            .unreachableTransition,
            "\(name) can never be taken: the transition on line \(fallbackLine) has no `when` and always matches",
            hint: "move the transition without `when` to the end of the list", at: element, severity: .error)
        } else if let keys = element.mapping?.keys.map({ $0.scalar?.string ?? "" }), !keys.contains("when"),
          keys.allSatisfy({ ScriptFormat.transition.field($0) != nil })
        {  // a transition without `when` (and without a misspelt key that might be one)
          fallbackLine = element.mark?.line ?? 1
        }
      }
      value(element, item, what: name, owner: owner, keyNode: nil)
    }
  }

  /// A mapping with fixed keys; `misplaced` is the record of the other kind of state, for clearer messages.
  private mutating func record(
    _ node: Node, _ shape: Record, what: String, keyNode: Node?, misplaced: (record: Record, message: String)? = nil
  ) {
    guard node.mapping != nil else {
      report(
        .wrongType, "\(what) should be a mapping of `key: value` lines, not \(NodeText.describe(node))",
        hint: "write `key: value` lines indented under it, or `{ key: value }`", at: node)
      return
    }
    let found = entries(node, what: what)
    if found.isEmpty && shape.nonEmpty {
      let names = shape.fields.map { "`\($0.name)`" }.joined(separator: ", ")
      report(.wrongType, "\(what) is empty", hint: "use \(names)", at: node)
    }
    for entry in found {
      guard let field = shape.field(entry.name) else {
        if let misplaced, misplaced.record.field(entry.name) != nil {
          report(
            .unknownKey, "`\(entry.name)` \(misplaced.message)", hint: "remove it, or change the state's `kind`",
            at: entry.key)
        } else {
          unknownKey(entry, in: shape, what: what)
        }
        continue
      }
      let context = field.context?(what) ?? "`\(field.name)`"
      value(entry.value, field.shape, what: context, owner: what, keyNode: entry.key)
    }
    for field in shape.fields where field.required && !found.contains(where: { $0.name == field.name }) {
      report(
        .missingKey, "\(what) needs `\(field.name)`", hint: "add `\(field.name):`, \(Self.lowerFirst(field.summary))",
        at: keyNode ?? node)
    }
  }

  private mutating func unknownKey(_ entry: (name: String, key: Node, value: Node), in shape: Record, what: String) {
    let allowed = shape.fields.map(\.name)
    let hint =
      Suggestion.closest(to: entry.name, in: allowed).map { "did you mean `\($0)`?" }
      ?? "expected one of: \(allowed.joined(separator: ", "))"
    report(.unknownKey, "unknown key `\(entry.name)` in \(what)", hint: hint, at: entry.key)
  }

  private mutating func states(_ node: Node, what: String) {
    let found = entries(node, what: what)
    if node.mapping != nil && found.isEmpty {
      report(.wrongType, "\(what) is empty", hint: "add at least one question state and an end state", at: node)
    }
    if node.mapping != nil { stateIDs = found.map(\.name) }
    for entry in found { state(entry) }
  }

  private mutating func state(_ entry: (name: String, key: Node, value: Node)) {
    let what = "state `\(entry.name)`"
    if NodeText.isNull(entry.value) || entry.value.mapping?.isEmpty == true {
      report(
        .missingKey, "\(what) is empty", hint: "give it an `ask` and `transitions`, or a `kind` and `say`",
        at: entry.key)
      return
    }
    var kind = "question"
    if let kindNode = NodeText.value("kind", in: entry.value) {
      guard let text = textValue(kindNode, what: "`kind`") else { return }
      let kinds = DialogueState.Kind.allCases.map(\.rawValue)
      guard kinds.contains(text) else {
        report(
          .wrongType, "`kind` should be question, end or safety, not `\(text)`",
          hint: Suggestion.closest(to: text, in: kinds).map { "did you mean `\($0)`?" }
            ?? "use question, end or safety",
          at: kindNode)
        return
      }
      kind = text
    }
    if kind == "question" {
      record(
        entry.value, ScriptFormat.questionState, what: what, keyNode: entry.key,
        misplaced: (
          ScriptFormat.finalState, "belongs in a final state (kind: end or kind: safety); \(what) asks a question"
        ))
    } else {
      record(
        entry.value, ScriptFormat.finalState, what: what, keyNode: entry.key,
        misplaced: (
          ScriptFormat.questionState, "belongs in a question state; \(what) is a final state (kind: \(kind))"
        ))
    }
  }

  /// The entries of a mapping with plain-text keys, reporting other keys and duplicates.
  private mutating func entries(_ node: Node, what: String) -> [(name: String, key: Node, value: Node)] {
    guard let mapping = node.mapping else {
      report(
        .wrongType, "\(what) should be a mapping of `key: value` lines, not \(NodeText.describe(node))",
        hint: "write `key: value` lines indented under it, or `{ key: value }`", at: node)
      return []
    }
    var result: [(name: String, key: Node, value: Node)] = []
    var seen: Set<String> = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        report(
          .wrongType, "keys in \(what) should be plain names, not \(NodeText.describe(key))",
          hint: "write a plain name before the colon", at: key)
        continue
      }
      guard seen.insert(name).inserted else {
        report(.duplicateKey, "duplicate key `\(name)` in \(what)", hint: "keep one of them", at: key)
        continue
      }
      result.append((name, key, value))
    }
    return result
  }

  // MARK: - References and reports

  private mutating func checkReferences() {
    guard let stateIDs else { return }  // no readable `states:`: already reported
    for reference in references where !stateIDs.contains(reference.name) {
      let hint =
        Suggestion.closest(to: reference.name, in: stateIDs).map { "did you mean `\($0)`?" }
        ?? "add a state `\(reference.name)` under `states:`, or name an existing one"
      report(.unknownState, "no state named `\(reference.name)`", hint: hint, at: reference.node)
    }
  }

  private mutating func report(
    _ rule: LintRule, _ message: String, hint: String, at node: Node, severity: Severity? = nil
  ) {
    diagnostics.append(
      Diagnostic(rule, message, hint: hint, at: NodeText.location(node, file: file), severity: severity))
  }

  private static func show(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }

  private static func lowerFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.lowercased() + text.dropFirst()
  }
}
