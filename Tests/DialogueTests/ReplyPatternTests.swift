import Dialogue
import DialogueFormat
import XCTest

/// `matches:` patterns: the common regular-expression syntax, ignoring case, in linear time.
final class ReplyPatternTests: XCTestCase {
  private func pattern(_ source: String) throws -> ReplyPattern {
    let yaml = """
      format: rekindle-dialogue/1
      title: P
      start: q
      states:
        q:
          group: 1
          ask: "?"
          transitions:
            - when: { matches: '\(source.replacingOccurrences(of: "'", with: "''"))' }
              goto: done
            - goto: done
        done:
          kind: end
          say: "."
      """
    let script = try ScriptLoader.load(yaml, file: "p.yaml")
    return try XCTUnwrap(script.state("q")?.transitions.first?.condition?.pattern)
  }

  func testTheBuiltInScriptsPatternAgreesWithSwiftRegex() throws {
    let source =
      #"^\W*((because|honestly|well)\W+)?(i\s+(just\s+|finally\s+)?(realized|realised|knew|know|felt|figured)\W+(that\s+)?)?i\s+(still\s+|really\s+|just\s+)*love\s+you(\s+still|\s+so\s+much)?\W*$"#
    let ours = try pattern(source)
    let swift = try Regex(source).ignoresCase()
    let samples = [
      "I love you", "i still love you.", "Honestly, I realized that I really just love you so much!",
      "Because I knew I still really love you still", "I love you but", "love you", "...I LOVE YOU...",
      "well i figured that i just love you", "I love your cooking", "", "I, love you",
    ]
    for sample in samples {
      XCTAssertEqual(ours.matches(sample), (try? swift.wholeMatch(in: sample) ?? swift.firstMatch(in: sample)) != nil, sample)
    }
  }

  func testCommonSyntax() throws {
    let cases: [(String, String, Bool)] = [
      (#"\bpizza\b"#, "I want PIZZA now", true), (#"\bpizza\b"#, "pizzas", false),
      ("not sure", "I'm NOT SURE", true), ("^yes$", "yes", true), ("^yes$", "yes please", false),
      ("colou?r", "color", true), ("a{2,3}b", "aab", true), ("a{2,3}b", "ab", false), ("a{2}", "a{2}", false),
      ("x{,2}", "x{,2}", true), ("[a-c]+d", "xxBCd", true), ("[^0-9]", "123", false), (#"\d{3}"#, "call 555", true),
      (#"\u00e9t\u00e9"#, "ÉTÉ", true), ("(?:ab|cd)+e", "cdabe", true), ("(?<word>sorry)", "so sorry", true),
      (#"\."#, "no dot", false), (#"\."#, "a.b", true), ("a.c", "a\nc", false), ("", "anything", true),
    ]
    for (source, text, expected) in cases {
      XCTAssertEqual(try pattern(source).matches(text), expected, "\(source) on \(text)")
    }
  }

  /// Issue item 4: a pattern with nested quantifiers on a reply that makes a backtracking engine
  /// take exponential time is matched at once.
  func testNestedQuantifiersMatchInLinearTime() throws {
    for source in ["^(a+)+$", "(a|a)*b", "(a*)*$", "^(\\w+\\s?)*$"] {
      let pattern = try pattern(source)
      let reply = String(repeating: "a", count: 5_000) + "!"
      let clock = ContinuousClock()
      let elapsed = clock.measure { _ = pattern.matches(reply) }
      XCTAssertLessThan(elapsed, .seconds(10), source)  // exponential would never end
    }
    XCTAssertTrue(try pattern("^(a+)+$").matches("aaaa"))
    XCTAssertFalse(try pattern("^(a+)+$").matches("aaaa!"))
  }

  func testWhatMakesMatchingSlowIsRefusedAtItsLine() {
    for source in [#"(a)\1"#, "(?=a)", "(?!a)", "(?<=a)b", "(?>a)", #"\p{L}"#, "a{5000}", "(unclosed", "*a", "[z-a]"] {
      let yaml = "format: rekindle-dialogue/1\ntitle: P\nstart: q\nstates:\n  q:\n    group: 1\n    ask: \"?\"\n    transitions:\n      - when: { matches: '\(source)' }\n        goto: q\n      - goto: q\n"
      XCTAssertThrowsError(try ScriptLoader.load(yaml, file: "p.yaml"), source) { error in
        XCTAssertEqual((error as? ScriptError)?.location.line, 9, source)
        XCTAssertTrue((error as? ScriptError)?.message.contains("not a valid regular expression") == true, "\(error)")
      }
    }
  }
}
