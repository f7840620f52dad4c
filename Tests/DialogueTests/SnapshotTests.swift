import Dialogue
import Foundation
import XCTest

/// Saving a conversation, restoring it, and refusing a snapshot from another script.
final class SnapshotTests: XCTestCase {
  private func roundTrip(_ snapshot: DialogueSnapshot) throws -> DialogueSnapshot {
    let data = try JSONEncoder().encode(snapshot)
    return try JSONDecoder().decode(DialogueSnapshot.self, from: data)
  }

  func testRestoredEngineContinuesIdentically() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    var original = DialogueEngine(script: script, analyzer: rulesOnly)
    _ = try original.start()
    _ = try original.reply("It was your fault.")
    _ = try original.back()
    _ = try original.reply("Whatever.")  // a follow-up is pending

    let decoded = try roundTrip(original.snapshot)
    XCTAssertEqual(decoded, original.snapshot)
    XCTAssertEqual(decoded.title, "Two questions")
    XCTAssertEqual(decoded.phase, .awaitingReply("first"))

    var restored = try DialogueEngine(script: script, analyzer: rulesOnly, restoring: decoded)
    XCTAssertEqual(restored.phase, original.phase)
    XCTAssertEqual(restored.currentQuestion, "Can you tell me more?")
    XCTAssertEqual(restored.turns, original.turns)
    XCTAssertEqual(restored.progress.number, original.progress.number)

    for reply in ["Whatever.", "I'm so sorry. Take all the time you need."] {
      XCTAssertEqual(try restored.reply(reply), try original.reply(reply))
    }
    XCTAssertEqual(restored.turns, original.turns)
    XCTAssertEqual(restored.phase, .ended(.end))
    XCTAssertEqual(restored.summary, original.summary)
  }

  func testRestoredEngineCanStillGoBack() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    var original = DialogueEngine(script: script, analyzer: rulesOnly)
    _ = try original.start()
    _ = try original.reply("It was your fault.")
    var restored = try DialogueEngine(script: script, analyzer: rulesOnly, restoring: try roundTrip(original.snapshot))
    XCTAssertEqual(try restored.back(), try original.back())
    XCTAssertEqual(restored.vars, [:])
    XCTAssertEqual(restored.snapshot, original.snapshot)
  }

  func testAnotherScriptIsRefused() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    var engine = DialogueEngine(script: script, analyzer: rulesOnly)
    _ = try engine.start()
    let edited = try loadScript(Fixtures.twoQuestions.replacingOccurrences(of: "Be calm.", with: "Be very calm."))
    XCTAssertNotEqual(edited.fingerprint, script.fingerprint)
    XCTAssertThrowsError(try DialogueEngine(script: edited, analyzer: rulesOnly, restoring: engine.snapshot)) { error in
      XCTAssertEqual(
        error as? DialogueError, .scriptMismatch(expected: edited.fingerprint, found: script.fingerprint))
    }
  }

  func testFingerprintIgnoresExamplesAndLayout() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    let commented = try loadScript(
      "# a comment line\n"
        + Fixtures.twoQuestions.replacingOccurrences(
          of: "      - goto: second", with: "      - goto: second\n        examples: [\"Fine.\"]"))
    XCTAssertEqual(commented.fingerprint, script.fingerprint)
    XCTAssertEqual(script.fingerprint.count, 16)
    XCTAssertTrue(script.fingerprint.allSatisfy(\.isHexDigit))
  }

  func testDamagedSnapshotIsRefused() throws {
    let script = try loadScript(Fixtures.twoQuestions)
    var engine = DialogueEngine(script: script, analyzer: rulesOnly)
    _ = try engine.start()
    _ = try engine.reply("It was your fault.")
    var snapshot = engine.snapshot
    snapshot.turns.removeAll()
    XCTAssertThrowsError(try DialogueEngine(script: script, analyzer: rulesOnly, restoring: snapshot)) { error in
      guard case .invalidSnapshot = error as? DialogueError else { return XCTFail("unexpected \(error)") }
    }
    snapshot = engine.snapshot
    snapshot.version = 99
    XCTAssertThrowsError(try DialogueEngine(script: script, analyzer: rulesOnly, restoring: snapshot))
  }
}
