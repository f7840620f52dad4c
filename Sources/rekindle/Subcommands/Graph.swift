import ArgumentParser
import Authoring
import DialogueFormat

/// `rekindle graph`: prints a dialogue script's state machine as a Graphviz or Mermaid graph.
struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw the conversation's flow: states, transitions and their guards (DOT or Mermaid).",
    discussion: """
      States are labelled with their id and a short form of the question; edges with the guards of the \
      transitions between two states, in order. The end state is doubled, the safety exit red. Render \
      DOT with Graphviz (`rekindle graph | dot -Tsvg > flow.svg`); paste Mermaid into a ```mermaid block \
      of a Markdown page.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid
  }

  @Option(help: "Output: 'dot' (Graphviz) or 'mermaid'.")
  var format: Format = .dot

  @Option(help: ArgumentHelp("Draw another dialogue script (YAML) instead of the built-in one.", valueName: "file"))
  var script: String?

  @Option(help: ArgumentHelp("Draw a persona of practice mode instead: which reply answers each question, by how she asks.", valueName: "name|file"))
  var persona: String?

  func run() throws {
    try reportingErrors {
      let script = try ScriptSource.load(self.script)
      var graph = format == .dot ? DOTGraph.render(script) : MermaidGraph.render(script)
      if let persona {
        let loaded = try PracticePlay.persona(named: persona, script: script)
        graph = format == .dot ? PersonaGraph.dot(loaded, script: script) : PersonaGraph.mermaid(loaded, script: script)
      }
      // Labels quote the script's text: control characters are shown visibly, on a terminal or in a file.
      try StandardOutput.write(VisibleText.sanitize(graph, keepingNewlines: true))
    }
  }
}
