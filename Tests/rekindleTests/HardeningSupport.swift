#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import TestSupport
import XCTest

/// How a spawned process ended (see ``ChildResult``).
typealias SpawnResult = ChildResult
/// Where a spawned process's standard output goes.
typealias SpawnOutput = ChildOutput
/// Where a spawned process's standard input comes from.
typealias SpawnInput = ChildInput
/// A process started by ``HardeningTestCase/start(_:stdin:stdout:environment:shellSetup:wrapper:)``.
typealias RunningProcess = RunningChild

/// End-to-end tests of the built binary under hostile conditions: bad files, crafted text,
/// signals, write errors. Adds to ``E2ETestCase`` a spawner that measures peak memory and gives the
/// child default signal dispositions (as a shell would), and text checks for raw escapes.
class HardeningTestCase: E2ETestCase {
  /// Runs the binary and waits for it (see ``start(_:stdin:stdout:environment:shellSetup:)``).
  func spawn(
    _ arguments: [String], stdin: String = "/dev/null", stdout: SpawnOutput = .capture,
    environment: [String: String]? = nil, umask mask: mode_t? = nil, shellSetup: String = "", wrapper: [String] = [],
    timeout: Double = 60, file: StaticString = #filePath, line: UInt = #line
  ) throws -> SpawnResult {
    let setup = (mask.map { "umask \(String($0, radix: 8)); " } ?? "") + shellSetup
    let process = try start(
      arguments, stdin: .path(stdin), stdout: stdout, environment: environment, shellSetup: setup, wrapper: wrapper)
    return finish(process, timeout: timeout, file: file, line: line)
  }

  /// Starts the binary (see ``ChildLauncher``); `wrapper` comes before the binary (say, `setpriv`
  /// to run as another user).
  func start(
    _ arguments: [String], stdin: SpawnInput = .null, stdout: SpawnOutput = .capture,
    environment: [String: String]? = nil, shellSetup: String = "", wrapper: [String] = []
  ) throws -> RunningProcess {
    try launcher.start(
      binary.path, arguments, stdin: stdin, stdout: stdout, environment: environment, shellSetup: shellSetup,
      wrapper: wrapper)
  }

  /// Waits for `process` (killing it after `timeout` seconds, five times that under a sanitizer)
  /// and gathers what it wrote.
  func finish(_ process: RunningProcess, timeout: Double = 60, file: StaticString = #filePath, line: UInt = #line) -> SpawnResult {
    let timeout = underSanitizer ? timeout * 5 : timeout
    let result = launcher.finish(process, timeout: timeout)
    if result.timedOut { XCTFail("rekindle \(process.arguments) did not finish within \(timeout) s", file: file, line: line) }
    assertNoCrash(result, file: file, line: line)
    return result
  }

  /// Whether the binary and the tests are built with a sanitizer (Scripts/sanitizers.sh).
  var underSanitizer: Bool { ProcessInfo.processInfo.environment["REKINDLE_SANITIZER"] != nil }

  /// `full`, or a fifth of it under a sanitizer: big inputs check memory errors as well at a
  /// fifth of the size, several times faster.
  func size(_ full: Int) -> Int { underSanitizer ? full / 5 : full }

  /// Checks a peak memory use against a ceiling, except in a sanitizer build (Scripts/sanitizers.sh
  /// sets REKINDLE_SANITIZER), where the sanitizer's shadow memory and quarantine dominate it.
  func assertMemory(
    _ result: SpawnResult, below megabytes: Int, _ context: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    if ProcessInfo.processInfo.environment["REKINDLE_SANITIZER"] != nil { return }
    XCTAssertLessThan(result.maxRSSKB, megabytes * 1024, "\(context): \(result.summary)", file: file, line: line)
  }

  /// A clean failure: the exit code, and exactly one line on standard error that starts with
  /// `rekindle:` and holds each of `mentions`, with no raw control characters.
  func assertOneLineError(
    _ result: SpawnResult, _ code: Int32, mentions: [String] = [], _ context: String = "",
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(result.exitCode, code, "\(context): \(result.summary)", file: file, line: line)
    XCTAssertEqual(result.errLines.count, 1, "\(context): expected one line on stderr: \(result.err.prefix(600).debugDescription)", file: file, line: line)
    XCTAssertTrue(result.err.hasPrefix("rekindle"), "\(context): \(result.err.prefix(300))", file: file, line: line)
    for text in mentions {
      XCTAssertTrue(result.err.contains(text), "\(context): stderr should mention \(text.debugDescription): \(result.err.prefix(600))", file: file, line: line)
    }
    assertNoRawControls(result.stderr, context, file: file, line: line)
  }

  /// Fails when `data` holds a raw ESC, BEL, a C1 control, any control character other than
  /// newline and tab (what could move the cursor, clear the screen or set the window title), or a
  /// bidirectional override (what could make text read backwards).
  func assertNoRawControls(
    _ data: Data, allowingSGR: Bool = false, _ context: String = "", file: StaticString = #filePath, line: UInt = #line
  ) {
    let text = String(decoding: data, as: UTF8.self)
    var scalars = Array(text.unicodeScalars)
    if allowingSGR { scalars = Self.removingSGR(scalars) }
    if let bad = scalars.firstIndex(where: { s in
      (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || (0x80..<0xA0).contains(s.value)
        || s.value == 0x202E || (0x2066...0x2069).contains(s.value)  // bidirectional overrides
    }) {
      let around = String(String.UnicodeScalarView(scalars[max(0, bad - 40)..<min(scalars.count, bad + 40)]))
      XCTFail("\(context): raw control U+\(String(scalars[bad].value, radix: 16)) in the output near \(around.debugDescription)", file: file, line: line)
    }
  }

  /// Removes the colour sequences Rekindle itself writes (`ESC [ digits;digits m`).
  static func removingSGR(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
    var out: [Unicode.Scalar] = []
    var i = 0
    while i < scalars.count {
      if scalars[i] == "\u{1B}", i + 1 < scalars.count, scalars[i + 1] == "[" {
        var j = i + 2
        while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
        if j < scalars.count, scalars[j] == "m" {
          i = j + 1
          continue
        }
      }
      out.append(scalars[i])
      i += 1
    }
    return out
  }

  /// A large file written in chunks (without holding it all in memory twice).
  func makeLargeFile(_ name: String, lines: Int, _ line: (Int) -> String) throws -> URL {
    let url = tempDir.appendingPathComponent(name)
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    var buffer = ""
    for i in 0..<lines {
      buffer += line(i)
      buffer += "\n"
      if buffer.utf8.count > 1 << 20 {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer = ""
      }
    }
    try handle.write(contentsOf: Data(buffer.utf8))
    return url
  }

  /// Each line of a session record, parsed; fails for a line that is not a whole JSON object.
  func recordLines(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
    let data = try Data(contentsOf: url)
    XCTAssertTrue(data.isEmpty || data.last == 0x0A, "the record does not end with a whole line", file: file, line: line)
    return jsonObjects(data, file: file, line: line)
  }
}

struct HardeningError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}

/// The pseudo-terminal child of the tests (see ``PseudoTerminalChild``).
typealias HardeningPTY = PseudoTerminalChild

extension HardeningTestCase {
  /// Starts the binary under a new pseudo-terminal, in the test's directory.
  func launchPTY(_ arguments: [String]) throws -> HardeningPTY {
    let inputrc = tempDir.appendingPathComponent("inputrc")
    if !FileManager.default.fileExists(atPath: inputrc.path) {
      _ = FileManager.default.createFile(atPath: inputrc.path, contents: Data())
    }
    return try PseudoTerminalChild(
      executable: binary.path, arguments: arguments,
      environment: [
        "TERM=xterm", "HOME=" + tempDir.path, "XDG_STATE_HOME=" + tempDir.appendingPathComponent("state").path,
        "INPUTRC=" + inputrc.path, "PATH=/usr/bin:/bin", "LANG=C.UTF-8",
      ] + ["ASAN_OPTIONS", "TSAN_OPTIONS", "REKINDLE_SANITIZER"].compactMap { name in
        ProcessInfo.processInfo.environment[name].map { "\(name)=\($0)" }
      }, columns: 100, rows: 40)
  }

  /// After exit the terminal is back in canonical mode with echo and signals.
  func assertTerminalRestored(_ pty: HardeningPTY, file: StaticString = #filePath, line: UInt = #line) {
    guard let modes = pty.terminalModes() else { return XCTFail("tcgetattr failed", file: file, line: line) }
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ICANON), 0, "ICANON should be set again", file: file, line: line)
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ECHO), 0, "ECHO should be set again", file: file, line: line)
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ISIG), 0, "ISIG should be set again", file: file, line: line)
    for crash in Self.crashMarkers { XCTAssertFalse(pty.text.contains(crash), "crash text \(crash)", file: file, line: line) }
  }
}
