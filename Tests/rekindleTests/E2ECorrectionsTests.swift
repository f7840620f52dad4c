import Foundation
import TestSupport
import XCTest

/// Her corrections and notes: `/not SIGN`, `/note TEXT`, `/questions`, and `rekindle corrections`.
final class E2ECorrectionsTests: E2ETestCase {
  private func chat(_ lines: [String], _ extra: [String] = []) throws -> E2EResult {
    try run(["chat", "--no-model"] + extra, stdin: .pipe(Data(lines.map { $0 + "\n" }.joined().utf8)))
  }

  func testOverrulesAndNotesAreRecordedShownAndExported() throws {
    let record = tempDir.appendingPathComponent("c.jsonl")
    let result = try chat(
      [
        "I messed up, I know that. It was your fault too.", "/not blame", "/not bleme", "/not coldness",
        "/note He said the same last year.", "/questions", "I kept thinking about us.", "/summary",
      ], ["--record", record.path])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertTrue(result.out.contains("Noted: you say the last reply does not show blames you."), result.out)
    XCTAssertTrue(result.out.contains("There is no sign called bleme. Did you mean blame?"), result.out)
    XCTAssertTrue(result.out.contains("The last reply does not show cold or distant."), result.out)
    XCTAssertTrue(result.out.contains("Questions ahead"), result.out)
    XCTAssertTrue(result.out.contains("- When did you realize you still have feelings for me?"), result.out)
    XCTAssertTrue(result.out.contains("You overruled: blames you."), result.out)
    XCTAssertTrue(result.out.contains("Your note: He said the same last year."), result.out)
    XCTAssertFalse(result.out.contains("- Caution: blames you"), "an overruled sign leaves the summary's signs")

    let events = jsonObjects(try Data(contentsOf: record)).compactMap { $0["event"] as? String }
    XCTAssertEqual(events, ["start", "reply", "overrule", "note", "reply"])

    // Replayed from the record, the summary keeps both.
    let summary = try run(["summary", "--no-model", "--format", "markdown", record.path])
    XCTAssertTrue(summary.exited(0), summary.summary)
    XCTAssertTrue(summary.out.contains("You overruled: blames you."), summary.out)
    XCTAssertTrue(summary.out.contains("Your note: He said the same last year."), summary.out)

    // Exported as labeled replies that eval reads.
    let exported = try run(["corrections", "--no-model", record.path])
    XCTAssertTrue(exported.exited(0), exported.summary)
    let object = try XCTUnwrap(jsonObjects(exported.stdout).first)
    XCTAssertEqual(object["reply"] as? String, "I messed up, I know that. It was your fault too.")
    XCTAssertEqual(object["signals"] as? [String], ["remorse"])
    XCTAssertEqual(object["overruled"] as? [String], ["blame"])
    let labeled = try makeFile("labeled.jsonl", exported.out)
    let evaluated = try run(["eval", "--no-model", labeled.path])
    XCTAssertTrue(evaluated.exited(0), evaluated.summary)
    XCTAssertTrue(evaluated.out.contains("Evaluated 1 replies"), evaluated.out)
  }

  /// Helplines she sets (a file under XDG_CONFIG_HOME and --helpline) are shown with the safety
  /// advice; none is built in.
  func testHelplinesSheSetsAreShownWithTheSafetyAdvice() throws {
    let config = tempDir.appendingPathComponent("config")
    try makeFile("config/rekindle/helplines", "# where I live\nSamaritans 116 123\n\n")
    var environment = baseEnvironment()
    environment["XDG_CONFIG_HOME"] = config.path
    let result = try run(
      ["chat", "--no-model", "--helpline", "Refuge 0808 2000 247"],
      stdin: .pipe(Data("If you leave me I will kill you.\n".utf8)), environment: environment)
    XCTAssertTrue(result.exited(0), result.summary)
    let advice = result.out.components(separatedBy: "Safety first.").last ?? ""
    XCTAssertTrue(advice.contains("Helplines you set:\n  Samaritans 116 123\n  Refuge 0808 2000 247\n"), advice)

    let none = try chat(["If you leave me I will kill you."])
    XCTAssertTrue(none.out.contains("Safety first."), none.out)
    XCTAssertFalse(none.out.contains("Helplines you set"), "none is built in")
  }
}
