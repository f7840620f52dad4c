import Signals
import XCTest

/// One test per analyzer rule, each with positive and negative cases.
final class RuleTests: AnalyzerTestCase {
  func testNegationCancelsWithinItsClause() {
    assertLacks("I don't blame you for any of it.", .blame)
    assertLacks("I'm not going to pressure you into anything.", .pressure)
    assertLacks("I don't need someone to look after me.", .selfFocus)
    assertLacks("I would never hurt you.", .safety)
    // The scope ends at a clause boundary: the second clause is not negated.
    assertHas("I'm not perfect, but it was your fault.", .blame)
    assertHas("No, it was your fault.", .blame)
  }

  func testNegatedPatternsThatMeanSomethingElse() {
    assertHas("I won't rush you.", .patience)
    assertHas("I'm not going anywhere.", .patience)
    assertHas("I can't lose you again.", .fearOfLoss)
    assertHas("I'm not proud of what I did.", .remorse)
  }

  func testContrastAfterButWeighsMore() {
    assertHas("I'm not blaming you, but you shut me out for months.", .blame)
    let analysis = analyze("I'm not blaming you, but you shut me out for months.")
    XCTAssertEqual(analysis.signals.first { $0.id == .blame }?.reason.contains("after 'but'"), true)
    // A weak cue before "but" drops below the threshold; a strong one stays.
    assertHas("I'm sorry, but I need to know by Friday.", .remorse)
    assertHas("I'm sorry, but I need to know by Friday.", .pressure)
  }

  func testWhoTheWordsAreAbout() {
    assertHas("It was your fault.", .blame)
    assertLacks("It was my fault.", .blame)
    assertHas("It was my fault.", .remorse)
    assertLacks("She was so controlling.", .blame)
    assertHas("You were so controlling.", .blame)
  }

  func testThirdPersonSympathyIsNotEmpathyOrRemorse() {
    assertLacks("Sorry to hear your mom was sick, that must have been awful for her.", .empathy)
    assertLacks("Sorry to hear your mom was sick.", .remorse)
    assertHas("That must have been awful for you.", .empathy)
    assertLacks("I'm really sorry, she was lovely.", .remorse, question: "Did you hear my grandma passed away?")
  }

  func testSarcasm() {
    assertHas("Oh great, another interrogation.", .coldness)
    assertHas("Because it's ALL my fault, right?", .blame)
    assertLacks("Because it's ALL my fault, right?", .remorse)
    assertHas("It was all my fault.", .remorse)
    assertHas("Sure, blame the guy who paid every bill 🙄", .blame)
  }

  func testIdiomsAreNotLiteral() {
    assertLacks("This is killing me.", .safety)
    assertLacks("I'm scared to death of heights.", .safety)
    assertLacks("The weather was cold the whole trip.", .coldness)
    assertLacks("I waited tables in Omaha.", .patience)
    assertHas("I'm going to kill myself.", .safety)
  }

  func testIntensityCapsAndPunctuationMoveTone() {
    let calm = analyze("I hate this.").tone
    let loud = analyze("I HATE this!!!").tone
    XCTAssertLessThan(calm, 0)
    XCTAssertLessThan(loud, calm)
    XCTAssertGreaterThan(analyze("I love you and I'm so sorry.").tone, 0)
    for reply in ["", "ok", "I HATE HATE HATE HATE HATE this!!!!!!", "love love love 🙂🙂🙂"] {
      let tone = analyze(reply).tone
      XCTAssertTrue((-1...1).contains(tone), "tone \(tone) out of range for \(reply)")
    }
  }

  func testTextingSpellingsAndApostrophes() {
    assertHas("idk if this can work tbh", .doubt)
    assertHas("i dont care", .coldness)
    assertHas("its ur fault", .blame)
    assertHas("I’m so sorry", .remorse)  // curly apostrophe
    assertHas("I'm sooo sorry", .remorse)  // elongation
  }

  func testAccentsAndEmoji() {
    assertHas("After Zoë left me I realized what I had.", .rebound)
    assertHas("Slow is fine. We've got time 🙂", .patience)
    let analysis = analyze("Zoë dumped me 😢 so here I am")
    let evidence = analysis.signals.first { $0.id == .rebound }?.evidence.first
    XCTAssertEqual(evidence?.text, "Zoë dumped")
    XCTAssertEqual(evidence?.start, 0)
    XCTAssertEqual(evidence?.end, 10)
  }

  func testIndirectPhrasings() {
    assertHas("The apartment was too quiet with no one to come home to.", .selfFocus)
    assertHas("She found someone else, so I've had time to think.", .rebound)
    assertHas("I've been going to meetings every week.", .growth)
  }

  func testSafetyOutweighsKindWords() {
    let found = ids("Take all the time you want. I'll just keep an eye on you.")
    XCTAssertTrue(found.contains(.safety))
    XCTAssertFalse(found.contains(.patience))
  }

  func testYesNoAnswers() {
    let q = "Did you date anyone while we were broken up?"
    XCTAssertEqual(analyze("yeah, a couple times", question: q).answer, .yes)
    XCTAssertEqual(analyze("not really", question: q).answer, .no)
    XCTAssertEqual(analyze("No, I didn't.", question: q).answer, .no)
    XCTAssertEqual(analyze("I never dated anyone.", question: q).answer, .no)
    XCTAssertEqual(analyze("Not sure what counts.", question: q).answer, .unclear)
    // Open questions have no yes/no answer.
    XCTAssertEqual(analyze("Yes, I worked a lot.", question: "What did you do?").answer, .unclear)
  }

  func testEvasiveReplies() {
    let open = "What did you do while we were apart?"
    XCTAssertTrue(analyze("idk", question: open).evasive)
    XCTAssertTrue(analyze("Stuff.", question: open).evasive)
    XCTAssertTrue(analyze("Why do you care?", question: open).evasive)
    XCTAssertTrue(analyze("I don't know.", question: open).evasive)
    XCTAssertFalse(analyze("I worked at my uncle's garage and saved money.", question: open).evasive)
    XCTAssertFalse(analyze("How about the park on Sunday?", question: "Where do you want to meet?").evasive)
    XCTAssertFalse(analyze("No.", question: "Are you still in touch with her?").evasive)
  }

  func testEvidenceOffsetsPointIntoTheReply() {
    let reply = "Honestly, it was “your fault”, Chloé — not mine."
    let analysis = analyze(reply)
    let scalars = Array(reply.unicodeScalars)
    for signal in analysis.signals {
      for e in signal.evidence {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[e.start..<e.end])
        XCTAssertEqual(String(view), e.text)
      }
    }
    XCTAssertTrue(analysis.has(.blame))
  }

  func testOddInputNeverCrashes() {
    let inputs = [
      "", " ", "\0\0\0", String(repeating: "a", count: 100_000), String(repeating: "not ", count: 10_000),
      "'''", "n't", "’’’", "!!!???...", "🙄🙄🙄", "\u{FFFD}\u{FFFD}", "I'm I'm I'm", "@name ... _ {a|b}",
    ]
    for input in inputs { _ = analyze(input, question: input) }
  }
}
