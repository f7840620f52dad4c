import Dialogue
import DialogueFormat
import Signals
import XCTest

@testable import Practice

/// The practice engine, played with the built-in script and personas.
final class PracticeEngineTests: XCTestCase {
  private func engine(_ persona: String = "evasive") throws -> PracticeEngine {
    let persona = try XCTUnwrap(PersonaLoader.builtIn(persona))
    return PracticeEngine(script: ScriptLoader.builtIn, persona: persona)
  }

  func testStartGivesHisOpeningLine() throws {
    var engine = try engine()
    let events = engine.apply(.start)
    guard case .opening(let name, _, let line, _) = events.first else { return XCTFail("\(events)") }
    XCTAssertEqual(name, engine.persona.name)
    XCTAssertEqual(line, engine.persona.opening)
    XCTAssertEqual(engine.phase, .talking)
    XCTAssertEqual(engine.apply(.start), [.notice("The practice has already begun.")])
  }

  func testACalmOpenQuestionIsRecognisedAndGetsTheOpenReply() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    let events = engine.apply(.line("What was life like for you while we were apart?", safetyCheck: nil))
    let turn = try XCTUnwrap(engine.turns.last)
    XCTAssertEqual(turn.question, "while_apart")
    XCTAssertEqual(turn.variant, .open)
    XCTAssertEqual(turn.reply, engine.persona.answers["while_apart"]?[.open]?.first)
    XCTAssertTrue(events.contains { if case .answered = $0 { return true } else { return false } })
  }

  func testAskingForMoreGetsTheAgainReplyForTheSameQuestion() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    _ = engine.apply(.line("What was life like for you while we were apart?", safetyCheck: nil))
    _ = engine.apply(.line("Can you tell me more about that?", safetyCheck: nil))
    let turn = try XCTUnwrap(engine.turns.last)
    XCTAssertEqual(turn.question, "while_apart")
    XCTAssertTrue(turn.isFollowUp)
    XCTAssertEqual(turn.variant, .again)
  }

  func testHeatPutsHimOnGuard() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    _ = engine.apply(.line("Why did it end with her? Answer me, I'm sick of waiting.", safetyCheck: nil))
    let turn = try XCTUnwrap(engine.turns.last)
    XCTAssertTrue(turn.signs.contains { $0.sign.putsHimOnGuard }, "\(turn.signs.map(\.sign))")
    XCTAssertEqual(turn.variant, .guarded)
    XCTAssertNotNil(turn.coaching, "a heated line gets a coaching note")
  }

  func testALineThatAsksNothingGetsAnOffScriptReplyInCharacter() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    _ = engine.apply(.line("Do you want a cup of tea?", safetyCheck: nil))
    let turn = try XCTUnwrap(engine.turns.last)
    XCTAssertNil(turn.question)
    XCTAssertNil(turn.variant)
    XCTAssertEqual(turn.reply, engine.persona.offScript.first)
  }

  func testBackTakesTheLastLineBackAndTheNextReplyIsTheSame() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    XCTAssertEqual(engine.apply(.back), [.notice("There is nothing to take back yet.")])
    _ = engine.apply(.line("What made you want to come back to me?", safetyCheck: nil))
    let first = try XCTUnwrap(engine.turns.last?.reply)
    XCTAssertEqual(engine.apply(.back), [.wentBack(line: "What made you want to come back to me?")])
    XCTAssertTrue(engine.turns.isEmpty)
    _ = engine.apply(.line("What made you want to come back to me?", safetyCheck: nil))
    XCTAssertEqual(engine.turns.last?.reply, first, "lines are used in turn by what is left after /back")
  }

  func testDangerInHerLineStopsThePractice() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    let events = engine.apply(.line("I am going to kill myself tonight.", safetyCheck: nil))
    XCTAssertEqual(engine.phase, .stoppedForSafety, "\(events)")
    XCTAssertTrue(events.contains { if case .safetyStop = $0 { return true } else { return false } })
    XCTAssertEqual(engine.apply(.line("hello", safetyCheck: nil)), [.notice("The practice is over.")])
  }

  func testHerOrdinaryQuestionsDoNotStopIt() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    for line in [
      "So what were you up to all those months?", "When did it hit you that you still cared about me?",
      "You just vanished on me. Why?", "I see.", "Carry on.", "Continue.", "Keep going.",
    ] {
      _ = engine.apply(.line(line, safetyCheck: nil))
      XCTAssertEqual(engine.phase, .talking, line)
    }
  }

  func testReplayingTheInputsRebuildsThePractice() throws {
    let inputs: [PracticeInput] = [
      .start, .line("What was life like for you while we were apart?", safetyCheck: nil),
      .line("Tell me more.", safetyCheck: nil), .back, .line("Why are you even here? Tell me now!", safetyCheck: nil),
      .line("Do you still love her?", safetyCheck: nil),
    ]
    var live = try engine("blamer")
    for input in inputs { _ = live.apply(input) }
    let replayed = PracticeEngine(script: live.script, persona: live.persona, replaying: inputs)
    XCTAssertEqual(replayed.turns, live.turns)
  }

  func testEndGivesHisClosingLineAndNothingAfter() throws {
    var engine = try engine()
    _ = engine.apply(.start)
    XCTAssertEqual(engine.apply(.end), [.ended(name: engine.persona.name, closing: engine.persona.closing)])
    XCTAssertTrue(engine.isOver)
  }

  func testThePracticeEndsAtItsLimitOfLines() throws {
    var engine = try engine("cold")
    _ = engine.apply(.start)
    var last: [PracticeEvent] = []
    for _ in 0..<PracticeEngine.maximumTurns { last = engine.apply(.line("ok", safetyCheck: nil)) }
    XCTAssertTrue(engine.isOver)
    XCTAssertTrue(last.contains(.ended(name: engine.persona.name, closing: engine.persona.closing)))
  }

  func testNextQuestionFollowsTheGuideOrderAndSkipsWhatWasAsked() throws {
    var engine = try engine()
    XCTAssertEqual(engine.nextQuestion()?.id, "while_apart")
    _ = engine.apply(.start)
    _ = engine.apply(.line("What was life like for you while we were apart?", safetyCheck: nil))
    XCTAssertEqual(engine.nextQuestion()?.id, "why_back")
  }
}
