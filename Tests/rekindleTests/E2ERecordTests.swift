import Foundation
import TestSupport
import XCTest

/// The session record as an event log: small, replayed on resume, older records still read,
/// one recorder per file, damaged lines reported and never deleted.
final class E2ERecordTests: HardeningTestCase {
  /// Replies for the built-in script that keep the conversation going for 13 replies.
  private static let thirteen = [
    "I messed up, I know that.", "dunno", "I kept thinking about us.", "/back", "I kept thinking about us, every day.",
    "It was your birthday. I almost called you that night.", "dunno", "No, there was nobody else.",
    "I understand it hurt you a lot.", "Yes, I think I see what it did to you.",
    "I would wait as long as you need.", "I went to counselling and I listen better now.",
    "/back", "I went to counselling for a year and I listen better now.", "It's your decision, I'll respect it.",
  ]

  private func chat(_ lines: [String], _ extra: [String]) throws -> E2EResult {
    try run(["chat", "--no-model"] + extra, stdin: .pipe(Data(lines.map { $0 + "\n" }.joined().utf8)))
  }

  func testAThirteenTurnRecordIsSmallAndResumesToTheSameConversation() throws {
    let record = tempDir.appendingPathComponent("thirteen.jsonl")
    let live = try chat(Self.thirteen + ["/summary"], ["--record", record.path])
    XCTAssertTrue(live.exited(0), live.summary)
    let objects = jsonObjects(try Data(contentsOf: record))
    XCTAssertEqual(objects.filter { $0["event"] as? String == "reply" }.count, 13)
    let size = try FileManager.default.attributesOfItem(atPath: record.path)[.size] as? Int ?? 0
    XCTAssertLessThan(size, 4096, "a 13-turn record")

    // Resuming and asking for the summary at once shows the same conversation as the live session.
    let resumed = try chat(["/summary"], ["--resume", record.path])
    XCTAssertTrue(resumed.exited(0), resumed.summary)
    XCTAssertEqual(resumed.err, "")
    func summaryAfterLastCommand(_ out: String) -> String {
      let parts = out.components(separatedBy: "## Question by question")
      return parts.count > 1 ? parts[1] : ""
    }
    XCTAssertFalse(summaryAfterLastCommand(live.out).isEmpty)
    XCTAssertEqual(summaryAfterLastCommand(resumed.out).components(separatedBy: "## A last word")[0],
      summaryAfterLastCommand(live.out).components(separatedBy: "## A last word")[0])
  }

  func testARecordInTheOlderSnapshotFormatResumesAndIsRewrittenAsAnEventLog() throws {
    let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/record-v1.jsonl")
    let record = tempDir.appendingPathComponent("old.jsonl")
    try FileManager.default.copyItem(at: fixture, to: record)
    let resumed = try run(
      ["chat", "--resume", record.path], stdin: .pipe(Data("It was your birthday. I almost called you that night.\n".utf8)))
    XCTAssertTrue(resumed.exited(0), resumed.summary)
    // The old record holds an older model's readings: a reply read differently today is only warned about.
    let notes = resumed.err.split(separator: "\n").filter { !$0.contains("reads differently than when it was recorded") }
    XCTAssertEqual(notes, ["rekindle: note: \(record.path): rewritten in the current record format (rekindle-record/2)"])
    XCTAssertTrue(resumed.out.contains("Ask: When did you realize you still have feelings for me?"), resumed.out)
    XCTAssertTrue(resumed.out.contains("> Mostly I was at my brother's place."), "the summary holds the old replies")
    let objects = jsonObjects(try Data(contentsOf: record))
    XCTAssertEqual(objects.first?["format"] as? String, "rekindle-record/2")
    XCTAssertEqual(objects.dropFirst().map { $0["event"] as? String }, ["start", "reply", "back", "reply", "reply", "reply"])
    XCTAssertEqual(try permissions(record), 0o600)
  }

  func testASecondRecorderOnTheSameFileIsRefused() throws {
    let record = tempDir.appendingPathComponent("shared.jsonl")
    let first = try start(["chat", "--no-model", "--record", record.path], stdin: .pipe)
    first.write("I messed up, I know that.\n")
    let deadline = Date().addingTimeInterval(15)
    while Date() < deadline, (FileManager.default.contents(atPath: record.path)?.filter { $0 == 0x0A }.count ?? 0) < 3 {
      usleep(5_000)
    }
    let second = try chat(["Something else."], ["--record", record.path])
    XCTAssertTrue(second.exited(73), second.summary)
    XCTAssertEqual(
      second.err, "rekindle: error: \(record.path): another rekindle is recording to this file; give --record another file\n")
    first.closeStdin()
    XCTAssertEqual(finish(first, timeout: 15).exitCode, 0)
    XCTAssertFalse(try String(contentsOf: record, encoding: .utf8).contains("Something else."))
  }

  func testAWholeLineThatDoesNotReadIsAnErrorAndNothingIsDeleted() throws {
    let record = tempDir.appendingPathComponent("damaged.jsonl")
    XCTAssertTrue(try chat(["I messed up, I know that.", "I kept thinking about us."], ["--record", record.path]).exited(0))
    var lines = E2EText.lines(try String(contentsOf: record, encoding: .utf8))
    lines[2] = #"{"event":"reply","reply":12}"#
    let text = lines.joined(separator: "\n") + "\n"
    try Data(text.utf8).write(to: record)
    let resumed = try chat([], ["--resume", record.path])
    XCTAssertTrue(resumed.exited(65), resumed.summary)
    XCTAssertEqual(
      resumed.err, "rekindle: \(record.path):3:1: error: damaged record line: a reply event needs \"reply\" (a string)\n")
    XCTAssertEqual(try String(contentsOf: record, encoding: .utf8), text, "nothing deleted")
  }

  func testARecordIsNeverAFIFOASymlinkOrStandardInput() throws {
    let fifo = tempDir.appendingPathComponent("fifo")
    XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
    let onFIFO = try chat(["I messed up."], ["--record", fifo.path])
    XCTAssertTrue(onFIFO.exited(73), onFIFO.summary)
    XCTAssertEqual(onFIFO.err, "rekindle: error: \(fifo.path): is a FIFO or socket, not a file\n")

    let target = try makeFile("target.jsonl", "")
    let link = tempDir.appendingPathComponent("link.jsonl")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let onLink = try chat(["I messed up."], ["--record", link.path])
    XCTAssertTrue(onLink.exited(73), onLink.summary)
    XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "", "the link's target is untouched")

    let input = try makeFile("replies.txt", "")
    let onInput = try run(["chat", "--no-model", "--record", input.path], stdin: .file(input))
    XCTAssertTrue(onInput.exited(73), onInput.summary)
    XCTAssertEqual(onInput.err, "rekindle: error: \(input.path): is this program's standard input; give another file\n")
    XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), "")
  }
}
