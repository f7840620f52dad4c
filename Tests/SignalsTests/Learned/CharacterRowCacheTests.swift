@testable import Signals
import XCTest

/// Character n-grams extracted compactly (named by their words, summed per word through a cache)
/// read exactly as the listed ones.
final class CharacterRowCacheTests: XCTestCase {
  static let replies: [(String, String?)] = [
    ("I'm so sorry. I never meant it", "Why?"), ("k", nil), ("Nobody... NOTHING!! 😔", "Did you?"),
    ("whatever works, whatever you say", nil), ("I regret walking out on you, I regret it all", "What have you learned?"),
    ("Supercalifragilisticexpialidocious words are skipped", nil), ("sorry sorry SORRY", nil), ("", nil),
  ]

  static func extract(_ reply: String, _ question: String?, compact: Bool, into features: inout ReplyFeatures) {
    var text = reply
    var q = question ?? ""
    text.withUTF8 { r in
      q.withUTF8 { features.extract(utf8: r, question: question == nil ? nil : $0, lexicon: nil, compactCharacters: compact) }
    }
  }

  func testCompactCharactersReadAsTheListedOnes() {
    let model = SignalModelTests.train()
    var compact = ReplyFeatures()
    var cache = CharacterRowCache()
    // Twice over, so the second pass reads every word from the cache.
    for (reply, question) in Self.replies + Self.replies {
      var listed = ReplyFeatures()
      Self.extract(reply, question, compact: false, into: &listed)
      Self.extract(reply, question, compact: true, into: &compact)
      XCTAssertEqual(
        compact.features.count + compact.characterWords.count > listed.features.count, false, "fewer features: \(reply)")
      XCTAssertEqual(compact.characterWords.isEmpty, listed.characterStart == listed.characterEnd, reply)
      XCTAssertEqual(model.probabilities(compact, cache: &cache), model.probabilities(listed), reply)
      XCTAssertEqual(
        model.probabilities(compact, replyOnly: true, cache: &cache), model.probabilities(listed, replyOnly: true), reply)
      for output in 0..<model.outputs {
        let a = model.evidenceSpans(compact, output: output, cache: &cache).map { [$0.0, $0.1] }
        let b = model.evidenceSpans(listed, output: output).map { [$0.0, $0.1] }
        XCTAssertEqual(a, b, "\(reply) output \(output)")
      }
    }
  }

  func testTheCacheServesOneModelAtATime() {
    // Two models that weigh the same words differently: rows kept for one are not used for the other.
    let first = SignalModelTests.train(seed: 1)
    let other = ModelTrainer(options: { var o = ModelTrainer.Options(); o.minCount = 1; o.seed = 9; o.epochs = 2; return o }())
      .train(SignalModelTests.corpus.map { r in
        LabeledReply(id: r.id, question: nil, reply: r.reply, signals: r.signals.contains(.remorse) ? [.coldness] : [])
      }, featurize: SignalModelTests.features, provenance: "other")
    XCTAssertNotEqual(first.fingerprint, other.fingerprint)
    XCTAssertEqual(first.fingerprint, first.replacingThresholds(first.thresholds.map { $0 / 2 }).fingerprint)
    var cache = CharacterRowCache()
    var compact = ReplyFeatures()
    for model in [first, other, first] {
      for (reply, question) in Self.replies {
        var listed = ReplyFeatures()
        Self.extract(reply, question, compact: false, into: &listed)
        Self.extract(reply, question, compact: true, into: &compact)
        XCTAssertEqual(model.probabilities(compact, cache: &cache), model.probabilities(listed), reply)
      }
    }
  }

  func testWordsThatShareASlotKeepTheirOwnRows() {
    var cache = CharacterRowCache()
    let rows: [SIMD16<Int16>] = [SIMD16(repeating: 1), SIMD16(repeating: 2)]
    let a: [UInt8] = Array("regret".utf8)
    let b: [UInt8] = Array("sorry".utf8)
    // The same key: the same slot; the bytes tell them apart.
    let first = a.withUnsafeBufferPointer { cache.row(for: $0, key: 7, model: 1) { rows[0] } }
    let second = b.withUnsafeBufferPointer { cache.row(for: $0, key: 7, model: 1) { rows[1] } }
    let again = a.withUnsafeBufferPointer { cache.row(for: $0, key: 7, model: 1) { SIMD16(repeating: 3) } }
    XCTAssertEqual(first, rows[0])
    XCTAssertEqual(second, rows[1])
    XCTAssertEqual(again, SIMD16(repeating: 3), "the slot now holds the other word: recomputed, not reused")
  }
}
