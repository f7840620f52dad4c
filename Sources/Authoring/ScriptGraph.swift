import Dialogue

/// A script as a graph to draw: one node per state, and one edge per pair of states a transition joins,
/// labelled with the guards of all the transitions between them, in order.
struct ScriptGraph {
  /// One state.
  struct Vertex {
    var id: String
    var kind: DialogueState.Kind
    var group: Int?
    /// The question, shortened; for a final state, what kind of ending it is.
    var caption: String
  }

  /// The transitions from one state to another.
  struct Edge {
    var from: String
    var to: String
    /// One label per transition, in script order.
    var labels: [String]
  }

  let title: String
  let start: String
  let vertices: [Vertex]
  let edges: [Edge]
  /// The safety rule's target and guard, when the script has one.
  let safety: (goto: String, label: String)?

  /// The longest caption, in characters, before it is shortened.
  static let captionLimit = 48

  init(script: DialogueScript) {
    title = script.title
    start = script.start
    vertices = script.states.map { state in
      let caption: String
      switch state.kind {
      case .question: caption = Self.shorten(state.ask ?? "", to: Self.captionLimit)
      case .end: caption = "end of the conversation"
      case .safety: caption = "stops the practice (safety)"
      }
      return Vertex(id: state.id, kind: state.kind, group: state.group, caption: caption)
    }
    var edges: [Edge] = []
    for state in script.states {
      for transition in state.transitions {
        let label = GuardLabel.edge(transition)
        if let index = edges.firstIndex(where: { $0.from == state.id && $0.to == transition.goto }) {
          edges[index].labels.append(label)
        } else {
          edges.append(Edge(from: state.id, to: transition.goto, labels: [label]))
        }
      }
    }
    self.edges = edges
    safety = script.safety.map { ($0.goto, GuardLabel.text($0.condition)) }
  }

  /// The labels of an edge as lines: joined by " / ", a new line started before one would pass `width`.
  static func lines(_ labels: [String], width: Int = 40) -> [String] {
    var lines: [String] = []
    var current = ""
    for label in labels {
      if current.isEmpty {
        current = label
      } else if current.count + 3 + label.count <= width {
        current += " / " + label
      } else {
        lines.append(current + " /")
        current = label
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// `text` cut at a word boundary to at most `limit` characters, with "…" when cut.
  static func shorten(_ text: String, to limit: Int) -> String {
    let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    guard flat.count > limit else { return flat }
    var cut = String(flat.prefix(limit - 1))
    if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
    return cut.trimmingCharacters(in: [",", ";", ":", " "]) + "…"
  }
}

extension String {
  /// The string without the given characters at either end.
  fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text = text.dropFirst() }
    while let last = text.last, set.contains(last) { text = text.dropLast() }
    return String(text)
  }
}
