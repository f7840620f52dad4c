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

  private func hash(_ tag: Character, _ text: String) -> UInt32 {
    var h = FeatureHash(tag: tag.asciiValue ?? 0)
    for b in text.utf8 { h.add(b) }
    return h.key
  }

  func testCharacterGramsAreEveryThreeToFiveLetterPieceInOrder() {
    let f = ReplyFeatures(reply: "sorry", question: nil, lexicon: nil)
    let padded = Array("<sorry>")
    var expected: [UInt32] = []
    for n in 3...5 {
      for k in 0...(padded.count - n) { expected.append(hash("c", String(padded[k..<(k + n)]))) }
    }
    let grams = f.features.map(\.key).filter { expected.contains($0) }
    XCTAssertEqual(grams, expected, "3-grams, then 4-grams, then 5-grams, each from the start")
    XCTAssertFalse(keys("a").contains(hash("c", "<a>")), "no piece as long as the padded word")
  }

  func testWordTriplesStayInsideAClause() {
    XCTAssertTrue(keys("not that bad").contains(hash("t", "not that bad")))
    XCTAssertFalse(keys("not that, bad").contains(hash("t", "not that bad")), "a comma ends the clause")
    XCTAssertFalse(keys("not that").contains(hash("t", "not that")))
  }

  func testConceptPhrasesOfThreeWordsAreFound() {
    // "wasnt a big" is an entry of the downplaying concept; "wasnt a" is not an entry, only its start.
    let table = ConceptTable.builtIn
    guard let concept = table.names.firstIndex(of: "downplaying") else { return XCTFail("no downplaying concept") }
    XCTAssertTrue(table.conceptRange(hash("P", "wasnt a")).isEmpty)
    XCTAssertTrue(table.isPrefix(hash("P", "wasnt a")))
    XCTAssertFalse(table.isPrefix(hash("P", "zebra")))
    XCTAssertTrue(keys("It wasn't a big thing").contains(table.keys[concept]))
    XCTAssertFalse(keys("It wasn't, a big thing").contains(table.keys[concept]), "not across a comma")
  }

  func testReusedFeaturesAreTheSameAsNewOnes() {
    var reused = ReplyFeatures()
    for (reply, question) in [("I'm so sorry. I never meant it", "Why?"), ("k", nil), ("Nobody... NOTHING!! 😔", "Did you?")] {
      var text = reply
      var q = question ?? ""
      text.withUTF8 { r in q.withUTF8 { reused.extract(utf8: r, question: question == nil ? nil : $0, lexicon: nil) } }
      let fresh = ReplyFeatures(reply: reply, question: question, lexicon: nil)
      XCTAssertEqual(reused.features.map(\.key), fresh.features.map(\.key), reply)
      XCTAssertEqual(reused.features.map(\.value), fresh.features.map(\.value), reply)
      XCTAssertEqual(reused.questionMarks, fresh.questionMarks, reply)
    }
  }
}
