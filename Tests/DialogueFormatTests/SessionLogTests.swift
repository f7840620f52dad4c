import Dialogue
import DialogueFormat
import Signals
import XCTest

/// Reading session records: the event log, its line rules, and the older snapshot format.
final class SessionLogTests: XCTestCase {
  private let header = SessionRecordFormat.Header(script: "S", fingerprint: "f1", started: "2026-12-03T20:00:00Z", redacted: false)

  private func bytes(_ lines: [String], end: String = "\n") -> [UInt8] { Array(lines.joined(separator: end).utf8) + Array(end.utf8) }

  func testWrittenLinesReadBack() throws {
    let entries: [SessionRecordFormat.Entry] = [
      .init(input: .start, signals: nil), .init(input: .reply("I'm sorry \"truly\"\n", safetyCheck: nil), signals: ["remorse"]),
      .init(input: .reply("hm", safetyCheck: .dismissed), signals: []), .init(input: .back, signals: nil),
      .init(input: .skip, signals: nil),
    ]
    let text = [SessionRecordFormat.line(header)] + entries.map(SessionRecordFormat.line)
    let log = try SessionLog(reading: bytes(text), file: "r.jsonl")
    XCTAssertEqual(log.format, SessionRecordFormat.current)
    XCTAssertEqual(log.header, header)
    XCTAssertEqual(log.entries.map(\.entry), entries)
    XCTAssertEqual(log.entries.map(\.line), [2, 3, 4, 5, 6])
    XCTAssertNil(log.cutOff)
  }

  func testByteOrderMarkAndCRLFAreAccepted() throws {
    let text = [SessionRecordFormat.line(header), #"{"event":"start"}"#]
    let log = try SessionLog(reading: [0xEF, 0xBB, 0xBF] + bytes(text, end: "\r\n"), file: "r.jsonl")
    XCTAssertEqual(log.entries.map(\.entry.input), [.start])
  }

  func testTheLastSessionInAFileIsRead() throws {
    let second = SessionRecordFormat.Header(script: "S", fingerprint: "f1", started: "later", redacted: true)
    let text = [
      SessionRecordFormat.line(header), #"{"event":"start"}"#, SessionRecordFormat.line(second), #"{"event":"start"}"#,
      #"{"event":"skip"}"#,
    ]
    let log = try SessionLog(reading: bytes(text), file: "r.jsonl")
    XCTAssertEqual(log.header, second)
    XCTAssertEqual(log.entries.map(\.line), [4, 5])
  }

  func testOnlyALastLineWithoutItsNewlineIsCutOff() throws {
    let whole = [SessionRecordFormat.line(header), #"{"event":"start"}"#]
    var data = bytes(whole)
    let offset = data.count
    data += Array(#"{"event":"rep"#.utf8)
    let log = try SessionLog(reading: data, file: "r.jsonl")
    XCTAssertEqual(log.entries.count, 1)
    XCTAssertEqual(log.cutOff?.line, 3)
    XCTAssertEqual(log.cutOff?.offset, offset)

    // The same text with its newline is a damaged line: an error naming it, not a cut-off.
    XCTAssertThrowsError(try SessionLog(reading: data + [0x0A], file: "r.jsonl")) { error in
      XCTAssertEqual((error as? SourceError)?.location, SourceLocation(file: "r.jsonl", line: 3, column: 14))
    }
  }

  func testWrongTypesAndUnknownEventsAreErrorsWithTheirLine() {
    for bad in [#"{"event":"reply","reply":12}"#, #"{"event":"dance"}"#, #"{"event":"reply","reply":"x","safety_check":"maybe"}"#, #"{"event":"start","event":"back"}"#] {
      XCTAssertThrowsError(try SessionLog(reading: bytes([SessionRecordFormat.line(header), bad]), file: "r.jsonl"), bad) { error in
        XCTAssertEqual((error as? SourceError)?.location.line, 2, bad)
      }
    }
  }

  func testAnythingElseIsNotARecord() {
    for text in [["hello"], [#"{"a":1}"#], [#"{"format":"rekindle-record/9","script":"s","fingerprint":"f"}"#], []] {
      XCTAssertThrowsError(try SessionLog(reading: bytes(text), file: "x"), "\(text)")
    }
  }
}
