@testable import Signals
import XCTest

/// The learned model's features: normalisation, word spans, scaling.
final class ReplyFeaturesTests: XCTestCase {
  private func keys(_ reply: String, question: String? = nil) -> Set<UInt32> {
    Set(ReplyFeatures(reply: reply, question: question, lexicon: nil).features.map(\.key))
  }

  func testSpellingsOfTheSameWordShareFeatures() {
    XCTAssertEqual(keys("I don't know"), keys("i dont know"))
    XCTAssertEqual(keys("I don’t KNOW"), keys("i dont know").union(keys("I DONT")).intersection(keys("I don’t KNOW")))
    XCTAssertEqual(keys("sooo sorry"), keys("soo sorry"), "letters repeated for emphasis are cut to two")
    XCTAssertEqual(keys("Zoë"), keys("zoe"), "accents are folded")
  }

  func testWordsKeepTheirByteSpans() {
    let f = ReplyFeatures(reply: "Well… I’m sorry 😔 ok", question: nil, lexicon: nil)
    let reply = Array("Well… I’m sorry 😔 ok".utf8)
    let texts = f.words.map { String(decoding: reply[Int($0.start)..<Int($0.end)], as: UTF8.self) }
    XCTAssertEqual(texts, ["Well", "I’m", "sorry", "😔", "ok"])
  }

  func testWordFeaturesAreScaledByTheirCount() {
    let f = ReplyFeatures(reply: "one two three four", question: nil, lexicon: nil)
    let wordFeatures = f.features.filter { $0.endWord > $0.firstWord && $0.value < 1 }
    XCTAssertFalse(wordFeatures.isEmpty)
    for feature in wordFeatures { XCTAssertLessThan(feature.value, 1) }
  }

  func testTheQuestionAndTheLexiconAddFeatures() {
    let plain = keys("yes")
    let asked = keys("yes", question: "Did you date anyone?")
    XCTAssertTrue(plain.isSubset(of: asked))
    XCTAssertGreaterThan(asked.count, plain.count)
    let lexical = Analysis(signals: [DetectedSignal(id: .remorse, evidence: [], reason: "", score: 1)])
    let withLexicon = Set(ReplyFeatures(reply: "yes", question: nil, lexicon: lexical).features.map(\.key))
    XCTAssertGreaterThan(withLexicon.count, plain.count)
  }

  func testHugeAndOddInputStaysBounded() {
    let huge = String(repeating: "word ", count: 50_000)
    let f = ReplyFeatures(reply: huge, question: nil, lexicon: nil)
    XCTAssertLessThanOrEqual(f.words.count, WordScanner.maxWords)
    let odd = ReplyFeatures(reply: "\u{0}\u{FFFD}\u{202E}''' ...!!!???", question: "", lexicon: nil)
    XCTAssertTrue(odd.words.isEmpty || odd.words.allSatisfy { $0.end > $0.start })
    let long = ReplyFeatures(reply: String(repeating: "a", count: 10_000), question: nil, lexicon: nil)
    XCTAssertEqual(long.words.count, 1)
  }
}
