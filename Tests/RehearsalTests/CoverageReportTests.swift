import Dialogue
import DialogueFormat
import Rehearsal
import XCTest

final class CoverageReportTests: XCTestCase {
  private func results(_ transcripts: String...) throws -> [RehearsalResult] {
    let runner = RehearsalRunner(script: try Scripts.load(), analyzer: rulesOnly)
    return try transcripts.enumerated().map { try runner.run(loadTranscript($1, file: "t\($0).yaml")) }
  }

  func testListsEveryTransitionAndTheSafetyRule() throws {
    let report = CoverageReport(script: try Scripts.load(), results: [])
    XCTAssertEqual(report.all.map(\.description), ["first[0]", "first[1]", "first[2]", "second[0]", "second[1]", "second[2]", "safety rule"])
    XCTAssertEqual(report.states, ["first", "second"])
    XCTAssertEqual(report.covered, [])
    XCTAssertEqual(report.percent, 0)
    XCTAssertEqual(report.missing, report.all)
  }

  func testCountsTheTransitionsTaken() throws {
    // first[0] (blame) and second[0] (yes): 2 of 7.
    var report = CoverageReport(script: try Scripts.load(), results: try results("turns: [\"It was your fault.\", \"Yes.\"]"))
    XCTAssertEqual(report.covered.count, 2)
    XCTAssertEqual(report.percent, 200.0 / 7, accuracy: 1e-9)
    XCTAssertEqual(report.missing.map(\.description), ["first[1]", "first[2]", "second[1]", "second[2]", "safety rule"])
    XCTAssertEqual(report.visitedStates, ["first", "second"])

    // The same transitions twice count once; a follow-up counts for its transition; a skip takes the
    // fallback; the safety rule counts once whichever state it leaves.
    report = CoverageReport(
      script: try Scripts.load(),
      results: try results(
        "turns: [\"It was your fault.\", \"Yes.\"]",
        "turns: [\"It was your fault.\", \"Yes.\"]",
        "turns: [idk]",
        "turns: [\"Mostly I worked.\", {command: skip}]",
        "turns: [\"If you leave I'll hurt myself.\"]"))
    XCTAssertEqual(report.missing.map(\.description), ["second[1]"])
    XCTAssertEqual(report.covered.count, 6)
    XCTAssertEqual(report.percent, 600.0 / 7, accuracy: 1e-9)

    report = CoverageReport(
      script: try Scripts.load(),
      results: try results(
        "turns: [\"It was your fault.\", \"Yes.\"]", "turns: [idk]", "turns: [\"Mostly I worked.\", {command: skip}]",
        "turns: [\"If you leave I'll hurt myself.\"]", "turns: [\"It was your fault.\", \"No.\"]"))
    XCTAssertEqual(report.missing, [])
    XCTAssertEqual(report.percent, 100)
  }

  func testAStateIsVisitedWhenItsQuestionIsAsked() throws {
    // Only the start question is asked before the safety exit.
    let report = CoverageReport(script: try Scripts.load(), results: try results("turns: [\"If you leave I'll hurt myself.\"]"))
    XCTAssertEqual(report.visitedStates, ["first"])
    XCTAssertEqual(report.covered, [.safetyRule])
  }

  func testTransitionsOfAnotherScriptAreIgnored() throws {
    let other = try ScriptLoader.load(
      """
      format: rekindle-dialogue/1
      title: "One question"
      start: only
      states:
        only:
          group: 1
          ask: "Anything?"
          transitions:
            - goto: done
        done:
          kind: end
          say: "Done."
      """, file: "one.yaml")
    let report = CoverageReport(script: other, results: try results("turns: [\"It was your fault.\", \"Yes.\"]"))
    XCTAssertEqual(report.all.map(\.description), ["only[0]"])
    XCTAssertEqual(report.covered, [])
    XCTAssertEqual(report.percent, 0)
  }
}
