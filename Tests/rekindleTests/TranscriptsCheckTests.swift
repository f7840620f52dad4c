import Foundation
import TestSupport
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Runs the built `rekindle rehearse` on the shipped transcripts (Scripts/transcripts/*.yaml): every
/// expectation must hold and together they must take every transition of the built-in script.
final class TranscriptsCheckTests: XCTestCase {
  /// The package root, from this file's path (Tests/rekindleTests/TranscriptsCheckTests.swift).
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  private var binary: URL!
  private var tempDir: URL!

  override func setUpWithError() throws {
    try super.setUpWithError()
    // Next to the .xctest bundle (macOS); on Linux bundleURL is already the directory holding it.
    let bundle = Bundle(for: Self.self).bundleURL
    let candidates = [
      bundle.deletingLastPathComponent().appendingPathComponent("rekindle"), bundle.appendingPathComponent("rekindle"),
    ]
    guard let built = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
      throw XCTSkip("the rekindle binary was not found next to the test bundle (\(bundle.path)); run `swift build` first")
    }
    binary = built
    tempDir = FileManager.default.temporaryDirectory.appendingPathComponent("rekindle-transcripts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tempDir, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    if let tempDir { try? FileManager.default.removeItem(at: tempDir) }
    try super.tearDownWithError()
  }

  /// Scripts/transcripts/*.yaml, relative to the package root, sorted (what the shell glob gives).
  private func transcripts() throws -> [String] {
    let dir = Self.packageRoot.appendingPathComponent("Scripts/transcripts")
    let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
    XCTAssertGreaterThanOrEqual(names.count, 8, "at least eight transcripts ship")
    return names.map { "Scripts/transcripts/" + $0 }
  }

  /// Runs the binary in the package root.
  private func rekindle(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    let launcher = ChildLauncher(directory: Self.packageRoot, environment: env, scratch: tempDir)
    let result = launcher.finish(try launcher.start(binary.path, arguments), timeout: 120)
    if result.timedOut { XCTFail("rekindle \(arguments.joined(separator: " ")) did not finish within 120 s") }
    return (result.exitCode ?? -1, result.out, result.err)
  }

  func testEveryTranscriptPassesAndCoversTheWholeScript() throws {
    let files = try transcripts()
    let run = try rekindle(["rehearse"] + files + ["--check", "--coverage", "--min-coverage", "100", "--no-color"])
    XCTAssertEqual(run.status, 0, "stdout:\n\(run.out)\nstderr:\n\(run.err)")
    XCTAssertEqual(run.err, "")
    let lines = run.out.split(separator: "\n").map(String.init)
    for file in files { XCTAssertTrue(lines.contains { $0.hasPrefix("PASS \(file)") }, "no PASS line for \(file)\n\(run.out)") }
    // The final counts line: "9 transcripts: 9 passed, 0 failed; 121 checked turns: 121 passed, 0 failed".
    let pattern = try NSRegularExpression(
      pattern: #"^(\d+) transcripts: (\d+) passed, (\d+) failed; (\d+) checked turns: (\d+) passed, (\d+) failed$"#)
    let counts = lines.last { pattern.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }
    let line = try XCTUnwrap(counts, "no counts line in:\n\(run.out)")
    let match = try XCTUnwrap(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)))
    let number = { (i: Int) -> Int in Int((line as NSString).substring(with: match.range(at: i))) ?? -1 }
    XCTAssertEqual(number(1), files.count, line)
    XCTAssertEqual(number(2), files.count, line)
    XCTAssertEqual(number(3), 0, line)
    XCTAssertGreaterThan(number(4), 0, line)
    XCTAssertEqual(number(5), number(4), line)
    XCTAssertEqual(number(6), 0, line)
    let coverage = try XCTUnwrap(lines.first { $0.hasPrefix("coverage of ") }, run.out)
    XCTAssertTrue(coverage.contains("(100.0%)"), coverage)
    XCTAssertFalse(run.out.contains("not exercised"), run.out)
  }

  /// Scripts/transcripts/practice/*.yaml: one practice transcript per built-in persona, every
  /// expectation holding and every reply variant of every persona reached.
  func testEveryPracticeTranscriptPassesAndReachesEveryVariant() throws {
    let dir = Self.packageRoot.appendingPathComponent("Scripts/transcripts/practice")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }.sorted()
      .map { "Scripts/transcripts/practice/" + $0 }
    XCTAssertEqual(files.count, 6, "one per built-in persona")
    let run = try rekindle(["rehearse"] + files + ["--check", "--coverage", "--min-coverage", "100", "--no-color"])
    XCTAssertEqual(run.status, 0, "stdout:\n\(run.out)\nstderr:\n\(run.err)")
    for file in files { XCTAssertTrue(run.out.contains("PASS \(file)"), "no PASS line for \(file)\n\(run.out)") }
    let coverage = run.out.split(separator: "\n").filter { $0.hasPrefix("coverage of persona ") }
    XCTAssertEqual(coverage.count, 6, run.out)
    for line in coverage { XCTAssertTrue(line.hasSuffix("(100.0%)"), String(line)) }
    XCTAssertFalse(run.out.contains("not reached"), run.out)
  }

  /// Practice transcripts beside dialogue ones: JUnit has a suite for each, JSON a
  /// `practice_transcripts` member with the lines as played and the personas' coverage.
  func testPracticeTranscriptsInJUnitAndJSON() throws {
    let files = try transcripts() + ["Scripts/transcripts/practice/cold.yaml"]
    let junit = try rekindle(["rehearse"] + files + ["--check", "--format", "junit"])
    XCTAssertEqual(junit.status, 0, "stdout:\n\(junit.out)\nstderr:\n\(junit.err)")
    let collector = JUnitCollector()
    let parser = XMLParser(data: Data(junit.out.utf8))
    parser.delegate = collector
    XCTAssertTrue(parser.parse(), "not XML: \(junit.out.prefix(500))")
    XCTAssertEqual(collector.suites, files.count)
    XCTAssertEqual(collector.failures, 0)
    XCTAssertTrue(junit.out.contains("classname=\"Scripts/transcripts/practice/cold.yaml\""), junit.out)

    let json = try rekindle(["rehearse", "Scripts/transcripts/practice/cold.yaml", "--check", "--coverage", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.err)
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    let practice = try XCTUnwrap(object["practice_transcripts"] as? [String: Any])
    let transcript = try XCTUnwrap((practice["transcripts"] as? [[String: Any]])?.first)
    XCTAssertEqual(transcript["passed"] as? Bool, true)
    let first = try XCTUnwrap((transcript["turns"] as? [[String: Any]])?.first)
    XCTAssertEqual(first["question"] as? String, "while_apart")
    XCTAssertNotNil(first["variant"] as? String)
    let coverage = try XCTUnwrap((practice["coverage"] as? [[String: Any]])?.first)
    XCTAssertEqual(coverage["persona"] as? String, "cold")
    XCTAssertEqual(coverage["percent"] as? Double, 100)
  }

  func testJUnitOutputIsWellFormedXML() throws {
    let files = try transcripts()
    let run = try rekindle(["rehearse"] + files + ["--check", "--format", "junit"])
    XCTAssertEqual(run.status, 0, "stdout:\n\(run.out)\nstderr:\n\(run.err)")
    let collector = JUnitCollector()
    let parser = XMLParser(data: Data(run.out.utf8))
    parser.delegate = collector
    XCTAssertTrue(parser.parse(), "not XML: \(parser.parserError.map { "\($0)" } ?? "?")\n\(run.out)")
    XCTAssertEqual(collector.root, "testsuites")
    XCTAssertEqual(collector.suites, files.count)
    XCTAssertGreaterThan(collector.cases, files.count)
    XCTAssertEqual(collector.failures, 0)
    XCTAssertEqual(collector.declaredFailures, 0)
  }

  func testJSONOutputParses() throws {
    let files = try transcripts()
    let run = try rekindle(["rehearse"] + files + ["--check", "--coverage", "--format", "json"])
    XCTAssertEqual(run.status, 0, "stdout:\n\(run.out)\nstderr:\n\(run.err)")
    let object = try JSONSerialization.jsonObject(with: Data(run.out.utf8))
    let root = try XCTUnwrap(object as? [String: Any])
    let results = try XCTUnwrap(root["transcripts"] as? [[String: Any]])
    XCTAssertEqual(results.compactMap { $0["file"] as? String }, files)
    for result in results {
      XCTAssertEqual(result["passed"] as? Bool, true, "\(result["file"] ?? "?"): \(result["mismatches"] ?? "")")
      XCTAssertEqual((result["mismatches"] as? [Any])?.count, 0)
      XCTAssertFalse((result["turns"] as? [Any] ?? []).isEmpty)
    }
    let endings = Dictionary(
      results.map { (($0["file"] as? String) ?? "", ($0["ending"] as? String) ?? "") }, uniquingKeysWith: { a, _ in a })
    XCTAssertEqual(endings["Scripts/transcripts/safety-threat.yaml"], "safety")
    let coverage = try XCTUnwrap((root["coverage"] as? [[String: Any]])?.first)
    XCTAssertEqual(coverage["percent"] as? Double, 100)
    XCTAssertEqual(coverage["missing"] as? [String], [])
  }
}

/// Counts the elements of a JUnit report.
private final class JUnitCollector: NSObject, XMLParserDelegate {
  var root: String?
  var suites = 0
  var cases = 0
  var failures = 0
  var declaredFailures = 0

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if root == nil { root = name }
    switch name {
    case "testsuite":
      suites += 1
      declaredFailures += Int(attributes["failures"] ?? "0") ?? 0
    case "testcase": cases += 1
    case "failure": failures += 1
    default: break
    }
  }
}
