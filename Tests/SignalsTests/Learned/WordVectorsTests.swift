import XCTest

@testable import Signals

/// The built-in word vectors: found by the reply features' word keys, and near by meaning.
final class WordVectorsTests: XCTestCase {
  private func vector(_ word: String) throws -> [Float] {
    let vectors = try XCTUnwrap(WordVectors.builtIn)
    var h = FeatureHash(tag: UInt8(ascii: "w"))
    for b in word.utf8 { h.add(b) }
    let row = vectors.row(h.key)
    XCTAssertGreaterThanOrEqual(row, 0, "\(word) has a vector")
    var sum = [Float](repeating: 0, count: vectors.dimensions)
    if row >= 0 { vectors.add(row: row, into: &sum) }
    return sum
  }

  private func cosine(_ a: [Float], _ b: [Float]) -> Float {
    let dot = zip(a, b).reduce(Float(0)) { $0 + $1.0 * $1.1 }
    let na = a.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
    let nb = b.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
    return dot / max(na * nb, 1e-9)
  }

  func testWordsAreFoundByTheirNormalizedForm() throws {
    for word in ["sorry", "dont", "im", "youre", "idk", "exhausted", "bruises"] { _ = try vector(word) }
  }

  func testWordsOfLikeMeaningAreNear() throws {
    let pairs: [(String, String, String)] = [
      ("exhausted", "tired", "kitchen"), ("apologize", "sorry", "bicycle"), ("punched", "hit", "painted"),
      ("lonely", "alone", "purple"), ("kill", "murder", "bake"),
    ]
    for (word, near, far) in pairs {
      let v = try vector(word)
      XCTAssertGreaterThan(cosine(v, try vector(near)), cosine(v, try vector(far)), "\(word): \(near) over \(far)")
    }
  }

  func testABrokenFileIsAnError() {
    XCTAssertThrowsError(try WordVectors(encoded: Array("RKWX".utf8) + [UInt8](repeating: 0, count: 12), source: "v"))
    var cut: [UInt8] = Array("RKWV".utf8)
    for v: UInt32 in [1, 10, 8] { withUnsafeBytes(of: v.littleEndian) { cut.append(contentsOf: $0) } }
    XCTAssertThrowsError(try WordVectors(encoded: cut, source: "v")) { error in
      XCTAssertTrue("\(error)".hasPrefix("v: error:"), "\(error)")
    }
  }

  func testTheMeaningOfAReplyIsItsWordsSummed() {
    let features = ReplyFeatures(reply: "I am so exhausted", question: nil, lexicon: nil, meaning: true)
    XCTAssertGreaterThan(features.meaningFactor, 0)
    XCTAssertEqual(features.meaningRows.count, 4)
    let meaning = features.features.filter { ReplyFeatures.meaningKeys.prefix(1024).contains($0.key) }
    XCTAssertEqual(meaning.count, WordVectors.builtIn?.dimensions)
    let length = meaning.reduce(Float(0)) { $0 + $1.value * $1.value }.squareRoot()
    XCTAssertEqual(length, 1, accuracy: 1e-4)
    XCTAssertEqual(ReplyFeatures(reply: "🙂", question: nil, lexicon: nil, meaning: true).meaningFactor, 0)
    XCTAssertEqual(ReplyFeatures(reply: "I am so exhausted", question: nil, lexicon: nil).meaningFactor, 0)
  }
}
