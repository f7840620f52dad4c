import Authoring
import XCTest

/// The analyzer reads the script's own questions and coaching, and flags wording that blames or pressures.
final class WordingCheckTests: XCTestCase {
  func testCalmWordingIsClean() {
    XCTAssertEqual(places(lint(cleanScript), rule: .wording), [])
  }

  func testBlamingQuestion() {
    let found = lint(cleanScript(replacing: "\"What did you do while we were apart?\"", with: "\"Was it your fault?\""))
    XCTAssertEqual(places(found), ["10:18 wording"])
    XCTAssertEqual(found.first?.severity, .warning)
    XCTAssertTrue(
      found.first?.message.hasPrefix("the question of state `ask` reads as blame: \"your fault\"") ?? false, "\(found)")
    XCTAssertTrue(found.first?.hint.contains("patient, calm tone") ?? false)
  }

  func testPressuringCoachingAndFollowUp() {
    let yaml = cleanScript(
      replacing: "    group: 1\n", with: "    group: 1\n    coach: \"You need to decide tonight.\"\n"
    )
    .replacingOccurrences(
      of: "        goto: done\n        examples: [\"She",
      with: "        goto: done\n        follow_up: \"Answer me now.\"\n        retries: 1\n        examples: [\"She")
    let found = lint(yaml)
    XCTAssertEqual(places(found, rule: .wording).first, "10:13 wording", "\(found)")
    XCTAssertTrue(found.first?.message.contains("the coaching of state `ask` reads as pressure") ?? false, "\(found)")
  }

  func testReactionsAreRead() {
    let yaml = cleanScript(
      replacing: "safety:\n", with: "reactions:\n  doubt: \"It was your fault they doubt.\"\nsafety:\n")
    XCTAssertEqual(places(lint(yaml), rule: .wording), ["5:18 wording"])
  }

  func testTextWithEscapesPointsAtItsStart() {
    let found = lint(
      cleanScript(replacing: "\"What did you do while we were apart?\"", with: "\"\\\"Was it your fault?\\\"\""))
    XCTAssertEqual(places(found), ["10:10 wording"])
  }
}
