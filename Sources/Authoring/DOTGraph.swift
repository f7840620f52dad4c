import Dialogue

/// A script as a Graphviz DOT digraph: question states grouped by question group and labelled with their
/// id and question, edges labelled with their guards, the end state doubled and the safety exit in red.
public enum DOTGraph {
  /// The DOT text for `script` (render it with `dot -Tsvg`).
  public static func render(_ script: DialogueScript) -> String {
    let graph = ScriptGraph(script: script)
    var out = "digraph rekindle {\n"
    out += "  graph [label=\(quote(graph.title)), labelloc=t, fontname=\"Helvetica\", rankdir=TB];\n"
    out += "  node [fontname=\"Helvetica\", fontsize=11, shape=box, style=rounded];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
    out += "  \"__start\" [shape=point, width=0.15, label=\"\"];\n"
    let groups = Array(Set(graph.vertices.compactMap(\.group))).sorted()
    for group in groups {
      out += "  subgraph cluster_group\(group) {\n"
      out += "    label=\"group \(group)\"; style=dashed; color=gray60; fontcolor=gray40;\n"
      for vertex in graph.vertices where vertex.group == group { out += "    " + node(vertex) }
      out += "  }\n"
    }
    for vertex in graph.vertices where vertex.group == nil { out += "  " + node(vertex) }
    out += "  \"__start\" -> \(quote(graph.start));\n"
    for edge in graph.edges {
      let label = quote(ScriptGraph.lines(edge.labels).joined(separator: "\n"))
      out += "  \(quote(edge.from)) -> \(quote(edge.to)) [label=\(label)];\n"
    }
    if let safety = graph.safety {
      out +=
        "  \"__safety\" [shape=note, color=\"#c62828\", fontcolor=\"#c62828\", "
        + "label=\"safety rule\\nchecked first in every state\"];\n"
      out +=
        "  \"__safety\" -> \(quote(safety.goto)) [style=dashed, color=\"#c62828\", label=\(quote(safety.label))];\n"
    }
    out += "}\n"
    return out
  }

  private static func node(_ vertex: ScriptGraph.Vertex) -> String {
    let label = quote("\(vertex.id)\n\(vertex.caption)")
    switch vertex.kind {
    case .question:
      return "\(quote(vertex.id)) [label=\(label)];\n"
    case .end:
      return "\(quote(vertex.id)) [label=\(label), peripheries=2, style=\"rounded,filled\", fillcolor=\"#e6f4ea\"];\n"
    case .safety:
      return "\(quote(vertex.id)) [label=\(label), shape=octagon, style=filled, fillcolor=\"#fde2e1\", "
        + "color=\"#c62828\"];\n"
    }
  }

  /// A DOT double-quoted string; newlines become `\n` line breaks.
  static func quote(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": break
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
