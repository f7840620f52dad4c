import Dialogue
import DialogueFormat
import Foundation
import Signals
import XCTest

/// The built-in conversation: it loads, matches its YAML file, and carries a realistic run to the end.
final class BuiltInScriptTests: XCTestCase {
  func testBuiltInScriptLoads() throws {
    let script = ScriptLoader.builtIn
    XCTAssertEqual(script.start, "while_apart")
    XCTAssertEqual(script.groups, Array(1...7))
    XCTAssertEqual(script.state("closing")?.kind, .end)
    XCTAssertEqual(script.state("safety_exit")?.kind, .safety)
    XCTAssertEqual(script.safety?.goto, "safety_exit")
    XCTAssertEqual(Set(script.reactions.keys), Set(SignalID.allCases.filter { $0 != .safety }))
    XCTAssertEqual(script.state("dated_anyone")?.yesNo, true)
    XCTAssertEqual(script.state("while_apart")?.transitions.first?.examples.count, 2)
  }

  func testEmbeddedTextMatchesTheYAMLFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let file = root.appendingPathComponent("Scripts/dialogues/default.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    XCTAssertEqual(
      ScriptLoader.builtInText.trimmingCharacters(in: .newlines), text.trimmingCharacters(in: .newlines),
      "run ./Scripts/embed-data.sh after editing Scripts/dialogues/default.yaml")
  }

  func testRemorsefulRunReachesTheEnd() throws {
    var engine = DialogueEngine(script: ScriptLoader.builtIn, analyzer: rulesOnly)
    var events = try engine.start()
    XCTAssertEqual(events.questions, ["What did you do while we were apart?"])
    let replies = [
      "I worked a lot and missed you every day. Leaving was the biggest mistake of my life.",
      "I'm so sorry for how I left. I kept thinking about us, and I wanted to talk about it properly.",
      "It was your birthday. I almost called you that night.",
      "No, I didn't date anyone.",
      "I've been in therapy, and I learned that I shut down when things get hard.",
      "I'm in counseling now, and I've learned to talk things out instead of leaving.",
      "Take all the time you need. I'll wait.",
      "I know how much I hurt you. It must have been awful.",
      "It's your call. Whatever you decide, I'll respect it.",
      "Then I'll respect your decision and leave you be.",
    ]
    var asked: [String] = []
    for reply in replies {
      guard case .awaitingReply(let state) = engine.phase else { break }
      asked.append(state)
      events = try engine.reply(reply)
    }
    XCTAssertEqual(
      asked,
      [
        "while_apart", "why_back", "when_realized", "dated_anyone", "what_learned", "what_different",
        "going_slowly", "understand_hurt", "need_time", "if_over",
      ])
    XCTAssertEqual(engine.phase, .ended(.end))
    XCTAssertEqual(events.endReason, .end)
    XCTAssertTrue(events.contains { if case .closing = $0 { return true } else { return false } })
    let summary = try XCTUnwrap(events.summary)
    XCTAssertEqual(summary.questions.count, 10)
    XCTAssertTrue(summary.questions.allSatisfy { $0.outcome == .answered })
    XCTAssertGreaterThanOrEqual(summary.hopefulCount, 8)
    XCTAssertEqual(summary.cautionCount, 0)
    XCTAssertEqual(summary.worthRevisiting, [])
    XCTAssertTrue(summary.questions[0].signals.contains { $0.id == .remorse })
    let markdown = summary.markdown()
    XCTAssertTrue(markdown.hasPrefix("# Talking it through: when your ex wants to come back"))
    XCTAssertTrue(markdown.contains("### Question 7 of 7, part 2: And if I decide it is over, how will you take that?"))
  }

  func testEvasiveReplyGetsTheBuiltInFollowUp() throws {
    var engine = DialogueEngine(script: ScriptLoader.builtIn, analyzer: rulesOnly)
    _ = try engine.start()
    let events = try engine.reply("Whatever.")
    XCTAssertEqual(events.followUps, ["Can you tell me more about that time?"])
  }

  func testSafetyReplyLeavesTheBuiltInScript() throws {
    var engine = DialogueEngine(script: ScriptLoader.builtIn, analyzer: rulesOnly)
    _ = try engine.start()
    _ = try engine.reply("I was at my brother's place.")
    let events = try engine.reply("If you leave I'll hurt myself.")
    XCTAssertEqual(events.transitions, ["why_back#-1->safety_exit"])
    XCTAssertEqual(events.endReason, .safety)
    XCTAssertEqual(engine.phase, .ended(.safety))
  }
}
