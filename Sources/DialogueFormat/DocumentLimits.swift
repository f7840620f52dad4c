import Dialogue
import Signals
import Yams

/// Bounds that keep a hostile or broken script from exhausting memory or the stack.
enum DocumentLimits {
  /// The largest script accepted, in UTF-8 bytes.
  static let maxBytes = 2 * 1024 * 1024
  /// The most YAML nodes accepted, counting every expansion of an alias.
  static let maxNodes = 100_000
  /// The deepest nesting accepted (flow brackets, or indentation levels).
  static let maxDepth = 64
  /// Unclosed brackets, or leading `- ` / `? ` indicators on a line, counted with quotes and
  /// comments ignored, past which a text is refused whatever the nesting scan made of it: far below
  /// the few thousand levels that overflow the parser's stack, far above what a script uses.
  static let backstopDepth = 1_000

  /// Checks the raw text before it is parsed: its size and a cheap estimate of its nesting depth.
  static func checkText(_ yaml: String, file: String, what: String = "script") throws(ScriptError) {
    if yaml.utf8.count > maxBytes {
      throw ScriptError("the \(what) is larger than 2 MB", at: SourceLocation(file: file, line: 1, column: 1))
    }
    if let (line, column) = NestingScan.firstTooDeep(yaml, limit: maxDepth, backstop: backstopDepth) {
      throw ScriptError(
        "the \(what) is nested more than \(maxDepth) levels deep",
        at: SourceLocation(file: file, line: line, column: column))
    }
  }

  /// Counts the nodes of the composed tree, aliases expanded, stopping at the limit.
  static func checkNodeCount(_ root: Node, reader: NodeReader, what: String = "script") throws(ScriptError) {
    var count = 0
    var stack = [root]
    while let node = stack.popLast() {
      count += 1
      if count > maxNodes {
        throw reader.error(
          "the \(what) has more than \(maxNodes) YAML nodes (after expanding aliases)", at: root)
      }
      switch node {
      case .scalar: break
      case .sequence(let sequence): stack.append(contentsOf: sequence)
      case .mapping(let mapping):
        for (key, value) in mapping { stack.append(contentsOf: [key, value]) }
      }
    }
  }
}
