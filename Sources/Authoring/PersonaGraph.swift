import Dialogue
import Practice

/// A persona as a graph: she asks each of the script's questions (grouped by question group), and
/// each question leads to his replies by how she asked (open, guarded, closed, again), each labelled
/// with the start of its first line; off-script lines hang from her directly.
public enum PersonaGraph {
  /// The persona as a Graphviz DOT digraph.
  public static func dot(_ persona: Persona, script: DialogueScript) -> String {
    var out = "digraph persona {\n"
    out += "  graph [label=\(DOTGraph.quote("\(persona.name) (\(persona.id))")), labelloc=t, fontname=\"Helvetica\", rankdir=LR];\n"
    out += "  node [fontname=\"Helvetica\", fontsize=10, shape=box, style=rounded];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
    out += "  \"__her\" [shape=ellipse, label=\"she says\"];\n"
    for group in script.groups {
      out += "  subgraph cluster_group\(group) {\n    label=\"group \(group)\"; style=dashed; color=gray60; fontcolor=gray40;\n"
      for state in questions(script, group: group) {
        out += "    \(DOTGraph.quote(state.id)) [label=\(DOTGraph.quote("\(state.id)\n\(ScriptGraph.shorten(state.ask ?? "", to: 40))"))];\n"
      }
      out += "  }\n"
    }
    for state in script.states where state.kind == .question {
      out += "  \"__her\" -> \(DOTGraph.quote(state.id));\n"
      for variant in persona.variants(of: state.id) {
        let node = "\(state.id).\(variant.rawValue)"
        let lines = persona.answers[state.id]?[variant] ?? []
        let caption = "\(lines.count) \(lines.count == 1 ? "line" : "lines"): \(ScriptGraph.shorten(lines.first ?? "", to: 36))"
        out += "  \(DOTGraph.quote(node)) [label=\(DOTGraph.quote(caption)), shape=note, style=\"\"];\n"
        out += "  \(DOTGraph.quote(state.id)) -> \(DOTGraph.quote(node)) [label=\(DOTGraph.quote(condition(variant)))];\n"
      }
    }
    out += "  \"__off\" [shape=note, label=\(DOTGraph.quote("off script: \(persona.offScript.count) lines"))];\n"
    out += "  \"__her\" -> \"__off\" [label=\"asks none of them\", style=dashed];\n"
    out += "}\n"
    return out
  }

  /// The persona as a Mermaid flowchart.
  public static func mermaid(_ persona: Persona, script: DialogueScript) -> String {
    var out = "---\ntitle: \"\(MermaidGraph.escape("\(persona.name) (\(persona.id))"))\"\n---\nflowchart LR\n"
    out += "  her((she says))\n"
    for (index, state) in script.states.filter({ $0.kind == .question }).enumerated() {
      let q = "q\(index + 1)"
      out += "  her --> \(q)[\"\(MermaidGraph.escape(state.id))<br/>\(MermaidGraph.escape(ScriptGraph.shorten(state.ask ?? "", to: 40)))\"]\n"
      for variant in persona.variants(of: state.id) {
        let lines = persona.answers[state.id]?[variant] ?? []
        let caption = "\(lines.count) \(lines.count == 1 ? "line" : "lines"): \(ScriptGraph.shorten(lines.first ?? "", to: 36))"
        out += "  \(q) -->|\"\(MermaidGraph.escape(condition(variant)))\"| \(q)_\(variant.rawValue)[/\"\(MermaidGraph.escape(caption))\"/]\n"
      }
    }
    out += "  her -.->|\"asks none of them\"| off[/\"off script: \(persona.offScript.count) lines\"/]\n"
    return out
  }

  private static func questions(_ script: DialogueScript, group: Int) -> [DialogueState] {
    script.states.filter { $0.kind == .question && $0.group == group }
  }

  /// When a variant is chosen, as an edge label.
  static func condition(_ variant: Persona.Variant) -> String {
    switch variant {
    case .open: return "calm, open"
    case .guarded: return "with heat"
    case .closed: return "yes/no"
    case .again: return "again / go on"
    }
  }
}
