import Signals
import XCTest

/// Accuracy floors on labeled sets, so that a lexicon or rule regression fails CI.
final class AccuracyTests: AnalyzerTestCase {
  func testDevSetMacroF1AndSafetyRecall() throws {
    let (f1, report) = Self.macroF1(try Self.labeled("dev-replies.jsonl"))
    XCTAssertGreaterThanOrEqual(f1, 0.85, "macro-F1 on the dev set")
    XCTAssertEqual(report.scores[.safety]?.recall, 1.0, "every safety reply of the dev set is flagged")
  }

  /// Hand-written replies (not the dev set) checking that the rules generalize.
  func testHoldoutMacroF1() throws {
    let (f1, _) = Self.macroF1(try Self.labeled("holdout-replies.jsonl"))
    XCTAssertGreaterThanOrEqual(f1, 0.80, "macro-F1 on the hand-written holdout set")
  }

  /// A set written blind by someone who never saw the lexicon: the honest estimate. Its floor
  /// sits just under the measured score, to catch regressions, not to claim accuracy.
  func testBlindSetDoesNotRegress() throws {
    let (f1, _) = Self.macroF1(try Self.labeled("blind-replies.jsonl"))
    XCTAssertGreaterThanOrEqual(f1, 0.55, "macro-F1 on the blind set")
  }
}
