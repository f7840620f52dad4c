import Signals
import XCTest

/// Accuracy floors on the dev split, so that a lexicon, rule or model regression fails CI. The
/// floors sit just under the measured scores: they catch regressions, they claim nothing. The
/// honest figures come from the blind split, which tests never read (README, "How signs are read").
final class AccuracyTests: AnalyzerTestCase {
  /// The lexicon and its rules alone, on the first version's dev set they were written against.
  func testLexiconRulesOnTheLegacyDevSet() throws {
    let (f1, report) = Self.macroF1(try Self.labeled("legacy-dev.jsonl"))
    XCTAssertGreaterThanOrEqual(f1, 0.85, "lexicon macro-F1 on the legacy dev set")
    XCTAssertEqual(report.scores[.safety]?.recall, 1.0, "every safety reply of the legacy dev set is flagged")
  }

  /// The shipped reading (lexicon and built-in model) on the whole dev split.
  func testBuiltInModelOnTheDevSplit() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.devSplit.path).filter { $0.hasSuffix(".jsonl") }
    XCTAssertGreaterThanOrEqual(files.count, 3)
    let cases = try files.sorted().flatMap { try Self.labeled($0) }
    let (f1, report) = Self.macroF1(cases, analyzer: Analyzer())
    // 0.746 since session 9 added two dev writers of the weakest signs (w128, w129); 0.760 on the four before.
    XCTAssertGreaterThanOrEqual(f1, 0.73, "macro-F1 of the built-in model on the dev split")
    XCTAssertGreaterThanOrEqual(report.scores[.safety]?.recall ?? 0, 0.89, "safety recall on the dev split")
  }
}
