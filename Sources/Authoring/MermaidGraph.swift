import Dialogue

/// A script as a Mermaid flowchart (for Markdown pages such as the README): question states labelled with
/// their id and question, edges with their guards, the end state rounded and the safety exit in red.
public enum MermaidGraph {
  /// Words Mermaid reads as keywords, which cannot be node ids.
  private static let reserved: Set<String> = [
    "end", "graph", "flowchart", "subgraph", "click", "style", "class", "classdef", "linkstyle", "default", "call",
    "href", "direction",
  ]

  /// The Mermaid text for `script`, starting with `---` front matter holding the title.
  public static func render(_ script: DialogueScript) -> String {
    let graph = ScriptGraph(script: script)
    var ids: [String: String] = [:]
    for (index, vertex) in graph.vertices.enumerated() { ids[vertex.id] = nodeID(vertex.id, index: index) }
    func id(_ state: String) -> String { ids[state] ?? "missing" }

    let title = String(graph.title.map { $0 == "\"" || $0 == "\\" || $0.isNewline ? " " : $0 })
    var out = "---\ntitle: \"\(title)\"\n---\nflowchart TD\n"
    out += "  rekindle_start((start)) --> \(id(graph.start))\n"
    for vertex in graph.vertices {
      let text = "\"\(escape(vertex.id))<br/>\(escape(vertex.caption))\""
      switch vertex.kind {
      case .question: out += "  \(id(vertex.id))[\(text)]\n"
      case .end: out += "  \(id(vertex.id))([\(text)])\n"
      case .safety: out += "  \(id(vertex.id)){{\(text)}}\n"
      }
    }
    for edge in graph.edges {
      let label = ScriptGraph.lines(edge.labels).map(escape).joined(separator: "<br/>")
      out += "  \(id(edge.from)) -->|\"\(label)\"| \(id(edge.to))\n"
    }
    if let safety = graph.safety {
      out +=
        "  rekindle_safety[/\"safety rule: checked first in every state\"/] -.->|\"\(escape(safety.label))\"| "
        + "\(id(safety.goto))\n"
    }
    out += "  classDef final fill:#e6f4ea,stroke:#2e7d32\n"
    out += "  classDef danger fill:#fde2e1,stroke:#c62828,color:#7f0000\n"
    let finals = graph.vertices.filter { $0.kind == .end }.map { id($0.id) }
    let dangers =
      graph.vertices.filter { $0.kind == .safety }.map { id($0.id) } + (graph.safety == nil ? [] : ["rekindle_safety"])
    if !finals.isEmpty { out += "  class \(finals.joined(separator: ",")) final\n" }
    if !dangers.isEmpty { out += "  class \(dangers.joined(separator: ",")) danger\n" }
    return out
  }

  /// The state id itself when Mermaid accepts it as a node id, `state<N>` otherwise.
  private static func nodeID(_ id: String, index: Int) -> String {
    let plain = id.unicodeScalars.allSatisfy {
      ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_"
    }
    let safe =
      plain && !id.isEmpty && !reserved.contains(id.lowercased()) && !id.hasPrefix("rekindle_")
      && id.first.map { !$0.isNumber } == true
    return safe ? id : "state\(index + 1)"
  }

  /// Text for inside a double-quoted Mermaid label, with entity codes for the characters it cannot hold.
  static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "#": out += "#35;"
      case "\"": out += "#quot;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}
