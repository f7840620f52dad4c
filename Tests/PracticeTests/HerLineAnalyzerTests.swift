import XCTest

@testable import Practice

final class HerLineAnalyzerTests: XCTestCase {
  func testACueAloneDoesNotNameASign() {
    let line = "You always made the best scones, my mam still asks after them."
    XCTAssertEqual(HerCues.builtIn.find(in: line).map(\.sign), [.accusatory], "the cue is there")
    XCTAssertFalse(HerLineAnalyzer().analyze(line, before: nil).map(\.sign).contains(.accusatory))
  }

  func testASignTheModelReadsShowsItsCueAsEvidence() throws {
    let found = HerLineAnalyzer().analyze("You always put your mates first and never once asked how I was.", before: nil)
    let accusatory = try XCTUnwrap(found.first { $0.sign == .accusatory })
    XCTAssertEqual(accusatory.evidence.map(\.text), ["You always"])
  }
}
