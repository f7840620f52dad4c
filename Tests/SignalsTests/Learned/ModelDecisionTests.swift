import XCTest

@testable import Signals

/// How the model's probabilities become reported signs.
final class ModelDecisionTests: XCTestCase {
  private func probabilities(pressure: Double, patience: Double) -> [Double] {
    var p = [Double](repeating: 0, count: SignalID.allCases.count)
    p[SignalID.pressure.order] = pressure
    p[SignalID.patience.order] = patience
    return p
  }

  func testConfidentPressureOverrulesUnsurePatience() {
    XCTAssertTrue(ModelDecision.patienceOverruled(probabilities(pressure: 0.95, patience: 0.37)))
    XCTAssertFalse(ModelDecision.patienceOverruled(probabilities(pressure: 0.95, patience: 0.6)), "sure patience stays")
    XCTAssertFalse(ModelDecision.patienceOverruled(probabilities(pressure: 0.7, patience: 0.37)), "unsure pressure does not overrule")
  }

  func testRefusingToGoSlowlyIsNotPatience() {
    let analysis = Analyzer().analyze(
      "I don't see why we'd need to. You need to decide tonight.",
      question: "Trust will take time to rebuild. How do you feel about going slowly?")
    let ids = analysis.signals.map(\.id)
    XCTAssertTrue(ids.contains(.pressure), "\(ids)")
    XCTAssertFalse(ids.contains(.patience), "\(ids)")
  }
}
