import XCTest

@testable import Signals

/// Models of any number of outputs (the her-side models of practice mode), not only the fifteen signals.
final class ModelOutputsTests: XCTestCase {
  func testAModelOfTwentyOutputsTrainsEncodesAndDecodes() throws {
    let texts = ["the cat sat", "a dog ran", "the cat ran", "a dog sat"]
    let features = texts.map { ReplyFeatures(reply: $0, question: nil, lexicon: nil) }
    let labels = texts.map { text in (0..<20).map { i in i == 17 ? text.contains("cat") : i == 3 && text.contains("dog") } }
    var options = ModelTrainer.Options()
    options.minCount = 1
    options.epochs = 30
    let model = ModelTrainer(options: options).train(featureSets: features, labels: labels, provenance: "test")
    XCTAssertEqual(model.outputs, 20)
    let p = model.probabilities(ReplyFeatures(reply: "the cat", question: nil, lexicon: nil))
    XCTAssertEqual(p.count, 20)
    XCTAssertGreaterThan(p[17], p[3], "the second block of sixteen outputs is read too")
    let decoded = try SignalModel(encoded: model.encoded(), source: "m", outputs: 20)
    XCTAssertEqual(decoded.probabilities(features[0]), model.probabilities(features[0]))
    XCTAssertThrowsError(try SignalModel(encoded: model.encoded(), source: "m")) { error in
      XCTAssertEqual((error as? ModelError)?.message, "the model has 20 outputs; this one reads 15")
    }
  }
}
