import Authoring
import XCTest

/// `examples:` are run through the analyzer, the safety rule and the guards.
final class ExampleCheckTests: XCTestCase {
  func testExamplesThatTakeTheirTransitionAreClean() {
    XCTAssertEqual(lint(cleanScript), [])
  }

  func testExampleTakingAnotherTransition() {
    let yaml = cleanScript(
      replacing: "[\"She dumped me last month.\"]", with: "[\"She dumped me last month.\", \"I missed you.\"]")
    let found = lint(yaml)
    XCTAssertEqual(places(found), ["15:49 example-mismatch"])
    XCTAssertEqual(found.first?.severity, .warning)
    let message = found.first?.message ?? ""
    XCTAssertTrue(
      message.hasPrefix(
        "example \"I missed you.\" takes transition 2 (line 16: otherwise) instead of transition 1 (rebound)"),
      message)
    XCTAssertTrue(message.contains("the analyzer read"), message)
  }

  func testExampleTriggeringTheSafetyRule() {
    let found = lint(
      cleanScript(replacing: "[\"Mostly I was", with: "[\"If you leave I'll hurt myself.\", \"Mostly I was"))
    XCTAssertEqual(places(found), ["17:20 example-mismatch"])
    XCTAssertTrue(found.first?.message.contains("triggers the safety rule") ?? false, "\(found)")
  }

  func testExampleMatchingNoTransition() {
    let yaml = cleanScript(
      replacing:
        "      - goto: done\n        examples: [\"Mostly I was at my brother's place, fixing cars in his garage.\"]\n",
      with: ""
    )
    .replacingOccurrences(of: "[\"She dumped me last month.\"]", with: "[\"I fixed cars.\"]")
    let found = lint(yaml)
    XCTAssertEqual(places(found, rule: .exampleMismatch), ["15:20 example-mismatch"])
    XCTAssertTrue(found.first { $0.rule == .exampleMismatch }?.message.contains("matches no transition") ?? false)
  }

  func testExamplesAreReadWithTheVariablesTheirGuardNeeds() {
    // The same reply illustrates two transitions: with the variable set, and without it.
    let yaml = cleanScript(replacing: "start: ask", with: "start: first")
      .replacingOccurrences(
        of: "states:\n",
        with: """
          states:
            first:
              group: 1
              ask: "Hello?"
              transitions:
                - when: { signals: { any: [rebound] } }
                  set: { after: "yes" }
                  goto: ask
                - goto: ask

          """
      )
      .replacingOccurrences(
        of:
          "      - when: { signals: { any: [rebound] } }\n        goto: done\n        examples: [\"She dumped me last month.\"]\n",
        with: """
                - when: { answer: "no", vars: { after: "yes" } }
                  goto: done
                  examples: ["No, nobody."]
                - when: { answer: "no" }
                  goto: done
                  examples: ["No, nobody."]

          """
      )
      .replacingOccurrences(of: "yes_no: false", with: "yes_no: true")
      .replacingOccurrences(
        of: "What did you do while we were apart?", with: "Did you date anyone while we were apart?")
    XCTAssertEqual(lint(yaml), [])
  }

  func testExamplesUseTheGivenAnalyzer() {
    XCTAssertEqual(testLinter.analyzer.analyze("She dumped me last month.").signalIDs, [.rebound])
  }
}
