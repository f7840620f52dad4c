import Foundation
import XCTest

@testable import Signals

/// The data embedded in the binary matches the files people read and edit.
final class EmbeddedDataTests: XCTestCase {
  private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  private func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).trimmingCharacters(in: .newlines)
  }

  func testLexiconAndConceptsMatchTheirFiles() throws {
    XCTAssertEqual(
      BuiltInLexicon.text.trimmingCharacters(in: .newlines), try text("Scripts/data/lexicon.txt"),
      "run Scripts/embed-data.sh after editing Scripts/data/lexicon.txt")
    XCTAssertEqual(
      BuiltInConcepts.text.trimmingCharacters(in: .newlines), try text("Scripts/data/concepts.txt"),
      "run Scripts/embed-data.sh after editing Scripts/data/concepts.txt")
  }

  func testTheBuiltInModelIsTheModelFile() throws {
    let file = try Data(contentsOf: root.appendingPathComponent("Scripts/data/model/rekindle.model"))
    let model = try XCTUnwrap(SignalModel.builtIn, "a model is embedded")
    XCTAssertEqual(model.encoded(), Array(file), "run Scripts/train-model.sh to retrain and embed")
    XCTAssertGreaterThan(model.featureCount, 10_000)
    XCTAssertTrue(model.provenance.hasPrefix("trained on "), model.provenance)
    XCTAssertLessThanOrEqual(model.safetyAskThreshold, model.thresholds[SignalID.safety.order])
    XCTAssertGreaterThan(ConceptTable.builtIn.names.count, 50)
  }

  func testTheBuiltInWordVectorsAreTheVectorFile() throws {
    let file = try Data(contentsOf: root.appendingPathComponent("Scripts/data/model/word-vectors.bin"))
    let embedded = try XCTUnwrap(Base64.decode(BuiltInWordVectors.base64))
    XCTAssertEqual(embedded, Array(file), "run Scripts/embed-data.sh after distilling the word vectors")
    let vectors = try XCTUnwrap(WordVectors.builtIn)
    XCTAssertGreaterThan(vectors.count, 20_000)
  }
}
