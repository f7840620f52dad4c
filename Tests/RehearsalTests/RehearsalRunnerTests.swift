import Dialogue
import Rehearsal
import Signals
import XCTest

final class RehearsalRunnerTests: XCTestCase {
  // MARK: - Expectations that hold

  func testExpectationsThatHoldPass() throws {
    let result = try rehearse(
      """
      title: "Blame, then yes"
      turns:
        - reply: "It was your fault."
          expect:
            state: first
            question: "what HAPPENED"
            signals: [blame]
            not_signals: [remorse]
            evasive: false
            follow_up: false
        - reply: "Yes."
          expect: { state: second, question: "understand" }
      end: summary
      """)
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.ending, .summary)
    XCTAssertEqual(result.checkedTurns, 2)
    XCTAssertEqual(result.failedTurns, 0)
    XCTAssertEqual(result.turns.map(\.stateID), ["first", "second"])
    XCTAssertEqual(result.turns.map(\.question), ["What happened?", "Do you understand what it did to me?"])
    XCTAssertEqual(result.turns[0].analysis?.signalIDs, [.blame])
    XCTAssertEqual(
      result.transitions, [TransitionKey(state: "first", index: 0), TransitionKey(state: "second", index: 0)])
    XCTAssertEqual(result.visitedStates, ["first", "second"])
    XCTAssertEqual(result.summary.endReason, .end)
    XCTAssertTrue(result.finalEvents.isEmpty, "the conversation ended by itself")
  }

  func testTurnsWithoutExpectationsAreNotChecked() throws {
    let result = try rehearse("turns:\n  - \"It was your fault.\"\n  - \"No.\"\n")
    XCTAssertTrue(result.passed)
    XCTAssertEqual(result.checkedTurns, 0)
    XCTAssertEqual(result.ending, .summary)
  }

  // MARK: - Expectations that fail, with their lines

  func testEveryFailedFieldIsReportedOnItsTurnsLine() throws {
    let result = try rehearse(
      """
      title: "Wrong on purpose"
      turns:
        - reply: "It was your fault."
          expect:
            state: second
            question: "why"
            signals: [blame, remorse]
            not_signals: [blame]
            evasive: true
            follow_up: true
        - reply: "Yes."
          expect: { state: second }
        - reply: "idk"
      end: safety
      """, file: "wrong.yaml")
    XCTAssertFalse(result.passed)
    XCTAssertEqual(result.checkedTurns, 2)
    XCTAssertEqual(result.failedTurns, 1)
    XCTAssertEqual(result.mismatches.map(\.field), ["state", "question", "signals", "not_signals", "evasive", "follow_up", "end"])
    XCTAssertEqual(result.mismatches.map(\.line), [3, 3, 3, 3, 3, 3, 14])
    XCTAssertEqual(result.mismatches.map(\.turn), [1, 1, 1, 1, 1, 1, 0])
    XCTAssertEqual(
      result.mismatches.map(\.description),
      [
        "wrong.yaml:3: turn 1: state: expected second, got first",
        "wrong.yaml:3: turn 1: question: expected “why”, got “What happened?”",
        "wrong.yaml:3: turn 1: signals: expected [blame, remorse], got [blame] (missing [remorse])",
        "wrong.yaml:3: turn 1: not_signals: expected none of [blame], got [blame]",
        "wrong.yaml:3: turn 1: evasive: expected true, got false",
        "wrong.yaml:3: turn 1: follow_up: expected true, got false",
        "wrong.yaml:14: end of the conversation: expected safety, got summary",
      ])
    // The third reply came after the end; without expectations it is not a mismatch.
    XCTAssertEqual(result.turns.map(\.played), [true, true, false])
  }

  func testAFollowUpIsObservedOnTheReplyThatCausedIt() throws {
    let result = try rehearse(
      """
      turns:
        - reply: idk
          expect: { state: first, evasive: true, follow_up: true }
        - reply: "Mostly I worked."
          expect: { state: first, question: "tell me more", follow_up: false }
      """)
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.turns[1].question, "Can you tell me more?")
    XCTAssertEqual(result.ending, .stopped)
  }

  // MARK: - back and skip

  func testBackUndoesTheLastReplyAndSkipTakesTheFallback() throws {
    let result = try rehearse(
      """
      turns:
        - reply: idk
          expect: { follow_up: true }
        - command: back
          expect: { state: first, question: "tell me more" }
        - reply: "It was your fault."
          expect: { state: first, question: "What happened?", signals: [blame] }
        - command: skip
          expect: { state: second }
      end: summary
      """)
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.turns.map(\.stateID), ["first", "first", "first", "second"])
    // A command is not analyzed.
    XCTAssertNil(result.turns[1].analysis)
    XCTAssertNil(result.turns[3].analysis)
    XCTAssertEqual(
      result.transitions.sorted(),
      [TransitionKey(state: "first", index: 0), TransitionKey(state: "first", index: 1), TransitionKey(state: "second", index: 2)])
    XCTAssertEqual(result.summary.questions.map(\.outcome), [.answered, .skipped])
    XCTAssertEqual(result.summary.questions.first?.replies, ["It was your fault."])
  }

  func testBackAtTheFirstQuestionChangesNothing() throws {
    let result = try rehearse("turns:\n  - command: back\n  - reply: \"It was your fault.\"\n    expect: { state: first }\n")
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.turns[0].events, [])
    XCTAssertEqual(result.turns[1].stateID, "first")
  }

  // MARK: - Turns after the end

  func testTurnsAfterTheEndAreReported() throws {
    let result = try rehearse(
      """
      turns:
        - "It was your fault."
        - "Yes."
        - reply: "One more thing."
          expect: { state: second }
        - command: skip
          expect: { state: second }
      """, file: "late.yaml")
    XCTAssertEqual(result.ending, .summary)
    XCTAssertEqual(result.turns.map(\.played), [true, true, false, false])
    XCTAssertNil(result.turns[2].stateID)
    XCTAssertEqual(
      result.mismatches.map(\.description),
      [
        "late.yaml:4: turn 3: turn: expected a question to answer, got the conversation had already ended",
        "late.yaml:6: turn 4: turn: expected a question to answer, got the conversation had already ended",
      ])
    XCTAssertEqual(result.failedTurns, 2)
  }

  // MARK: - How it ends

  func testTheSafetyRuleEndsTheConversation() throws {
    let result = try rehearse(
      """
      turns:
        - reply: "If you leave I'll hurt myself."
          expect: { state: first, signals: [safety] }
        - "It was your fault."
      end: safety
      """)
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.ending, .safety)
    XCTAssertEqual(result.transitions, [.safetyRule])
    XCTAssertEqual(result.turns.map(\.played), [true, false])
    XCTAssertTrue(result.summary.endedBySafetyExit)
  }

  func testRunningOutOfRepliesStops() throws {
    let result = try rehearse("turns:\n  - \"It was your fault.\"\nend: stopped\n")
    XCTAssertTrue(result.passed, "\(result.mismatches)")
    XCTAssertEqual(result.ending, .stopped)
    XCTAssertEqual(result.summary.endReason, .stopped)
    XCTAssertTrue(result.finalEvents.contains(.ended(.stopped)))
  }

  func testAWrongEndIsReportedOnTheEndLine() throws {
    let result = try rehearse("title: x\nturns:\n  - \"It was your fault.\"\n\nend: summary\n", file: "e.yaml")
    XCTAssertEqual(result.mismatches.map(\.description), ["e.yaml:5: end of the conversation: expected summary, got stopped"])
    XCTAssertEqual(result.failedTurns, 0, "the end is not a turn")
    XCTAssertFalse(result.passed)
  }

  func testAPlainTextTranscriptPlaysWithoutExpectations() throws {
    let result = try rehearse("idk\n/back\nIt was your fault.\n/skip\n", file: "p.txt")
    XCTAssertTrue(result.passed)
    XCTAssertEqual(result.ending, .summary)
    XCTAssertEqual(result.turns.map(\.stateID), ["first", "first", "first", "second"])
  }
}
