import Authoring
import XCTest

/// The rules about the script as a state machine. Each has a failing case with its exact place, and a clean one.
final class FlowRuleTests: XCTestCase {
  private let fallbackWithExample =
    "      - goto: done\n        examples: [\"Mostly I was at my brother's place, fixing cars in his garage.\"]\n"

  private func state(_ id: String, goto target: String, group: Int = 2) -> String {
    "  \(id):\n    group: \(group)\n    ask: \"And then?\"\n    transitions:\n      - goto: \(target)\n"
  }

  func testUnreachableState() {
    let found = lint(cleanScript + "\n" + state("orphan", goto: "done"))
    XCTAssertEqual(places(found), ["24:3 unreachable-state"])
    XCTAssertEqual(found.first?.severity, .warning)
    XCTAssertEqual(places(lint(cleanScript), rule: .unreachableState), [])
  }

  func testStatesFromWhichNoEndIsReachable() {
    let yaml =
      cleanScript(replacing: fallbackWithExample, with: "      - goto: loop_a\n")
      + "\n" + state("loop_a", goto: "loop_b") + state("loop_b", goto: "loop_a")
    let found = lint(yaml)
    XCTAssertEqual(places(found), ["23:3 no-end", "28:3 no-end"])
    XCTAssertEqual(found.first?.severity, .error)
    XCTAssertEqual(
      found.first?.message, "no `kind: end` state can be reached from state `loop_a`; the conversation cannot finish")
    // The first state still reaches the end through its other transition.
    XCTAssertEqual(
      places(lint(cleanScript(replacing: fallbackWithExample, with: "      - goto: ask\n")), rule: .noEnd), [])
  }

  func testStateWithNoWayOut() {
    let yaml = cleanScript(
      replacing: "        goto: done\n        examples: [\"She", with: "        goto: ask\n        examples: [\"She"
    )
    .replacingOccurrences(of: fallbackWithExample, with: "      - goto: ask\n")
    let found = lint(yaml)
    XCTAssertEqual(places(found, rule: .noWayOut), ["8:3 no-way-out"])
    XCTAssertEqual(places(found, rule: .noEnd), [], "no-way-out is reported instead")
    XCTAssertEqual(places(found, rule: .unreachableState), ["17:3 unreachable-state"])
    XCTAssertEqual(
      places(lint(cleanScript(replacing: fallbackWithExample, with: "      - goto: ask\n")), rule: .noWayOut), [])
  }

  func testStateWithoutFallback() {
    let found = lint(cleanScript(replacing: fallbackWithExample, with: ""))
    XCTAssertEqual(places(found), ["8:3 no-fallback"])
    XCTAssertTrue(found.first?.message.contains("/skip") ?? false)
  }

  func testFollowUpWithoutRetryLimit() {
    let unbounded = cleanScript(
      replacing: "        goto: done\n        examples: [\"She",
      with: "        goto: done\n        follow_up: \"Can you tell me more?\"\n        examples: [\"She")
    XCTAssertEqual(places(lint(unbounded)), ["13:9 unbounded-follow-up"])
    let bounded = unbounded.replacingOccurrences(of: "more?\"\n", with: "more?\"\n        retries: 1\n")
    XCTAssertEqual(lint(bounded), [])
  }

  func testSetIgnoredWithFollowUp() {
    let ignored = cleanScript(
      replacing: "        goto: done\n        examples: [\"She",
      with:
        "        goto: done\n        follow_up: \"More?\"\n        retries: 1\n        set: { x: \"1\" }\n        examples: [\"She"
    )
    XCTAssertEqual(places(lint(ignored)), ["13:9 ignored-set"])
    let applied = cleanScript(
      replacing: "        goto: done\n        examples: [\"She",
      with: "        goto: done\n        set: { x: \"1\" }\n        examples: [\"She")
    XCTAssertEqual(lint(applied), [])
  }

  func testTransitionAfterAnUnconditionalOneIsAnError() {
    let found = lint(cleanScript(replacing: "    transitions:\n", with: "    transitions:\n      - goto: done\n"))
    XCTAssertEqual(places(found), ["14:9 unreachable-transition", "17:9 unreachable-transition"])
    XCTAssertEqual(found.map(\.severity), [.error, .error])
    XCTAssertEqual(
      found.first?.message,
      "transition 2 of state `ask` can never be taken: the transition on line 13 has no `when` and always matches")
  }

  func testTransitionShadowedByABroaderGuard() {
    let found = lint(
      cleanScript(
        replacing: "    transitions:\n",
        with: "    transitions:\n      - when: { signals: { any: [rebound, blame] } }\n        goto: done\n"))
    XCTAssertEqual(places(found, rule: .unreachableTransition), ["15:9 unreachable-transition"])
    XCTAssertTrue(found.first?.message.contains("transition 1 (line 13, rebound or blame)") ?? false, "\(found)")
    // A narrower earlier guard does not shadow a broader later one.
    let narrower = cleanScript(
      replacing: "    transitions:\n",
      with: "    transitions:\n      - when: { signals: { all: [rebound, blame] } }\n        goto: done\n")
    XCTAssertEqual(places(lint(narrower), rule: .unreachableTransition), [])
  }

  func testTransitionAfterEveryAnswerIsCaught() {
    let answers = ["yes", "no", "unclear"].map { "      - when: { answer: \"\($0)\" }\n        goto: done\n" }.joined()
    let found = lint(cleanScript(replacing: "    transitions:\n", with: "    transitions:\n" + answers))
    XCTAssertEqual(places(found, rule: .unreachableTransition), ["19:9 unreachable-transition"])
    XCTAssertEqual(places(found, rule: .exampleMismatch).count, 2, "both examples are caught by an answer")
    let twoAnswers = answers.replacingOccurrences(
      of: "      - when: { answer: \"unclear\" }\n        goto: done\n", with: "")
    XCTAssertEqual(
      places(
        lint(cleanScript(replacing: "    transitions:\n", with: "    transitions:\n" + twoAnswers)),
        rule: .unreachableTransition), [])
  }

  func testTransitionNeedingAVariableNothingSets() {
    let yaml = cleanScript(
      replacing: "{ signals: { any: [rebound] } }", with: "{ signals: { any: [rebound] }, vars: { x: \"1\" } }")
    let found = lint(yaml)
    XCTAssertEqual(places(found, rule: .unreachableTransition), ["13:9 unreachable-transition"])
    XCTAssertEqual(
      found.first { $0.rule == .unreachableTransition }?.message,
      "transition 1 of state `ask` can never be taken: no path to this state sets `x` to `1`")
    // Set by the state before: clean.
    let setBefore = yaml.replacingOccurrences(of: "start: ask", with: "start: first")
      .replacingOccurrences(
        of: "states:\n",
        with:
          "states:\n  first:\n    group: 1\n    ask: \"Hello?\"\n    transitions:\n      - goto: ask\n        set: { x: \"1\" }\n"
      )
    XCTAssertEqual(lint(setBefore), [])
  }

  func testGuardThatCanNeverHold() {
    let found = lint(
      cleanScript(
        replacing: "{ signals: { any: [rebound] } }", with: "{ signals: { all: [rebound], none: [rebound] } }"))
    XCTAssertEqual(places(found, rule: .unreachableTransition), ["13:9 unreachable-transition"])
    XCTAssertTrue(found.first?.message.contains("both requires and excludes `rebound`") ?? false, "\(found)")
  }

  func testNoSafetyRule() {
    let found = lint(
      cleanScript(replacing: "safety:\n  when: { signals: { any: [safety] } }\n  goto: stop\n", with: ""))
    XCTAssertEqual(places(found, rule: .safetyCoverage), ["5:3 safety-coverage"])
    XCTAssertEqual(places(lint(cleanScript), rule: .safetyCoverage), [])
  }

  func testSafetyRuleWithoutTheSafetySignal() {
    let found = lint(cleanScript(replacing: "any: [safety]", with: "any: [pressure]"))
    XCTAssertEqual(places(found, rule: .safetyCoverage), ["4:1 safety-coverage"])
  }

  func testSafetyRuleNarrowedByOtherConditions() {
    let found = lint(cleanScript(replacing: "any: [safety] } }", with: "any: [safety] }, answer: \"yes\" }"))
    XCTAssertEqual(places(found, rule: .safetyCoverage), ["4:1 safety-coverage"])
    XCTAssertTrue(found.first?.message.contains("`answer`") ?? false)
  }

  func testSafetyRuleNeedingAVariable() {
    let found = lint(cleanScript(replacing: "any: [safety] } }", with: "any: [safety] }, vars: { armed: \"yes\" } }"))
    XCTAssertEqual(places(found, rule: .safetyCoverage), ["8:3 safety-coverage"])
    XCTAssertTrue(found.first?.message.contains("not covered by the safety rule") ?? false)
  }
}
