import Signals
import XCTest

/// The lexicon format: parsing, errors with locations, overriding entries.
final class LexiconTests: XCTestCase {
  func testBuiltInLexiconCompiles() throws {
    XCTAssertGreaterThan(Lexicon.builtIn.entryCount, 500)
  }

  func testErrorsNameFileLineAndColumn() {
    let cases: [(String, String)] = [
      ("blam 1.0 your fault", "x.lex:1:1: error: unknown category 'blam' (did you mean 'blame'?)"),
      ("\nblame 2 your fault", "x.lex:2:7: error: weight '2' must be a number from -1 to 1"),
      ("blame 1.0 +bogus your fault", "x.lex:1:11: error: unknown option '+bogus' (known: +nonneg, +q:WORD)"),
      ("blame 1.0 @nope fault", "x.lex:1:11: error: unknown class '@nope'"),
      ("@you your\n", "x.lex:1:1: error: class definition needs ':' after the name, as in '@you: you your'"),
      ("blame 1.0 ... _", "x.lex:1:11: error: a pattern cannot start with '_'"),
    ]
    for (text, expected) in cases {
      XCTAssertThrowsError(try Lexicon(text: text, file: "x.lex"), text) { error in
        XCTAssertEqual((error as? LexiconError)?.description, expected)
      }
    }
  }

  func testUserLexiconAddsAndOverrides() throws {
    let extra = try LexiconDocument(
      parsing: """
        coldness 1.0 ice queen
        blame 0 your fault
        """, file: "mine.lex")
    let lexicon = try Lexicon(document: Lexicon.builtInDocument.merged(with: extra))
    let analyzer = Analyzer(lexicon: lexicon, reading: .lexiconOnly)
    XCTAssertTrue(analyzer.analyze("Such an ice queen.").has(.coldness))
    XCTAssertFalse(Analyzer(lexicon: nil, reading: .lexiconOnly).analyze("Such an ice queen.").has(.coldness))
    // Weight 0 removed the built-in "your fault" entry.
    XCTAssertTrue(Analyzer(lexicon: nil, reading: .lexiconOnly).analyze("It was your fault.").has(.blame))
    XCTAssertFalse(analyzer.analyze("It was your fault.").has(.blame))
  }

  func testPatternSyntax() throws {
    let lexicon = try Lexicon(
      text: """
        @pet: dog cat
        expand pupper: dog
        growth 1.0 {walk|feed} ... @pet
        doubt 1.0 {i'm|i am}? unsure
        remorse 1.0 apolog*
        """, file: "t.lex")
    let analyzer = Analyzer(lexicon: lexicon, reading: .lexiconOnly)
    XCTAssertTrue(analyzer.analyze("I walk the old pupper daily").has(.growth))
    XCTAssertTrue(analyzer.analyze("Im unsure").has(.doubt))
    XCTAssertTrue(analyzer.analyze("My apologies").has(.remorse))
    XCTAssertFalse(analyzer.analyze("I walk. The dog sleeps").has(.growth), "gaps do not cross sentences")
  }
}
