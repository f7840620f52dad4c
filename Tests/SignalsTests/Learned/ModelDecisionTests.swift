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

  func testEverySafetyConcernPointsToWordsOfTheReply() {
    // "Fine, if you say so." once read 0.19 for safety from the question and the reply's shape alone,
    // with no word of it raising the concern: nothing to show her, so nothing is asked.
    let replies = [
      ("Fine, if you say so.", "Can you tell me, in your own words, what you think it was like for me?"),
      ("I know where you live now. I'll be waiting outside.", "Why are you here?"),
    ]
    for (reply, question) in replies {
      for signal in Analyzer().analyze(reply, question: question).signals where signal.id == .safety {
        XCTAssertFalse(signal.evidence.isEmpty, reply)
      }
    }
    XCTAssertTrue(Analyzer().analyze(replies[1].0, question: replies[1].1).has(.safety), "a real concern is still there")
  }
}
