import Authoring
import XCTest

/// `few-intents`: a script written for practice warns at each question with fewer than three phrasings.
final class IntentCheckTests: XCTestCase {
  private func findings(_ yaml: String) -> [Diagnostic] {
    Linter().lint(yaml, file: "test.yaml").filter { $0.rule == .fewIntents }
  }

  func testAQuestionWithFewPhrasingsIsWarnedAt() {
    let one = cleanScript(
      replacing: "    yes_no: false\n", with: "    yes_no: false\n    intents: [\"what were you up to?\"]\n")
    let found = findings(one)
    XCTAssertEqual(found.map(\.message), ["question state `ask` has only 1 phrasing in `intents:`"])
    XCTAssertEqual(found.first?.severity, .warning)
    XCTAssertEqual(found.first?.location.line, 12, "at its `intents:` list")
    let three = cleanScript(
      replacing: "    yes_no: false\n",
      with: "    yes_no: false\n    intents: [\"what were you up to?\", \"how did you spend it?\", \"where were you?\"]\n")
    XCTAssertEqual(findings(three).map(\.message), [])
  }

  func testAScriptWithoutIntentsIsForChatAndNotWarned() {
    XCTAssertEqual(findings(cleanScript).map(\.message), [])
  }
}
