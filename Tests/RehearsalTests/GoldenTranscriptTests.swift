import Dialogue
import Rehearsal
import Signals
import XCTest

final class GoldenTranscriptTests: XCTestCase {
  private func runner() throws -> RehearsalRunner { RehearsalRunner(script: try Scripts.load(), analyzer: rulesOnly) }

  /// Updates `text`, loads the update and runs it again.
  private func roundTrip(_ text: String, file: String = "g.yaml") throws -> (update: (text: String, changes: [String]), again: RehearsalResult) {
    let runner = try runner()
    let first = runner.run(try loadTranscript(text, file: file))
    let update = GoldenTranscript.update(first)
    let again = runner.run(try loadTranscript(update.text, file: file))
    return (update, again)
  }

  func testUpdatedTextLoadsAndPasses() throws {
    let (update, again) = try roundTrip(
      """
      title: "Dodges, then blames"
      notes: "Notice the follow-up."
      turns:
        - Stuff.
        - command: back
        - reply: "It was your fault."
          expect: { question: "happened", not_signals: [remorse, blame] }
        - "Yes."
      """)
    XCTAssertTrue(again.passed, "\(again.mismatches)\n\(update.text)")
    XCTAssertEqual(again.ending, .summary)
    XCTAssertEqual(again.checkedTurns, 4)
    XCTAssertEqual(again.transcript.title, "Dodges, then blames")
    XCTAssertEqual(again.transcript.notes, "Notice the follow-up.")
    XCTAssertEqual(again.transcript.end, .summary)
    XCTAssertEqual(
      update.text,
      """
      title: "Dodges, then blames"
      notes: "Notice the follow-up."
      turns:
        - reply: "Stuff."
          expect:
            state: first
            evasive: true
            follow_up: true
        - command: back
          expect:
            state: first
        - reply: "It was your fault."
          expect:
            state: first
            question: "happened"
            signals: [blame]
            not_signals: [remorse]
            evasive: false
            follow_up: false
        - reply: "Yes."
          expect:
            state: second
            evasive: false
            follow_up: false
      end: summary

      """)
    // The blame that was flagged left not_signals; the end was added.
    XCTAssertTrue(update.changes.contains("g.yaml:6: turn 3: not_signals [remorse, blame] → [remorse]"), "\(update.changes)")
    XCTAssertTrue(update.changes.contains("g.yaml:1: end - → summary"), "\(update.changes)")
    XCTAssertTrue(update.changes.contains("g.yaml:4: turn 1: follow_up - → true"), "\(update.changes)")
  }

  func testUpdatingAGoldenTranscriptChangesNothing() throws {
    let (update, again) = try roundTrip("turns: [\"It was your fault.\", {command: skip}]\n")
    XCTAssertTrue(again.passed)
    let second = GoldenTranscript.update(again)
    XCTAssertEqual(second.changes, [])
    XCTAssertEqual(second.text, update.text)
  }

  func testChangesNameTheOldAndNewExpectations() throws {
    let result = try runner().run(
      try loadTranscript(
        "turns:\n  - reply: \"It was your fault.\"\n    expect: { state: second, signals: [remorse], evasive: true }\nend: safety\n",
        file: "c.yaml"))
    let changes = GoldenTranscript.update(result).changes
    XCTAssertEqual(
      changes,
      [
        "c.yaml:2: turn 1: state second → first",
        "c.yaml:2: turn 1: signals [remorse] → [blame]",
        "c.yaml:2: turn 1: evasive true → false",
        "c.yaml:2: turn 1: follow_up - → false",
        "c.yaml:4: end safety → stopped",
      ])
  }

  func testTextThatNeedsQuotingSurvives() throws {
    let reply = "She said \"it's over\" \\ then\tleft: # not a comment \u{7} é 💔"
    let transcript = Transcript(
      file: "q.yaml", title: "Quotes: \"and\" #hash", notes: "line one\nline two",
      turns: [TranscriptTurn(action: .reply(reply), line: 1)])
    let result = try runner().run(transcript)
    let update = GoldenTranscript.update(result)
    let loaded = try loadTranscript(update.text, file: "q.yaml")
    XCTAssertEqual(loaded.title, "Quotes: \"and\" #hash")
    XCTAssertEqual(loaded.notes, "line one\nline two")
    XCTAssertEqual(loaded.turns.map(\.action), [.reply(reply)])
    XCTAssertTrue(try runner().run(loaded).passed)
  }

  func testAPlainTextTranscriptBecomesYAML() throws {
    let (update, again) = try roundTrip("It was your fault.\n/back\nidk\nMostly I worked.\n/skip\n", file: "p.txt")
    XCTAssertTrue(update.text.hasPrefix("title: \"p.txt\"\nturns:\n"), update.text)
    XCTAssertFalse(again.transcript.isPlainText)
    XCTAssertTrue(again.passed, "\(again.mismatches)")
    XCTAssertEqual(again.transcript.end, .summary)
    XCTAssertEqual(again.transcript.turns.map(\.action), [.reply("It was your fault."), .back, .reply("idk"), .reply("Mostly I worked."), .skip])
  }

  func testTurnsAfterTheEndKeepTheirReplyButNoExpectations() throws {
    let (update, again) = try roundTrip("turns: [\"If you leave I'll hurt myself.\", \"Sorry.\"]\n")
    XCTAssertTrue(update.text.contains("  - reply: \"Sorry.\"\nend: safety\n"), update.text)
    XCTAssertTrue(again.passed, "\(again.mismatches)")
    XCTAssertEqual(again.transcript.turns[0].expect.signals, [.safety])
    XCTAssertTrue(again.transcript.turns[1].expect.isEmpty)
  }
}
