import Signals
import DialogueFormat
import Yams

/// Small helpers for reading Yams nodes the way the dialogue loader does.
enum NodeText {
  /// The place of `node` in `file` (1-based; 1:1 when the node has no mark).
  static func location(_ node: Node, file: String) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  /// Whether `node` is a plain null scalar (`~`, `null` or nothing).
  static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The text of a non-null scalar.
  static func text(_ node: Node) -> String? {
    guard let scalar = node.scalar, !isNull(node) else { return nil }
    return scalar.string
  }

  /// How messages name a value (see `NodeReader.describe`).
  static func describe(_ node: Node) -> String { NodeReader.describe(node) }


  /// The value for a plain-text key in a mapping node (the first one when keys repeat).
  static func value(_ key: String, in node: Node?) -> Node? {
    node?.mapping?.first { $0.key.scalar?.string == key }?.value
  }

  /// The key node for a plain-text key in a mapping node.
  static func keyNode(_ key: String, in node: Node?) -> Node? {
    node?.mapping?.first { $0.key.scalar?.string == key }?.key
  }
}
