import Authoring
import Dialogue
import DialogueFormat
import XCTest

/// The built-in conversation and the guide's worked example lint clean, and stay so.
final class BuiltInScriptLintTests: XCTestCase {
  func testBuiltInScriptLintsClean() {
    let found = productLinter.lint(ScriptLoader.builtInText, file: ScriptLoader.builtInFile)
    XCTAssertEqual(found, [], found.map(\.description).joined(separator: "\n"))
  }

  func testBuiltInScriptHasExamplesOnItsMainTransitions() {
    for state in ScriptLoader.builtIn.states where state.kind == .question {
      for (index, transition) in state.transitions.enumerated() where transition.condition != nil {
        XCTAssertFalse(transition.examples.isEmpty, "transition \(index + 1) of `\(state.id)` has no examples")
      }
      XCTAssertGreaterThan(state.transitions.reduce(0) { $0 + $1.examples.count }, 3, state.id)
    }
  }

  func testWorkedExampleLintsClean() throws {
    let path = "Scripts/dialogues/example.yaml"
    let found = productLinter.lint(try repositoryFile(path), file: path)
    XCTAssertEqual(found, [], found.map(\.description).joined(separator: "\n"))
  }

  func testGuideShowsTheWorkedExample() throws {
    let guide = try repositoryFile("Scripts/README.md")
    let example = try repositoryFile("Scripts/dialogues/example.yaml")
    XCTAssertTrue(
      guide.contains("```yaml\n" + example + "```\n"), "paste Scripts/dialogues/example.yaml into Scripts/README.md")
  }

  func testGuideListsEveryRule() throws {
    let guide = try repositoryFile("Scripts/README.md")
    for rule in LintRule.allCases {
      XCTAssertTrue(guide.contains("| `\(rule.rawValue)` |"), "Scripts/README.md does not describe `\(rule.rawValue)`")
    }
  }
}
