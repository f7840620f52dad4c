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

  func testALexiconCueTheModelReadsAsHarmlessIsNotAskedAbout() {
    // The lexicon's cue ("murder", "dead") in an idiom: the model reads it as harmless, so no question.
    for idiom in ["Brutal. Roadworks the whole way. I could murder a cuppa.", "Aye, work's been murder. Audit's on."] {
      let lexical = Analyzer(lexicon: Lexicon.builtIn, reading: .lexiconOnly).analyze(idiom, question: "How was your week?")
      XCTAssertTrue(lexical.has(.safety), "the lexicon alone flags \(idiom)")
      XCTAssertFalse(Analyzer().analyze(idiom, question: "How was your week?").has(.safety), idiom)
    }
    // A cue with a model reading above the floor is still asked about.
    let threat = Analyzer().analyze("If you go to his place I will hurt him.", question: "What will you do?")
    XCTAssertTrue(threat.has(.safety))
  }
}
