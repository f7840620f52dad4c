import Foundation
import XCTest

@testable import LineEditor

final class HistoryFileTests: XCTestCase {
  private var directory = ""
  private var savedUmask: mode_t = 0o022

  override func setUp() {
    super.setUp()
    directory = makeTemporaryDirectory()
    savedUmask = umask(0)
  }

  override func tearDown() {
    umask(savedUmask)
    _ = try? FileManager.default.removeItem(atPath: directory)
    super.tearDown()
  }

  /// A reader that never touches a terminal: its streams are /dev/null.
  private func makeReader(historyFile: String?) -> ReadlineReader {
    let null = open("/dev/null", O_RDWR)
    defer { close(null) }
    return ReadlineReader(completions: [], historyFile: historyFile, terminal: null)
  }

  func testPrepareCreatesPrivateDirectoriesAndFileUnderUmaskZero() throws {
    let path = directory + "/state/rekindle/history"
    try ReadlineReader.prepareHistoryFile(path)
    XCTAssertEqual(permissions(of: directory + "/state"), 0o700)
    XCTAssertEqual(permissions(of: directory + "/state/rekindle"), 0o700)
    XCTAssertEqual(permissions(of: path), 0o600)
    try ReadlineReader.prepareHistoryFile(path)
    XCTAssertEqual(permissions(of: path), 0o600, "preparing again changes nothing")
  }

  func testPrepareSecuresAnExistingFile() throws {
    let path = directory + "/history"
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old\n".utf8)))
    XCTAssertEqual(chmod(path, 0o644), 0)
    try ReadlineReader.prepareHistoryFile(path)
    XCTAssertEqual(permissions(of: path), 0o600)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n", "contents are kept")
  }

  func testPrepareReportsAnImpossiblePath() {
    let blocker = directory + "/file"
    XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: nil))
    XCTAssertThrowsError(try ReadlineReader.prepareHistoryFile(blocker + "/sub/history")) { error in
      XCTAssertTrue(error is HistoryFileError, "\(error)")
    }
  }

  func testDefaultPathPrefersAbsoluteXDGStateHome() {
    let home = { "/home/pat" }
    XCTAssertEqual(
      ReadlineReader.defaultHistoryPath(
        environment: { $0 == "XDG_STATE_HOME" ? "/xdg/state" : nil }, home: home),
      "/xdg/state/rekindle/history")
    XCTAssertEqual(
      ReadlineReader.defaultHistoryPath(
        environment: { $0 == "XDG_STATE_HOME" ? "relative/state" : nil }, home: home),
      "/home/pat/.local/state/rekindle/history")
    XCTAssertEqual(
      ReadlineReader.defaultHistoryPath(
        environment: { $0 == "HOME" ? "/root/" : nil }, home: { nil }),
      "/root/.local/state/rekindle/history")
    XCTAssertEqual(
      ReadlineReader.defaultHistoryPath(environment: { _ in nil }, home: { nil }),
      ".rekindle_history")
    XCTAssertTrue(ReadlineReader.defaultHistoryPath().hasSuffix("rekindle/history"))
  }

  func testReaderCreatesAppendsAndReloadsHistory() throws {
    let path = directory + "/deep/er/history"
    let first = makeReader(historyFile: path)
    XCTAssertNil(first.historyFileError)
    XCTAssertEqual(permissions(of: directory + "/deep"), 0o700)
    XCTAssertEqual(permissions(of: path), 0o600)
    first.addHistory("one")
    first.addHistory("two")
    first.addHistory("two")
    first.addHistory("   ")
    XCTAssertEqual(ReadlineReader.sessionHistory, ["one", "two"])
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "one\ntwo\n")
    XCTAssertNil(first.historyFileError)
    first.close()

    let second = makeReader(historyFile: path)
    XCTAssertEqual(
      ReadlineReader.sessionHistory, ["one", "two"], "a new session starts from the file")
    second.addHistory("three")
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "one\ntwo\nthree\n")
    second.close()
  }

  func testReaderRecreatesADeletedFilePrivately() throws {
    let path = directory + "/history"
    let reader = makeReader(historyFile: path)
    XCTAssertEqual(unlink(path), 0)
    reader.addHistory("again")
    XCTAssertEqual(permissions(of: path), 0o600)
    XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "again\n")
    reader.close()
  }

  func testHistoryFileKeepsTheLastThousandLinesAndStaysPrivate() throws {
    let path = directory + "/history"
    let old = (1...1005).map { "old \($0)\n" }.joined()
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(old.utf8)))
    XCTAssertEqual(chmod(path, 0o644), 0)
    let reader = makeReader(historyFile: path)
    reader.addHistory("newest")
    reader.close()
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    XCTAssertEqual(lines.count, 1000)
    XCTAssertEqual(lines.first, "old 7")
    XCTAssertEqual(lines.last, "newest")
    XCTAssertEqual(permissions(of: path), 0o600)
  }

  func testSessionOnlyHistoryWithoutFile() {
    let reader = makeReader(historyFile: nil)
    XCTAssertTrue(ReadlineReader.sessionHistory.isEmpty, "each reader starts with empty history")
    reader.addHistory("kept in memory")
    XCTAssertEqual(ReadlineReader.sessionHistory, ["kept in memory"])
    XCTAssertNil(reader.historyFile)
    reader.close()
  }

  func testUnusableHistoryFileIsReportedNotFatal() {
    let blocker = directory + "/file"
    XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: nil))
    let reader = makeReader(historyFile: blocker + "/history")
    XCTAssertNotNil(reader.historyFileError)
    reader.addHistory("still works")
    XCTAssertEqual(ReadlineReader.sessionHistory, ["still works"])
    reader.close()
  }
}
