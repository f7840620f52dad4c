import Dialogue
import Foundation
import Signals
import XCTest

/// The kinds of transition: goto with `set` and `coach`, follow-ups (limited and unlimited), the safety
/// rule, end states, reactions.
final class TransitionTests: XCTestCase {
  func testStartAsksTheStartQuestionWithItsCoaching() throws {
    let (engine, events) = try startedEngine(Fixtures.twoQuestions)
    XCTAssertEqual(events, [.coach("Be calm."), .question(stateID: "first", text: "What happened?", progress: QuestionProgress(number: 1, total: 2))])
    XCTAssertEqual(engine.phase, .awaitingReply("first"))
    XCTAssertEqual(engine.currentQuestion, "What happened?")
  }

  func testGotoSetsVarsShowsCoachingAndAsksTheNextQuestion() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    let events = try engine.reply("It was your fault.")
    guard case .flags(_, let analysis) = events.first else { return XCTFail("expected flags first, got \(events)") }
    XCTAssertTrue(analysis.has(.blame))
    XCTAssertEqual(events.reactions, [.blame])
    XCTAssertEqual(events.transitions, ["first#0->second"])
    XCTAssertTrue(events.contains(.reaction(.blame, "Blame heard.")))
    XCTAssertEqual(events.coaching, ["They blamed you.", "Listen for sympathy."])
    XCTAssertEqual(events.questions, ["Do you understand what it did to me?"])
    XCTAssertEqual(engine.vars, ["blamed": "yes"])
    XCTAssertEqual(engine.phase, .awaitingReply("second"))
    XCTAssertEqual(engine.turns.count, 1)
    XCTAssertEqual(engine.turns[0].transition, 0)
    XCTAssertEqual(engine.turns[0].question, "What happened?")
    XCTAssertFalse(engine.turns[0].isFollowUp)
  }

  func testEventOrderForAMove() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    let events = try engine.reply("It was your fault.")
    let kinds = events.map { event -> String in
      switch event {
      case .flags: return "flags"
      case .reaction: return "reaction"
      case .transition: return "transition"
      case .coach: return "coach"
      case .question: return "question"
      default: return "other"
      }
    }
    XCTAssertEqual(kinds, ["flags", "reaction", "transition", "coach", "coach", "question"])
  }

  func testVarsSetEarlierSteerALaterGuard() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("It was your fault.")
    let events = try engine.reply("Not at all.")
    XCTAssertEqual(events.transitions, ["second#0->done"])
  }

  func testFollowUpThenEvadedWhenRetriesRunOut() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    let first = try engine.reply("Whatever.")
    XCTAssertEqual(first.transitions, ["first#1->first"])
    XCTAssertEqual(first.coaching, ["Ask once more, kindly."])
    XCTAssertEqual(first.followUps, ["Can you tell me more?"])
    XCTAssertEqual(engine.phase, .awaitingReply("first"))
    XCTAssertEqual(engine.currentQuestion, "Can you tell me more?")
    XCTAssertNil(engine.turns.last?.transition)

    let second = try engine.reply("Whatever.")
    XCTAssertTrue(second.contains(.evaded("first")))
    XCTAssertEqual(second.transitions, ["first#1->second"])
    XCTAssertEqual(second.followUps, [])
    XCTAssertEqual(second.questions, ["Do you understand what it did to me?"])
    XCTAssertFalse(second.coaching.contains("Ask once more, kindly."))
    XCTAssertEqual(engine.turns.map(\.isFollowUp), [false, true])
    XCTAssertEqual(engine.turns.map(\.question), ["What happened?", "Can you tell me more?"])
    XCTAssertEqual(engine.turns.last?.transition, 1)
    XCTAssertEqual(engine.summary.questions.first?.outcome, .evaded)
  }

  func testAnAnswerAfterAFollowUpCountsAsAnswered() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("Whatever.")
    let events = try engine.reply("Mostly I was at my brother's place, fixing cars in his garage.")
    XCTAssertEqual(events.transitions, ["first#2->second"])
    XCTAssertEqual(engine.summary.questions.first?.outcome, .answered)
    XCTAssertEqual(engine.summary.questions.first?.replies.count, 2)
  }

  func testUnlimitedFollowUpsKeepAsking() throws {
    var (engine, _) = try startedEngine(
      """
      format: rekindle-dialogue/1
      title: Patient
      start: q
      states:
        q:
          group: 1
          ask: "What did you do while we were apart?"
          transitions:
            - when: { evasive: true }
              follow_up: "Can you tell me more about that time?"
              goto: e
            - goto: e
        e: { kind: end, say: "bye" }
      """)
    for _ in 0..<6 {
      let events = try engine.reply("Whatever.")
      XCTAssertEqual(events.followUps, ["Can you tell me more about that time?"])
    }
    XCTAssertEqual(engine.phase, .awaitingReply("q"))
    XCTAssertEqual(engine.turns.count, 6)
  }

  func testZeroRetriesEvadesAtOnce() throws {
    var (engine, _) = try startedEngine(
      """
      format: rekindle-dialogue/1
      title: Strict
      start: q
      states:
        q:
          group: 1
          ask: "What did you do while we were apart?"
          transitions:
            - when: { evasive: true }
              follow_up: "More?"
              retries: 0
              goto: e
            - goto: e
        e: { kind: end, say: "bye" }
      """)
    let events = try engine.reply("Whatever.")
    XCTAssertEqual(events.followUps, [])
    XCTAssertTrue(events.contains(.evaded("q")))
    XCTAssertEqual(events.endReason, .end)
  }

  func testEndStateClosesWithSummary() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("Mostly I was at my brother's place, fixing cars in his garage.")
    let events = try engine.reply("Yes, I do.")
    XCTAssertEqual(events.transitions, ["second#1->done"])
    XCTAssertTrue(events.contains(.closing("That was the last question.")))
    let summary = try XCTUnwrap(events.summary)
    XCTAssertEqual(summary.endReason, .end)
    XCTAssertEqual(summary.questions.map(\.stateID), ["first", "second"])
    XCTAssertEqual(events.last, .ended(.end))
    XCTAssertEqual(engine.phase, .ended(.end))
    XCTAssertNil(engine.currentQuestion)
  }

  func testSafetyRuleWinsInAnyStateAndSkipsReactions() throws {
    for moves in [0, 1] {
      var (engine, _) = try startedEngine(Fixtures.twoQuestions)
      if moves == 1 { _ = try engine.reply("It was your fault.") }
      let state = moves == 0 ? "first" : "second"
      let events = try engine.reply("I'm so sorry. If you leave I'll hurt myself.")
      XCTAssertEqual(events.transitions, ["\(state)#-1->stop"])
      XCTAssertEqual(events.reactions, [], "no coaching next to a safety concern")
      XCTAssertEqual(events.questions, [])
      guard let exit = events.first(where: { if case .safetyExit = $0 { return true } else { return false } }),
        case .safetyExit(let text, let analysis) = exit
      else { return XCTFail("no safety exit in \(events)") }
      XCTAssertEqual(text, "Let's stop here and find real help.")
      XCTAssertEqual(analysis?.has(.safety), true)
      XCTAssertEqual(events.summary?.endedBySafetyExit, true)
      XCTAssertEqual(events.last, .ended(.safety))
      XCTAssertEqual(engine.phase, .ended(.safety))
      XCTAssertEqual(engine.turns.last?.transition, -1)
    }
  }

  func testNoMatchingTransitionAsksAgain() throws {
    var (engine, _) = try startedEngine(
      """
      format: rekindle-dialogue/1
      title: Narrow
      start: q
      states:
        q:
          group: 1
          ask: "Did you date anyone while we were broken up?"
          transitions:
            - when: { answer: yes }
              goto: e
        e: { kind: end, say: "bye" }
      """)
    let events = try engine.reply("No, nobody.")
    XCTAssertEqual(events.transitions, [])
    XCTAssertEqual(events.questions, ["Did you date anyone while we were broken up?"])
    XCTAssertEqual(engine.phase, .awaitingReply("q"))
    XCTAssertEqual(engine.turns.count, 1)
  }

  func testEventsAreCodable() throws {
    var (engine, start) = try startedEngine(Fixtures.twoQuestions)
    let events = start + (try engine.reply("Whatever.")) + (try engine.reply("It was your fault.")) + engine.finish()
    let decoded = try JSONDecoder().decode([DialogueEvent].self, from: try JSONEncoder().encode(events))
    XCTAssertEqual(decoded, events)
  }
}
