@testable import Signals
import XCTest

/// Training, thresholds, the model file, and the combined analyzer.
final class SignalModelTests: XCTestCase {
  /// A small corpus where remorse and coldness are told by different words.
  static let corpus: [LabeledReply] = {
    let remorseful = [
      "I regret every day of it", "leaving you is my biggest regret", "I regret how I treated you",
      "honestly I regret it all", "there is so much I regret", "I regret walking out", "regret eats at me",
      "I regret not listening", "my regret is real", "I carry that regret",
    ]
    let cold = [
      "whatever works", "meh whatever", "whatever you say", "fine whatever", "eh whatever",
      "whatever, ask something else", "k whatever", "whatever dude", "yeah whatever", "whatever I guess",
    ]
    let neutral = [
      "I was at my brother's place", "work was busy", "I moved to a new flat", "we went camping once",
      "the car broke down in May", "I started cooking more", "my team won the league", "the weather was bad",
      "I watched a lot of films", "my sister had a baby",
    ]
    var all: [LabeledReply] = []
    for (i, r) in remorseful.enumerated() { all.append(LabeledReply(id: "r\(i)", question: nil, reply: r, signals: [.remorse])) }
    for (i, r) in cold.enumerated() { all.append(LabeledReply(id: "c\(i)", question: nil, reply: r, signals: [.coldness])) }
    for (i, r) in neutral.enumerated() { all.append(LabeledReply(id: "n\(i)", question: nil, reply: r, signals: [])) }
    return all
  }()

  static func features(_ r: LabeledReply) -> ReplyFeatures {
    ReplyFeatures(reply: r.reply, question: r.question, lexicon: nil)
  }

  static func train(seed: UInt64 = 1) -> SignalModel {
    var options = ModelTrainer.Options()
    options.seed = seed
    options.minCount = 1
    return ModelTrainer(options: options).train(corpus, featurize: features, provenance: "test")
  }

  func testTrainingLearnsAndIsDeterministic() {
    let model = Self.train()
    XCTAssertEqual(model.encoded(), Self.train().encoded(), "the same seed gives the same model")
    XCTAssertNotEqual(model.encoded(), Self.train(seed: 2).encoded())
    let p = model.probabilities(ReplyFeatures(reply: "I regret it so much", question: nil, lexicon: nil))
    XCTAssertGreaterThan(p[SignalID.remorse.order], 0.5)
    XCTAssertLessThan(p[SignalID.coldness.order], 0.5)
    let q = model.probabilities(ReplyFeatures(reply: "whatever man", question: nil, lexicon: nil))
    XCTAssertGreaterThan(q[SignalID.coldness.order], 0.5)
  }

  func testAveragingOrdersAveragesTheRunsBiases() {
    func train(seed: UInt64, orders: Int) -> SignalModel {
      var options = ModelTrainer.Options()
      options.seed = seed
      options.minCount = 1
      options.orders = orders
      return ModelTrainer(options: options).train(Self.corpus, featurize: Self.features, provenance: "test")
    }
    let averaged = train(seed: 1, orders: 3)
    XCTAssertEqual(averaged.encoded(), train(seed: 1, orders: 3).encoded(), "deterministic")
    XCTAssertEqual(train(seed: 1, orders: 1).encoded(), Self.train().encoded(), "one order is the plain run")
    // The biases are averaged exactly (they are not quantised): the mean of the runs with seeds 1, 2, 3.
    let runs = (1...3).map { train(seed: UInt64($0), orders: 1) }
    for s in 0..<averaged.outputs {
      let mean = runs.map { $0.biases[s] }.reduce(0, +) / 3
      XCTAssertEqual(averaged.biases[s], mean, accuracy: 1e-5)
    }
    let p = averaged.probabilities(ReplyFeatures(reply: "I regret it so much", question: nil, lexicon: nil))
    XCTAssertGreaterThan(p[SignalID.remorse.order], 0.5)
  }

  func testEvidenceIsTheWordThatWeighedMost() {
    let model = Self.train()
    let f = ReplyFeatures(reply: "Honestly the regret is huge", question: nil, lexicon: nil)
    let words = model.evidenceWords(f, signal: .remorse)
    XCTAssertEqual(words.first, 2, "word 2 is 'regret'")
  }

  func testTheFileRoundTripsAndBadFilesAreRefused() throws {
    let model = Self.train()
    let bytes = model.encoded()
    let decoded = try SignalModel(encoded: bytes, source: "m")
    XCTAssertEqual(decoded.encoded(), bytes)
    XCTAssertEqual(decoded.provenance, "test")

    XCTAssertThrowsError(try SignalModel(encoded: Array("hello".utf8), source: "x.model")) { error in
      XCTAssertTrue("\(error)".hasPrefix("x.model: error: not a Rekindle model file"), "\(error)")
    }
    XCTAssertThrowsError(try SignalModel(encoded: Array(bytes.dropLast(7)), source: "m")) { error in
      XCTAssertTrue("\(error)".contains("cut off"), "\(error)")
    }
    XCTAssertThrowsError(try SignalModel(encoded: bytes + [0], source: "m")) { error in
      XCTAssertTrue("\(error)".contains("past its end"), "\(error)")
    }
    var nan = bytes
    withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) { for (i, b) in $0.enumerated() { nan[12 + i] = b } }
    XCTAssertThrowsError(try SignalModel(encoded: nan, source: "m"))
    var huge = bytes
    let countOffset = 8 + 4 + 4 * 46 + 4 + Array("test".utf8).count
    for i in 0..<4 { huge[countOffset + i] = 0xFF }
    XCTAssertThrowsError(try SignalModel(encoded: huge, source: "m"), "an announced count past the file is refused")
    // The first row's key written again in the second row's place.
    var repeated = bytes
    let rows = countOffset + 4
    for i in 0..<4 { repeated[rows + 4 + 15 + i] = bytes[rows + i] }
    XCTAssertThrowsError(try SignalModel(encoded: repeated, source: "m")) { error in
      XCTAssertTrue("\(error)".contains("repeats a feature"), "\(error)")
    }
  }

  func testThresholdsAreChosenOnDev() {
    let model = Self.train()
    let dev = Self.corpus.map { ThresholdTuner.Scored(probabilities: model.probabilities(Self.features($0)), labels: $0.signals) }
    let tuned = ThresholdTuner.tune(model, on: dev)
    XCTAssertEqual(ThresholdTuner.score(dev, signal: .remorse, threshold: Double(tuned.thresholds[SignalID.remorse.order])).f1, 1)
    XCTAssertEqual(tuned.thresholds[SignalID.safety.order], 0.5, "no safety examples: left as it was")
    XCTAssertLessThanOrEqual(tuned.safetyAskThreshold, tuned.thresholds[SignalID.safety.order])
  }

  func testTheAnalyzerReportsConfidenceAndModelEvidence() {
    let analyzer = Analyzer(lexicon: nil, reading: .model(Self.train()))
    let analysis = analyzer.analyze("the regret never leaves")
    let remorse = analysis.signals.first { $0.id == .remorse }
    XCTAssertNotNil(remorse?.confidence)
    XCTAssertEqual(remorse?.evidence.first?.text, "regret")
    XCTAssertEqual(remorse?.evidence.first?.start, 4)
    XCTAssertNil(Analyzer(lexicon: nil, reading: .lexiconOnly).analyze("I'm so sorry").signals.first?.confidence)
  }

  func testAnUncertainSafetyReadingCanBeResolved() {
    let analysis = Analysis(signals: [
      DetectedSignal(id: .safety, evidence: [], reason: "", score: 0.3, confidence: 0.3, uncertain: true),
      DetectedSignal(id: .pressure, evidence: [], reason: "", score: 0.9),
    ])
    XCTAssertTrue(analysis.safetyIsUncertain)
    XCTAssertEqual(analysis.resolvingSafety(confirmed: false).signalIDs, [.pressure])
    let confirmed = analysis.resolvingSafety(confirmed: true)
    XCTAssertFalse(confirmed.safetyIsUncertain)
    XCTAssertTrue(confirmed.has(.safety))
  }
}
