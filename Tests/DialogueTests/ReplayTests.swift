import Dialogue
import DialogueFormat
import Signals
import XCTest

/// A session record is the log of what she did: replaying it rebuilds the live conversation.
final class ReplayTests: XCTestCase {
  func testReplayGivesTheSameStateAsTheLiveConversation() throws {
    let script = ScriptLoader.builtIn
    let inputs: [DialogueInput] = [
      .start, .reply("I messed up, I know that.", safetyCheck: nil), .back,
      .reply("dunno", safetyCheck: nil), .reply("whatever", safetyCheck: nil), .skip,
      .reply("It was your birthday. I almost called you.", safetyCheck: nil),
      .reply("No, there was nobody else.", safetyCheck: nil), .back,
      .reply("I saw someone for a month, it meant nothing.", safetyCheck: nil),
    ]
    var live = DialogueEngine(script: script, analyzer: rulesOnly)
    var liveEvents: [DialogueEvent] = []
    for input in inputs { liveEvents += try live.apply(input) }

    let replayed = try DialogueEngine(script: script, analyzer: rulesOnly, replaying: inputs)
    XCTAssertEqual(replayed.snapshot, live.snapshot)
    XCTAssertEqual(replayed.summary, live.summary)
    XCTAssertFalse(liveEvents.isEmpty)
  }

  func testARecordedSafetyAnswerIsAppliedOnReplay() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    let model = Analyzer()
    var engine = DialogueEngine(script: script, analyzer: model)
    _ = try engine.start()
    // A reply the model reads as a possible concern, not a clear one (the shipped model of session 5).
    let reply = "Then I'll give my things away. It won't matter after that."
    var analysis = engine.analyze(reply)
    try XCTSkipUnless(analysis.safetyIsUncertain, "the model reads this reply as certain either way")
    analysis = analysis.resolvingSafety(confirmed: false)
    _ = try engine.reply(reply, analysis: analysis, safetyCheck: .dismissed)

    let replayed = try DialogueEngine(
      script: script, analyzer: model, replaying: [.start, .reply(reply, safetyCheck: .dismissed)])
    XCTAssertEqual(replayed.snapshot, engine.snapshot)
    XCTAssertEqual(replayed.turns.last?.safetyCheck, .dismissed)
  }

  func testAnInputThatDoesNotFitIsAnError() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    XCTAssertThrowsError(try DialogueEngine(script: script, analyzer: rulesOnly, replaying: [.back])) { error in
      XCTAssertEqual(error as? DialogueError, .notStarted)
    }
    XCTAssertThrowsError(try DialogueEngine(script: script, analyzer: rulesOnly, replaying: [.start, .back])) { error in
      XCTAssertEqual(error as? DialogueError, .nothingToUndo)
    }
  }

  func testOverrulesAndNotesReplayAndSurviveBack() throws {
    let script = ScriptLoader.builtIn
    let inputs: [DialogueInput] = [
      .start, .reply("I messed up, I know that. It was your fault too.", safetyCheck: nil), .overrule(.blame),
      .note("He said the same last year."), .back,
    ]
    let engine = try DialogueEngine(script: script, analyzer: rulesOnly, replaying: inputs)
    XCTAssertEqual(engine.notes["why_back"], ["He said the same last year."], "a note is hers: back() keeps it")
    XCTAssertTrue(engine.turns.isEmpty)
    var again = try DialogueEngine(script: script, analyzer: rulesOnly, replaying: Array(inputs.dropLast()))
    XCTAssertEqual(again.turns.last?.overruled, [.blame])
    XCTAssertFalse(again.turns.last?.analysis.has(.blame) ?? true)
    XCTAssertThrowsError(try again.overrule(.coldness)) { XCTAssertEqual($0 as? DialogueError, .nothingToOverrule(.coldness)) }
    XCTAssertEqual(again.summary.questions.first?.overruled, [.blame])
  }
}
