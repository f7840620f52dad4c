import XCTest

@testable import Signals

/// The model's evidence is words that mean something: a lone "I" or "and" is never shown as the
/// reason for a sign, though function words next to a chosen word join its phrase.
final class EvidenceWordsTests: XCTestCase {
  private let replies = [
    "The first months I barely spoke to anyone, I just went to work and came home to the flat.",
    "i saw her at the market the other day... i keep looking at our photos from the trip",
    "We were so good together. why won't you just answer me???",
    "she was nothing like you.",
    "I'm a different person now, ask Ben... tbh",
    "Things just happened and then it was over and I came back.",
    "Take all the time you need, I'm not going anywhere.",
    "You were the one who stopped talking to me, so don't put this on me.",
    "I think about what I did to you every single day.",
  ]

  func testEvidenceIsNeverOnlyFunctionWords() throws {
    let analyzer = Analyzer()
    var evidenceSeen = 0
    for reply in replies {
      for signal in analyzer.analyze(reply).signals {
        for evidence in signal.evidence {
          evidenceSeen += 1
          var scanner = WordScanner()
          var text = evidence.text
          text.withUTF8 { scanner.scan($0) }
          let keys = scanner.spans.indices.map { i in
            scanner.withWord(i) { word -> UInt32 in
              var h = FeatureHash(tag: UInt8(ascii: "w"))
              h.add(word)
              return h.key
            }
          }
          XCTAssertFalse(
            keys.allSatisfy { ReplyFeatures.functionWords.contains($0) },
            "\(signal.id) in \"\(reply)\": evidence \"\(evidence.text)\" is only function words")
        }
      }
    }
    XCTAssertGreaterThan(evidenceSeen, 5)
  }

  func testAFunctionWordNextToAChosenWordJoinsItsPhrase() throws {
    let analysis = Analyzer().analyze("We were so good together. why won't you just answer me???")
    let pressure = try XCTUnwrap(analysis.signals.first { $0.id == .pressure })
    XCTAssertTrue(pressure.evidence.contains { $0.text.contains(" ") }, "\(pressure.evidence.map(\.text))")
  }
}
