import Foundation
import TestSupport
import XCTest

@testable import LineEditor

final class PlainLineReaderTests: XCTestCase {
  /// Writes `bytes` into a pipe from another thread and reads lines until the end of input.
  private func readLines(
    _ bytes: [UInt8], lineLimit: Int = PlainLineReader.maximumLineBytes,
    chunkSize: Int = PlainLineReader.defaultChunkSize
  ) -> [LineInput] {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
      XCTFail("pipe: \(errno)")
      return []
    }
    let (readEnd, writeEnd) = (ends[0], ends[1])
    let writer = runInBackground {
      writeAll(bytes, to: writeEnd)
      close(writeEnd)
    }
    let reader = PlainLineReader(
      fileDescriptor: readEnd, lineLimit: lineLimit, chunkSize: chunkSize)
    var results: [LineInput] = []
    while results.count < 10_000 {
      let input = reader.readLine(prompt: "> ")
      results.append(input)
      if input == .endOfInput { break }
    }
    writer.wait()
    close(readEnd)
    return results
  }

  private func readLines(_ text: String, chunkSize: Int = PlainLineReader.defaultChunkSize)
    -> [LineInput]
  {
    readLines(Array(text.utf8), chunkSize: chunkSize)
  }

  func testSplitsLinesAndEndsWithEndOfInput() {
    XCTAssertEqual(readLines("one\ntwo\n"), [.line("one"), .line("two"), .endOfInput])
  }

  func testDropsCarriageReturnOfCRLF() {
    XCTAssertEqual(readLines("one\r\ntwo\r\n"), [.line("one"), .line("two"), .endOfInput])
    XCTAssertEqual(readLines("a\rb\r\n"), [.line("a\rb"), .endOfInput], "only a CR before LF goes")
  }

  func testCRLFSplitAcrossReads() {
    XCTAssertEqual(
      readLines("ab\r\ncd\r\n", chunkSize: 3), [.line("ab"), .line("cd"), .endOfInput])
    XCTAssertEqual(
      readLines("ab\r\ncd\r\n", chunkSize: 1), [.line("ab"), .line("cd"), .endOfInput])
  }

  func testKeepsEmptyLines() {
    XCTAssertEqual(
      readLines("\n\r\n\nx\n"), [.line(""), .line(""), .line(""), .line("x"), .endOfInput])
  }

  func testReturnsLastLineWithoutNewline() {
    XCTAssertEqual(readLines("first\nlast"), [.line("first"), .line("last"), .endOfInput])
    XCTAssertEqual(readLines("last\r"), [.line("last"), .endOfInput])
  }

  func testEmptyInputIsEndOfInputAgainAndAgain() {
    var ends: [Int32] = [-1, -1]
    XCTAssertEqual(pipe(&ends), 0)
    close(ends[1])
    let reader = PlainLineReader(fileDescriptor: ends[0])
    XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
    XCTAssertEqual(reader.readLine(prompt: ""), .endOfInput)
    close(ends[0])
  }

  func testRepairsInvalidUTF8() {
    let bytes: [UInt8] = [0x6F, 0x6B, 0xFF, 0x20, 0xC3, 0x0A, 0xC3, 0xA9, 0x0A]
    XCTAssertEqual(readLines(bytes), [.line("ok\u{FFFD} \u{FFFD}"), .line("é"), .endOfInput])
  }

  func testMultibyteCharacterSplitAcrossReads() {
    XCTAssertEqual(
      readLines("héllo wörld 🎉\n", chunkSize: 1), [.line("héllo wörld 🎉"), .endOfInput])
  }

  func testKeepsNULBytes() {
    XCTAssertEqual(
      readLines([0x61, 0x00, 0x62, 0x0A, 0x00, 0x0A]),
      [.line("a\u{0}b"), .line("\u{0}"), .endOfInput])
  }

  func testDropsByteOrderMarkAtStartOnly() {
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("a\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("b\n".utf8)
    XCTAssertEqual(readLines(bytes), [.line("a"), .line("\u{FEFF}b"), .endOfInput])
  }

  func testReturnsAMegabyteLineWhole() {
    let long = [UInt8](repeating: UInt8(ascii: "x"), count: 1_000_000)
    let results = readLines(long + Array("\nnext\n".utf8))
    XCTAssertEqual(results.count, 3)
    guard case .line(let first)? = results.first else {
      return XCTFail("expected a line, got \(String(describing: results.first))")
    }
    XCTAssertEqual(first.utf8.count, 1_000_000)
    XCTAssertTrue(first.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
    XCTAssertEqual(results.dropFirst(), [.line("next"), .endOfInput])
  }

  func testCapsALineAtOneMebibyteAndDiscardsTheRest() {
    let limit = PlainLineReader.maximumLineBytes
    XCTAssertEqual(limit, 1024 * 1024)
    let long =
      [UInt8](repeating: UInt8(ascii: "a"), count: limit)
      + [UInt8](repeating: UInt8(ascii: "b"), count: 1_000_000)
    let results = readLines(long + Array("\nafter\n".utf8))
    XCTAssertEqual(results.count, 3)
    guard case .line(let first)? = results.first else {
      return XCTFail("expected a line, got \(String(describing: results.first))")
    }
    XCTAssertEqual(first.utf8.count, limit)
    XCTAssertFalse(first.utf8.contains(UInt8(ascii: "b")))
    XCTAssertEqual(results.dropFirst(), [.line("after"), .endOfInput])
  }

  func testCapAcrossSmallReads() {
    let results = readLines(
      Array("0123456789ABCDEF\nok\n0123456789\nxyz".utf8), lineLimit: 10, chunkSize: 3)
    XCTAssertEqual(
      results, [.line("0123456789"), .line("ok"), .line("0123456789"), .line("xyz"), .endOfInput])
  }

  func testIsNotInteractiveAndIgnoresHistory() {
    let reader = PlainLineReader(fileDescriptor: -1)
    XCTAssertFalse(reader.isInteractive)
    reader.addHistory("ignored")
    XCTAssertEqual(
      reader.readLine(prompt: "> "), .endOfInput, "an unreadable descriptor ends the input")
  }

  func testMakeLineReaderFollowsTheStandardStreams() {
    let reader = makeLineReader(completions: ["/help"], historyFile: nil)
    let terminal = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    XCTAssertEqual(reader.isInteractive, terminal)
    XCTAssertEqual(reader is ReadlineReader, terminal)
    XCTAssertEqual(reader is PlainLineReader, !terminal)
  }
}
