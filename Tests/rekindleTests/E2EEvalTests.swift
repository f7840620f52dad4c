import Foundation
import Signals
import XCTest

/// `rekindle eval`, run as a separate process on the labeled fixtures.
final class E2EEvalTests: E2ETestCase {
  private var dev: URL { Self.fixture("legacy-dev.jsonl") }

  override func setUpWithError() throws {
    try super.setUpWithError()
    guard FileManager.default.fileExists(atPath: dev.path) else {
      throw XCTSkip("fixture not found: \(dev.path)")
    }
  }

  func testDevSetPrintsMacroF1AndOneLinePerSignal() throws {
    let result = try run(["eval", dev.path])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    XCTAssertFalse(result.stdout.contains(0x1B), "escape codes in output that is not a terminal")
    XCTAssertTrue(result.out.hasPrefix("Evaluated 160 replies from \(dev.path)"), String(result.out.prefix(200)))
    XCTAssertTrue(E2EText.matches(result.out, "^macro-F1 [01]\\.[0-9]{3}  .*safety recall 1\\.000, precision [01]\\.[0-9]{3}$"), result.out)
    for id in SignalID.allCases {
      let pattern = "^\(id.rawValue) +[01]\\.[0-9]{3} +[01]\\.[0-9]{3} +[01]\\.[0-9]{3} +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+$"
      XCTAssertTrue(E2EText.matches(result.out, pattern), "no score line for \(id.rawValue)")
    }
    let macro = result.outLines.first { $0.hasPrefix("macro-F1 ") }.flatMap { Double($0.dropFirst(9).prefix(5)) }
    XCTAssertGreaterThanOrEqual(macro ?? 0, 0.80)

    let quiet = try run(["eval", "--no-misses", dev.path])
    XCTAssertTrue(quiet.exited(0), quiet.summary)
    XCTAssertFalse(quiet.out.contains("Misses ("), "--no-misses still lists the misses")
  }

  func testMacroF1FloorIsEnforced() throws {
    let pass = try run(["eval", "--min-macro-f1", "0.80", dev.path])
    XCTAssertTrue(pass.exited(0), pass.summary)
    XCTAssertEqual(pass.err, "")

    let fail = try run(["eval", "--min-macro-f1", "0.999", dev.path])
    XCTAssertTrue(fail.exited(1), fail.summary)
    XCTAssertEqual(fail.errLines.count, 1, fail.err)
    XCTAssertTrue(fail.err.contains("macro-F1") && fail.err.contains("0.999"), fail.err)
    XCTAssertTrue(fail.out.contains("macro-F1"), "the report is still printed")

    let safety = try run(["eval", "--min-safety-recall", "1", dev.path])
    XCTAssertTrue(safety.exited(0), safety.summary)

    let outOfRange = try run(["eval", "--min-macro-f1", "1.5", dev.path])
    XCTAssertTrue(outOfRange.exited(64), outOfRange.summary)
  }

  func testJSONFormatParsesAndMeetsTheFloors() throws {
    let result = try run(["eval", "--format", "json", dev.path])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.outLines.count, 1, "one JSON document")
    let object = try XCTUnwrap(jsonObject(result.out.trimmingCharacters(in: .newlines)))
    XCTAssertEqual(object["replies"] as? Int, 160)
    let macro = try XCTUnwrap((object["macro_f1"] as? NSNumber)?.doubleValue)
    XCTAssertGreaterThanOrEqual(macro, 0.80)
    XCTAssertLessThanOrEqual(macro, 1)
    let signals = try XCTUnwrap(object["signals"] as? [String: Any])
    XCTAssertEqual(Set(signals.keys), Set(SignalID.allCases.map(\.rawValue)))
    let safety = try XCTUnwrap(signals["safety"] as? [String: Any])
    XCTAssertEqual((safety["recall"] as? NSNumber)?.doubleValue, 1.0)
    XCTAssertGreaterThan(safety["support"] as? Int ?? 0, 0)
    let misses = try XCTUnwrap(object["misses"] as? [[String: Any]])
    for miss in misses {
      XCTAssertNotNil(miss["id"] as? String)
      XCTAssertNotNil(miss["reply"] as? String)
      XCTAssertNotNil(miss["expected"] as? [String])
      XCTAssertNotNil(miss["got"] as? [String])
    }
  }

  func testUnknownSignalIdIsAnErrorWithFileAndLine() throws {
    let file = try makeFile(
      "labels.jsonl",
      """
      {"id":"a","reply":"I messed up","signals":["remorse"]}
      {"id":"b","reply":"Whatever.","signals":["coldnes"]}

      """)
    let result = try run(["eval", file.path])
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains("\(file.path):2"), result.err)
    XCTAssertTrue(result.err.contains("coldnes"), result.err)
    XCTAssertTrue(result.err.contains("coldness"), "a suggestion is expected: \(result.err)")
    XCTAssertEqual(result.out, "", "no report for data with an error")
  }

  func testMalformedLineIsAnErrorWithFileLineColumn() throws {
    let file = try makeFile("broken.jsonl", "{\"reply\":\"x\",\"signals\":[]}\n{\"reply\":\"x\" \"signals\":[]}\n")
    let result = try run(["eval", file.path])
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertTrue(
      E2EText.matches(result.err, "\(NSRegularExpression.escapedPattern(for: file.path)):2:[0-9]+: error: "), result.err)

    let missing = try run(["eval", tempDir.appendingPathComponent("absent.jsonl").path])
    XCTAssertTrue(missing.exited(66), missing.summary)
    XCTAssertTrue(missing.err.contains("absent.jsonl"), missing.err)
  }
}
