import Dialogue
import Signals
import Yams

/// One `key: value` pair of a YAML mapping, with the key as text.
package struct Entry {
  /// The key's text.
  package var key: String
  /// The key's node (for its location).
  package var keyNode: Node
  /// The value's node.
  package var value: Node
}

/// Typed access to YAML nodes that turns every mismatch into a ``ScriptError`` at the node's mark.
package struct NodeReader {
  /// The file name used in locations.
  package let file: String

  /// A reader reporting locations in `file`.
  package init(file: String) {
    self.file = file
  }

  // MARK: - Locations

  package func location(_ node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  package func error(_ message: String, at node: Node) -> ScriptError {
    ScriptError(message, at: location(node))
  }

  /// "a list", "a mapping", "text": what a node is, for messages.
  package func describe(_ node: Node) -> String { Self.describe(node) }

  /// "a list", "a mapping", "nothing", the scalar in backquotes, or "the quoted text `1`" for a
  /// quoted scalar (which YAML reads as text even with a tag such as `!!int`), for messages.
  package static func describe(_ node: Node) -> String {
    switch node {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let scalar):
      if (scalar.style == .plain || scalar.style == .any) && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
        return "nothing"
      }
      let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
      return (quoted ? "the quoted text " : "") + "`\(scalar.string)`"
    }
  }


  package func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  // MARK: - Containers

  /// The entries of a mapping, in document order; keys must be plain text and unique.
  package func entries(_ node: Node, of what: String) throws(ScriptError) -> [Entry] {
    guard let mapping = node.mapping else {
      throw error("\(what) should be a mapping of `key: value` lines, not \(describe(node))", at: node)
    }
    var result: [Entry] = []
    var seen: Set<String> = []
    for (key, value) in mapping {
      guard let name = key.scalar?.string else {
        throw error("keys in \(what) should be plain names, not \(describe(key))", at: key)
      }
      guard seen.insert(name).inserted else { throw error("duplicate key `\(name)` in \(what)", at: key) }
      result.append(Entry(key: name, keyNode: key, value: value))
    }
    return result
  }

  /// Rejects keys that are not in `allowed`, suggesting the closest allowed one.
  package func checkKeys(_ entries: [Entry], allowed: [String], in what: String) throws(ScriptError) {
    for entry in entries where !allowed.contains(entry.key) {
      var message = "unknown key `\(entry.key)` in \(what)"
      if let suggestion = Suggestion.closest(to: entry.key, in: allowed) {
        message += "; did you mean `\(suggestion)`?"
      } else {
        message += " (expected one of: \(allowed.joined(separator: ", ")))"
      }
      throw error(message, at: entry.keyNode)
    }
  }

  /// The items of a list.
  package func items(_ node: Node, of what: String) throws(ScriptError) -> [Node] {
    guard let sequence = node.sequence else {
      throw error("\(what) should be a list, not \(describe(node))", at: node)
    }
    return Array(sequence)
  }

  // MARK: - Scalars

  /// A scalar as text; numbers and booleans are accepted as written.
  package func text(_ node: Node, of what: String) throws(ScriptError) -> String {
    guard let scalar = node.scalar, !isNull(node) else {
      throw error("\(what) should be text, not \(describe(node))", at: node)
    }
    return scalar.string
  }

  /// A whole number. Base-60 forms of YAML 1.1 ("1:30") are not whole numbers here: Yams traps on
  /// their overflow ("999999999999999999:1"), and no key of the format needs them.
  package func int(_ node: Node, of what: String) throws(ScriptError) -> Int {
    guard let scalar = node.scalar, !scalar.string.contains(":"), let value = node.int else {
      throw error("\(what) should be a whole number, not \(describe(node))", at: node)
    }
    return value
  }

  package func double(_ node: Node, of what: String) throws(ScriptError) -> Double {
    guard node.scalar != nil, let value = node.float, value.isFinite else {
      throw error("\(what) should be a number, not \(describe(node))", at: node)
    }
    return value
  }

  package func bool(_ node: Node, of what: String) throws(ScriptError) -> Bool {
    guard node.scalar != nil, let value = node.bool else {
      throw error("\(what) should be true or false, not \(describe(node))", at: node)
    }
    return value
  }

  /// A mapping of names to text values (for `set` and `vars`).
  package func stringMap(_ node: Node, of what: String) throws(ScriptError) -> [String: String] {
    var result: [String: String] = [:]
    for entry in try entries(node, of: what) {
      result[entry.key] = try text(entry.value, of: "the value of `\(entry.key)` in \(what)")
    }
    return result
  }

  /// Signal ids from a list, with a suggestion for unknown ones.
  package func signals(_ node: Node, of what: String) throws(ScriptError) -> [SignalID] {
    let list = try items(node, of: what)
    if list.isEmpty { throw error("\(what) is empty; list at least one signal id", at: node) }
    var result: [SignalID] = []
    for item in list { result.append(try signal(item, of: what)) }
    return result
  }

  /// One signal id.
  package func signal(_ node: Node, of what: String) throws(ScriptError) -> SignalID {
    let name = try text(node, of: "a signal id in \(what)")
    if let id = SignalID(rawValue: name) { return id }
    let known = SignalID.allCases.map(\.rawValue)
    var message = "unknown signal id `\(name)`"
    if let suggestion = Suggestion.closest(to: name, in: known) { message += "; did you mean `\(suggestion)`?" }
    throw error(message, at: node)
  }
}
