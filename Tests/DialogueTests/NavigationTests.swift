import Dialogue
import DialogueFormat
import XCTest

/// `back()`, `skip()`, `finish()`, progress, and the errors for calls in the wrong phase.
final class NavigationTests: XCTestCase {
  func testBackRestoresVarsTurnsAndReasks() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("It was your fault.")
    XCTAssertEqual(engine.vars, ["blamed": "yes"])
    let events = try engine.back()
    XCTAssertEqual(events, [.coach("Be calm."), .question(stateID: "first", text: "What happened?", progress: QuestionProgress(number: 1, total: 2))])
    XCTAssertEqual(engine.phase, .awaitingReply("first"))
    XCTAssertEqual(engine.vars, [:])
    XCTAssertEqual(engine.turns, [])
    XCTAssertNil(engine.lastAnalysis)
    XCTAssertEqual(engine.summary.questions.map(\.stateID), ["first"])
  }

  func testBackRestoresFollowUpCounters() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("Whatever.")
    XCTAssertEqual(engine.currentQuestion, "Can you tell me more?")
    _ = try engine.back()
    XCTAssertEqual(engine.currentQuestion, "What happened?")
    // The one retry is available again: another evasive reply gets a follow-up, not an evasion.
    let events = try engine.reply("Whatever.")
    XCTAssertEqual(events.followUps, ["Can you tell me more?"])
  }

  func testBackReturnsToAPendingFollowUp() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("Whatever.")
    _ = try engine.reply("Whatever.")
    XCTAssertEqual(engine.phase, .awaitingReply("second"))
    let events = try engine.back()
    XCTAssertEqual(events, [.followUp("Can you tell me more?")])
    XCTAssertEqual(engine.currentQuestion, "Can you tell me more?")
    XCTAssertEqual(engine.turns.count, 1)
    XCTAssertEqual(engine.summary.questions.first?.outcome, .unanswered)
  }

  func testBackWithNothingToUndo() throws {
    var engine = DialogueEngine(script: try loadScript(Fixtures.twoQuestions), analyzer: rulesOnly)
    XCTAssertThrowsError(try engine.back()) { XCTAssertEqual($0 as? DialogueError, .notStarted) }
    _ = try engine.start()
    XCTAssertThrowsError(try engine.back()) { XCTAssertEqual($0 as? DialogueError, .nothingToUndo) }
  }

  func testSkipTakesTheUnconditionalTransition() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    let events = try engine.skip()
    XCTAssertEqual(events.first, .skipped("first"))
    XCTAssertEqual(events.transitions, ["first#2->second"])
    XCTAssertEqual(events.questions, ["Do you understand what it did to me?"])
    XCTAssertEqual(engine.turns, [])
    XCTAssertEqual(engine.summary.questions.first?.outcome, .skipped)
    XCTAssertEqual(engine.summary.worthRevisiting.map(\.stateID), ["first"])
    _ = try engine.back()
    XCTAssertEqual(engine.phase, .awaitingReply("first"))
  }

  func testSkipWithoutAnUnconditionalTransitionFails() throws {
    var (engine, _) = try startedEngine(
      """
      format: rekindle-dialogue/1
      title: No way round
      start: q
      states:
        q:
          group: 1
          ask: "Q?"
          transitions:
            - when: { answer: yes }
              goto: e
        e: { kind: end, say: "bye" }
      """)
    XCTAssertThrowsError(try engine.skip()) { XCTAssertEqual($0 as? DialogueError, .cannotSkip("q")) }
    XCTAssertEqual(engine.phase, .awaitingReply("q"))
  }

  func testFinishStopsWithASummary() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("It was your fault.")
    let events = engine.finish()
    XCTAssertEqual(events.count, 2)
    XCTAssertEqual(events.last, .ended(.stopped))
    let summary = try XCTUnwrap(events.summary)
    XCTAssertEqual(summary.questions.map(\.outcome), [.answered, .unanswered])
    XCTAssertEqual(summary.endReason, .stopped)
    XCTAssertEqual(engine.phase, .ended(.stopped))
    XCTAssertEqual(engine.finish(), [], "finishing twice does nothing")
  }

  func testFinishBeforeStart() throws {
    var engine = DialogueEngine(script: try loadScript(Fixtures.twoQuestions), analyzer: rulesOnly)
    XCTAssertEqual(engine.finish().endReason, .stopped)
    XCTAssertThrowsError(try engine.start()) { XCTAssertEqual($0 as? DialogueError, .ended) }
  }

  func testCallsInTheWrongPhaseThrow() throws {
    var engine = DialogueEngine(script: try loadScript(Fixtures.twoQuestions), analyzer: rulesOnly)
    XCTAssertEqual(engine.phase, .notStarted)
    XCTAssertNil(engine.currentQuestion)
    XCTAssertThrowsError(try engine.reply("hi")) { XCTAssertEqual($0 as? DialogueError, .notStarted) }
    XCTAssertThrowsError(try engine.skip()) { XCTAssertEqual($0 as? DialogueError, .notStarted) }
    _ = try engine.start()
    XCTAssertThrowsError(try engine.start()) { XCTAssertEqual($0 as? DialogueError, .alreadyStarted) }
    _ = try engine.skip()
    _ = try engine.skip()
    XCTAssertEqual(engine.phase, .ended(.end))
    XCTAssertThrowsError(try engine.reply("hi")) { XCTAssertEqual($0 as? DialogueError, .ended) }
    XCTAssertThrowsError(try engine.skip()) { XCTAssertEqual($0 as? DialogueError, .ended) }
    XCTAssertThrowsError(try engine.back()) { XCTAssertEqual($0 as? DialogueError, .ended) }
    XCTAssertThrowsError(try engine.start()) { XCTAssertEqual($0 as? DialogueError, .ended) }
  }

  func testProgressCountsGroups() throws {
    var engine = DialogueEngine(script: try loadScript(Fixtures.twoQuestions), analyzer: rulesOnly)
    XCTAssertEqual(engine.progress.number, 0)
    XCTAssertEqual(engine.progress.total, 2)
    _ = try engine.start()
    XCTAssertEqual(engine.progress.number, 1)
    _ = try engine.reply("It was your fault.")
    XCTAssertEqual(engine.progress.number, 2)
    XCTAssertEqual(engine.progress.total, 2)
  }

  func testBuiltInProgressIsOutOfSeven() throws {
    var engine = DialogueEngine(script: ScriptLoader.builtIn, analyzer: rulesOnly)
    _ = try engine.start()
    XCTAssertEqual(engine.progress.number, 1)
    XCTAssertEqual(engine.progress.total, 7)
  }
}
