#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import TestSupport
import XCTest

/// What a run of the built `rekindle` binary produced.
typealias E2EResult = ChildResult

/// What to give the process as standard input.
enum E2EInput {
  /// Bytes written through a pipe from a background thread (the process sees a FIFO).
  case pipe(Data)
  /// A regular file.
  case file(URL)
  /// /dev/null.
  case null
}

enum E2EText {
  static func lines(_ text: String) -> [String] {
    var parts = text.components(separatedBy: "\n")
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  /// Matches `pattern` (NSRegularExpression syntax) anywhere in `text`.
  static func matches(_ text: String, _ pattern: String) -> Bool {
    guard let regex = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else { return false }
    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
  }

  /// The Unicode scalars of `text` in `start..<end`, as a String (nil when out of range).
  static func scalarSlice(_ text: String, _ start: Int, _ end: Int) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard start >= 0, end >= start, end <= scalars.count else { return nil }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
  }

  /// The scalar offset of the first occurrence of `needle` in `text`.
  static func scalarOffset(of needle: String, in text: String) -> Int? {
    guard let range = text.range(of: needle) else { return nil }
    return text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
  }
}

/// Base class for the end-to-end tests: finds the built binary, gives each test a temporary
/// directory, runs the binary and checks that nothing ever crashed.
class E2ETestCase: XCTestCase {
  /// The built `rekindle` executable.
  var binary: URL!
  /// A fresh directory for this test, removed afterwards.
  var tempDir: URL!
  /// The SIGPIPE disposition before this test, restored afterwards.
  private var previousSIGPIPE: __sighandler_t?

  /// Texts that only appear when the Swift runtime crashes.
  static let crashMarkers = ["Fatal error", "Backtrace", "Current stack trace", "Stack dump", "Illegal instruction", "Segmentation fault"]

  static func locateBinary() -> URL? {
    let fm = FileManager.default
    var candidates: [URL] = []
    if let override = ProcessInfo.processInfo.environment["REKINDLE_BINARY"] {
      candidates.append(URL(fileURLWithPath: override))
    }
    let bundle = Bundle(for: E2ETestCase.self).bundleURL
    candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("rekindle"))
    candidates.append(bundle.appendingPathComponent("rekindle"))
    let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("rekindle"))
    candidates.append(argv0.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rekindle"))
    // macOS: .build/debug/RekindlePackageTests.xctest/Contents/MacOS/RekindlePackageTests
    candidates.append(
      argv0.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rekindle"))
    for url in candidates {
      var isDirectory: ObjCBool = false
      if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        fm.isExecutableFile(atPath: url.path)
      {
        return url
      }
    }
    return nil
  }

  /// A labeled file of the corpus's dev split (Scripts/data/corpus/dev).
  static func fixture(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scripts/data/corpus/dev").appendingPathComponent(name)
  }

  override func setUpWithError() throws {
    try super.setUpWithError()
    guard let binary = Self.locateBinary() else {
      throw XCTSkip("the rekindle binary was not found next to the test bundle; run `swift build` first")
    }
    self.binary = binary
    // Writing to a process that has already exited must not kill the test runner.
    previousSIGPIPE = signal(SIGPIPE, SIG_IGN)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rekindle-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    tempDir = dir
  }

  override func tearDownWithError() throws {
    if let tempDir { try? FileManager.default.removeItem(at: tempDir) }
    if let previousSIGPIPE { signal(SIGPIPE, previousSIGPIPE) }
    try super.tearDownWithError()
  }

  /// The environment every run gets: no colour preference, a terminal type that would allow
  /// colour (so escape codes in piped output would show up), and state kept in the temp directory.
  func baseEnvironment() -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env["TERM"] = "xterm-256color"
    env["HOME"] = tempDir.path
    env["XDG_STATE_HOME"] = tempDir.appendingPathComponent("state").path
    env["LC_ALL"] = "C.UTF-8"
    return env
  }

  /// Writes `contents` to a file in the temp directory and returns its URL.
  @discardableResult
  func makeFile(_ name: String, _ contents: String) throws -> URL {
    try makeFile(name, Data(contents.utf8))
  }

  @discardableResult
  func makeFile(_ name: String, _ contents: Data) throws -> URL {
    let url = tempDir.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: url)
    return url
  }

  /// The runner for this test: the test's directory and its environment.
  var launcher: ChildLauncher { ChildLauncher(directory: tempDir, environment: baseEnvironment()) }

  /// Runs the binary with `arguments`, waits for it (failing after `timeout` seconds) and checks
  /// standard error for crash text.
  func run(
    _ arguments: [String], stdin: E2EInput = .null, environment: [String: String]? = nil,
    timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line
  ) throws -> E2EResult {
    let input: ChildInput
    switch stdin {
    case .null: input = .null
    case .file(let url): input = .path(url.path)
    case .pipe(let data): input = .bytes(data)
    }
    let child = try launcher.start(binary.path, arguments, stdin: input, environment: environment)
    let result = launcher.finish(child, timeout: timeout)
    if result.timedOut {
      XCTFail("rekindle \(arguments.joined(separator: " ")) did not finish within \(timeout) s", file: file, line: line)
    }
    assertNoCrash(result, file: file, line: line)
    return result
  }


  /// Fails on crash text, and on a death by a signal other than SIGPIPE, SIGTERM and SIGKILL (the
  /// tests' own) or `allowed`.
  func assertNoCrash(_ result: E2EResult, allowed: Set<Int32> = [], file: StaticString = #filePath, line: UInt = #line) {
    for marker in Self.crashMarkers where result.err.contains(marker) {
      XCTFail("stderr shows a crash (\(marker)): \(result.err.prefix(2000))", file: file, line: line)
    }
    if let signal = result.signal, !allowed.contains(signal), ![SIGPIPE, SIGTERM, SIGKILL].contains(signal) {
      XCTFail("rekindle died of signal \(signal): \(result.summary)", file: file, line: line)
    }
  }

  /// Parses one line of JSON into a dictionary, failing the test when it is not a JSON object.
  func jsonObject(_ line: String, file: StaticString = #filePath, line number: UInt = #line) -> [String: Any]? {
    do {
      let value = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
      guard let object = value as? [String: Any] else {
        XCTFail("not a JSON object: \(line.prefix(300))", file: file, line: number)
        return nil
      }
      return object
    } catch {
      XCTFail("not valid JSON (\(error)): \(line.prefix(300))", file: file, line: number)
      return nil
    }
  }

  /// Parses each line of raw bytes as JSON; fails for a line that is not valid UTF-8 or not JSON.
  func jsonObjects(_ data: Data, file: StaticString = #filePath, line number: UInt = #line) -> [[String: Any]] {
    var objects: [[String: Any]] = []
    for raw in data.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(data.last == 0x0A ? 1 : 0) {
      do {
        let value = try JSONSerialization.jsonObject(with: Data(raw), options: [])
        guard let object = value as? [String: Any] else {
          XCTFail("not a JSON object: \(String(decoding: raw, as: UTF8.self).prefix(300))", file: file, line: number)
          continue
        }
        objects.append(object)
      } catch {
        XCTFail(
          "output line \(objects.count + 1) is not valid JSON (\(error)): \(String(decoding: raw, as: UTF8.self).prefix(300))",
          file: file, line: number)
        objects.append([:])
      }
    }
    return objects
  }

  /// The POSIX permission bits of `url`.
  func permissions(_ url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    let value = try XCTUnwrap(attributes[.posixPermissions] as? NSNumber)
    return value.intValue & 0o777
  }

  /// The signal ids in one analyze output object.
  func signalIDs(_ object: [String: Any]?) -> [String] {
    ((object?["signals"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
  }
}
