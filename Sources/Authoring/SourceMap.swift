import Dialogue
import Signals
import Yams

/// The positions of a loaded script's parts, read from its YAML tree: states, transitions, examples and
/// every text the analyzer reads.
struct SourceMap {
  let file: String
  /// The script's lines, as Unicode scalars (to find verbatim text).
  private let lines: [[Unicode.Scalar]]
  private let root: Node

  init(root: Node, text: String, file: String) {
    self.root = root
    self.file = file
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
  }

  /// The state's key under `states:`.
  func state(_ state: DialogueState) -> SourceLocation {
    NodeText.keyNode(state.id, in: statesNode).map { NodeText.location($0, file: file) } ?? line(state.line)
  }

  /// The start of transition `index` of `state`.
  func transition(_ index: Int, of state: DialogueState) -> SourceLocation {
    transitionNode(index, of: state).map { NodeText.location($0, file: file) }
      ?? line(state.transitions[index].line)
  }

  /// Example `example` of transition `index` of `state`.
  func example(_ example: Int, transition index: Int, of state: DialogueState) -> TextSpot {
    let list = NodeText.value("examples", in: transitionNode(index, of: state))?.sequence
    guard let list, example < list.count else {
      return TextSpot(location: transition(index, of: state), verbatimColumn: nil)
    }
    return spot(list[example])
  }

  /// A text field (`ask`, `coach`, `say`) of a state.
  func stateText(_ key: String, of state: DialogueState) -> TextSpot {
    guard let node = NodeText.value(key, in: NodeText.value(state.id, in: statesNode)) else {
      return TextSpot(location: self.state(state), verbatimColumn: nil)
    }
    return spot(node)
  }

  /// A text field (`coach`, `follow_up`) of transition `index` of `state`.
  func transitionText(_ key: String, transition index: Int, of state: DialogueState) -> TextSpot {
    guard let node = NodeText.value(key, in: transitionNode(index, of: state)) else {
      return TextSpot(location: transition(index, of: state), verbatimColumn: nil)
    }
    return spot(node)
  }

  /// The reaction text for `signal`.
  func reaction(_ signal: SignalID) -> TextSpot {
    let reactions = NodeText.value("reactions", in: root)
    guard let node = NodeText.value(signal.rawValue, in: reactions) else {
      return TextSpot(location: line(1), verbatimColumn: nil)
    }
    return spot(node)
  }

  /// The `safety:` key.
  var safety: SourceLocation {
    NodeText.keyNode("safety", in: root).map { NodeText.location($0, file: file) } ?? line(1)
  }

  // MARK: - Helpers

  private var statesNode: Node? { NodeText.value("states", in: root) }

  private func transitionNode(_ index: Int, of state: DialogueState) -> Node? {
    let list = NodeText.value("transitions", in: NodeText.value(state.id, in: statesNode))?.sequence
    guard let list, index < list.count else { return nil }
    return list[index]
  }

  private func line(_ number: Int) -> SourceLocation {
    SourceLocation(file: file, line: number, column: 1)
  }

  /// A scalar's position, with the column of its first character when it is written verbatim.
  private func spot(_ node: Node) -> TextSpot {
    let location = NodeText.location(node, file: file)
    guard let scalar = node.scalar, location.line >= 1, location.line <= lines.count else {
      return TextSpot(location: location, verbatimColumn: nil)
    }
    let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    let column = location.column + (quoted ? 1 : 0)
    let line = lines[location.line - 1]
    let text = Array(scalar.string.unicodeScalars)
    let start = column - 1
    guard start >= 0, start + text.count <= line.count, Array(line[start..<start + text.count]) == text else {
      return TextSpot(location: location, verbatimColumn: nil)
    }
    return TextSpot(location: location, verbatimColumn: column)
  }
}
