import JSONText
import Authoring
import Foundation
import Signals
import XCTest

/// How findings are printed: one line each, and JSON for tools.
final class ReportTests: XCTestCase {
  private let finding = Diagnostic(
    .unknownKey, "unknown key `wehn` in transition 1 of state `ask`", hint: "did you mean `when`?",
    at: SourceLocation(file: "my.yaml", line: 13, column: 9))

  func testOneLinePerFinding() {
    XCTAssertEqual(
      finding.description,
      "my.yaml:13:9: error: unknown key `wehn` in transition 1 of state `ask` [unknown-key] (hint: did you mean `when`?)"
    )
    XCTAssertFalse(finding.description.contains("\n"))
  }

  func testEveryRuleHasASeverity() {
    XCTAssertEqual(LintRule.unknownKey.severity, .error)
    XCTAssertEqual(LintRule.exampleMismatch.severity, .warning)
    XCTAssertEqual(Set(LintRule.allCases.map(\.rawValue)).count, LintRule.allCases.count)
  }

  func testReportSummaryAndJSON() throws {
    var report = LintReport()
    XCTAssertTrue(report.isClean)
    report.add([], for: "a.yaml")
    XCTAssertEqual(report.summary, "no problems in 1 file")
    report.add([finding], for: "my.yaml")
    XCTAssertEqual(report.summary, "1 error in 1 of 2 files")
    XCTAssertFalse(report.isClean)
    let json = try JSONSerialization.jsonObject(with: Data(report.json.pretty.utf8)) as? [String: Any]
    XCTAssertEqual(json?["files"] as? [String], ["a.yaml", "my.yaml"])
    XCTAssertEqual(json?["errors"] as? Int, 1)
    XCTAssertEqual(json?["warnings"] as? Int, 0)
    let first = (json?["diagnostics"] as? [[String: Any]])?.first
    XCTAssertEqual(first?["line"] as? Int, 13)
    XCTAssertEqual(first?["column"] as? Int, 9)
    XCTAssertEqual(first?["rule"] as? String, "unknown-key")
    XCTAssertEqual(first?["severity"] as? String, "error")
    XCTAssertEqual(first?["hint"] as? String, "did you mean `when`?")
    XCTAssertEqual(report.json.compact.contains("\n"), false)
  }

  func testJSONEscaping() {
    XCTAssertEqual(JSONValue.string("a\"b\\c\nd\u{1}").compact, "\"a\\\"b\\\\c\\nd\\u0001\"")
    XCTAssertEqual(JSONValue.number(0.25).compact, "0.25")
    XCTAssertEqual(JSONValue.number(-1).compact, "-1")
    XCTAssertEqual(JSONValue.object([]).pretty, "{}")
  }
}
