import Dialogue
import DialogueFormat
import Foundation
import TestSupport
import XCTest

@testable import Authoring

/// `rekindle graph`: DOT for Graphviz, Mermaid for the README.
final class GraphTests: XCTestCase {
  private let script = ScriptLoader.builtIn

  func testDOTShape() {
    let dot = DOTGraph.render(script)
    XCTAssertTrue(dot.hasPrefix("digraph rekindle {\n"))
    XCTAssertTrue(dot.hasSuffix("}\n"))
    XCTAssertEqual(dot.filter { $0 == "{" }.count, dot.filter { $0 == "}" }.count)
    for state in script.states {
      XCTAssertTrue(dot.contains("\"\(state.id)\" [label=\"\(state.id)\\n"), state.id)
    }
    XCTAssertTrue(dot.contains("\"__start\" -> \"while_apart\";"))
    XCTAssertTrue(
      dot.contains(
        "\"while_apart\" -> \"why_back\" [label=\"evasive ↻1 / rebound / self_focus /\\ngrowth / otherwise\"];"), dot)
    XCTAssertTrue(dot.contains("\"closing\" [label=\"closing\\nend of the conversation\", peripheries=2"))
    XCTAssertTrue(dot.contains("\"safety_exit\" [label=\"safety_exit\\nstops the practice (safety)\", shape=octagon"))
    XCTAssertTrue(dot.contains("\"__safety\" -> \"safety_exit\" [style=dashed"))
    XCTAssertTrue(dot.contains("subgraph cluster_group7 {"))
    XCTAssertTrue(dot.contains("what_you…") == false)
  }

  func testDOTEscapesQuotes() throws {
    let yaml = cleanScript(replacing: "title: \"Test\"", with: "title: 'Say \"hi\" \\ now'")
    let dot = DOTGraph.render(try ScriptLoader.load(yaml, file: "test.yaml"))
    XCTAssertTrue(dot.contains("label=\"Say \\\"hi\\\" \\\\ now\""), dot)
  }

  func testMermaidShape() throws {
    let mermaid = MermaidGraph.render(script)
    let lines = mermaid.split(separator: "\n").map(String.init)
    XCTAssertEqual(
      Array(lines.prefix(4)),
      ["---", "title: \"Talking it through: when your ex wants to come back\"", "---", "flowchart TD"])
    XCTAssertTrue(lines.contains("  rekindle_start((start)) --> while_apart"))
    XCTAssertTrue(lines.contains("  while_apart[\"while_apart<br/>What did you do while we were apart?\"]"))
    XCTAssertTrue(lines.contains("  closing([\"closing<br/>end of the conversation\"])"))
    XCTAssertTrue(lines.contains("  safety_exit{{\"safety_exit<br/>stops the practice (safety)\"}}"))
    XCTAssertTrue(lines.contains("  understand_hurt -->|\"empathy\"| need_time"))
    XCTAssertTrue(lines.contains("  class closing final"))
    XCTAssertTrue(lines.contains("  class safety_exit,rekindle_safety danger"))
    // Every line after the header is a node, an edge or a class line, indented by two spaces.
    for line in lines.dropFirst(4) { XCTAssertTrue(line.hasPrefix("  ") && !line.hasPrefix("   "), line) }
  }

  func testMermaidRenamesStatesItCannotUseAsIDs() throws {
    let yaml = cleanScript(replacing: "  done:\n", with: "  end:\n")
      .replacingOccurrences(of: "goto: done", with: "goto: end")
    let mermaid = MermaidGraph.render(try ScriptLoader.load(yaml, file: "test.yaml"))
    XCTAssertTrue(mermaid.contains("  state2([\"end<br/>end of the conversation\"])"), mermaid)
    XCTAssertFalse(mermaid.contains("--> end\n"))
    XCTAssertEqual(MermaidGraph.escape("a \"b\" <c> #d"), "a #quot;b#quot; #lt;c#gt; #35;d")
  }

  func testReadmeShowsTheCurrentGraph() throws {
    let readme = try repositoryFile("README.md")
    let block = "```mermaid\n" + MermaidGraph.render(script) + "```\n"
    XCTAssertTrue(readme.contains(block), "update README.md's graph: swift run rekindle graph --format mermaid")
  }

  /// The DOT output renders with Graphviz, when it is installed (CI installs it).
  func testDOTRendersWithGraphviz() throws {
    guard
      let dot = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"].first(where: {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    else {
      throw XCTSkip("Graphviz (dot) is not installed")
    }
    for text in [DOTGraph.render(script), DOTGraph.render(try ScriptLoader.load(cleanScript, file: "test.yaml"))] {
      let temporary = FileManager.default.temporaryDirectory
      let launcher = ChildLauncher(directory: temporary, environment: ProcessInfo.processInfo.environment)
      let result = launcher.finish(try launcher.start(dot, ["-Tsvg"], stdin: .bytes(Data(text.utf8))), timeout: 60)
      let (svg, messages) = (result.stdout, result.stderr)
      XCTAssertEqual(result.exitCode, 0, String(decoding: messages, as: UTF8.self))
      XCTAssertEqual(String(decoding: messages, as: UTF8.self), "", "Graphviz warnings")
      XCTAssertTrue(String(decoding: svg, as: UTF8.self).contains("<svg"))
    }
  }
}
