import Foundation
import Signals
import XCTest

/// The pure ``Redactor``: names, places, email addresses and phone numbers become placeholders,
/// and evidence spans are carried over to the redacted text.
final class RedactorTests: XCTestCase {
  private let redactor = Redactor()

  private func redacted(_ text: String) -> String { redactor.redact(text).text }

  func testNamesNotAtTheStartOfASentence() {
    XCTAssertEqual(redacted("I moved in with Maddie, and she dumped me."), "I moved in with [name], and she dumped me.")
    XCTAssertEqual(redacted("Honestly I talked to Anna Maria about us."), "Honestly I talked to [name] about us.")
    XCTAssertEqual(redacted("I stayed with Maddie's brother."), "I stayed with [name]'s brother.")
    XCTAssertEqual(redacted("I think Zoë knew before I did."), "I think [name] knew before I did.")
  }

  func testWhatIsNotANameIsKept() {
    let kept = [
      "I know. I'm sorry, I'll wait.",
      "It was in March, on a Sunday, just before Christmas.",
      "I called Mom and Dad first.",
      "I LOVE YOU and I am SORRY.",
      "Sorry. Really sorry.",
      "",
      "no capitals here at all",
    ]
    for text in kept { XCTAssertEqual(redacted(text), text) }
  }

  func testSentenceStartIsReplacedWhenTheNameAppearsElsewhere() {
    XCTAssertEqual(redacted("Maddie left. I never loved Maddie."), "[name] left. I never loved [name].")
    // A capitalized first word that is nowhere else a name is an ordinary word.
    XCTAssertEqual(redacted("Mostly I worked."), "Mostly I worked.")
  }

  func testPlaces() {
    XCTAssertEqual(redacted("I was in Leeds, then at Camden Market."), "I was in [place], then at [place].")
    XCTAssertEqual(redacted("She is from New York."), "She is from [place].")
    XCTAssertEqual(redacted("I moved to Berlin for work."), "I moved to [place] for work.")
    XCTAssertEqual(redacted("I talked to Sam about it."), "I talked to [name] about it.")
  }

  func testEmailsAndPhoneNumbers() {
    XCTAssertEqual(redacted("Write to me at sam.oneil+x@mail.example.org."), "Write to me at [email].")
    XCTAssertEqual(redacted("mail me: jo@example.com"), "mail me: [email]")
    XCTAssertEqual(redacted("Call me on +44 20 7946 0958 tonight."), "Call me on [phone] tonight.")
    XCTAssertEqual(redacted("my number is (555) 123-4567"), "my number is [phone]")
    XCTAssertEqual(redacted("call 555.123.4567!"), "call [phone]!")
    // Short numbers, years and times are not phone numbers.
    XCTAssertEqual(redacted("It took 3 years, since 2019, at 10:30."), "It took 3 years, since 2019, at 10:30.")
    XCTAssertEqual(redacted("at sign @ alone and a@b"), "at sign @ alone and a@b")
  }

  func testOffsetsAreCarriedOverToTheRedactedText() {
    let reply = "I moved in with Maddie, and Maddie dumped me in March."
    let redaction = redactor.redact(reply)
    XCTAssertEqual(redaction.text, "I moved in with [name], and [name] dumped me in March.")
    XCTAssertEqual(redaction.replacements.count, 2)
    // "dumped me" starts at 35 in the original; two names of 6 became 6-scalar placeholders.
    let original = Array(reply.unicodeScalars)
    XCTAssertEqual(String(String.UnicodeScalarView(original[35..<44])), "dumped me")
    XCTAssertEqual(redaction.mapStart(35), 35)
    // An evidence span overlapping a name is widened to its placeholder.
    let analysis = Analysis(
      signals: [
        DetectedSignal(
          id: .rebound, evidence: [Evidence(text: "Maddie dumped me", start: 28, end: 44)], reason: "r", score: 1)
      ])
    let (text, moved) = redactor.redact(reply, analysis: analysis)
    XCTAssertEqual(text, redaction.text)
    let evidence = moved.signals[0].evidence[0]
    XCTAssertEqual(evidence.text, "[name] dumped me")
    let scalars = Array(text.unicodeScalars)
    XCTAssertEqual(String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end])), evidence.text)
  }

  func testLengthChangingPlaceholdersKeepSpansConsistent() {
    let reply = "Ask Bo at bo@x.io or on 07700 900123, then Christopherson in Llanfairpwllgwyngyll said sorry."
    let redaction = redactor.redact(reply)
    XCTAssertEqual(redaction.text, "Ask [name] at [email] or on [phone], then [name] in [place] said sorry.")
    let sorryStart = Array(reply.unicodeScalars).count - 6
    let newSorry = redaction.mapStart(sorryStart)
    let scalars = Array(redaction.text.unicodeScalars)
    XCTAssertEqual(String(String.UnicodeScalarView(scalars[newSorry..<(newSorry + 5)])), "sorry")
  }

  /// Many replacements in a long reply: linear, not quadratic (a 10 MB reply can be recorded).
  func testLongTextWithManyReplacementsIsFast() {
    let unit = "Ask Bo at bo@x.io or 07700 900123 in Leeds, sorry. "
    let text = String(repeating: unit, count: 5_000)
    let started = Date()
    let evidence = (0..<500).map { Evidence(text: "sorry", start: $0 * 510 + 44, end: $0 * 510 + 49) }
    let (redacted, analysis) = redactor.redact(
      text, analysis: Analysis(signals: [DetectedSignal(id: .remorse, evidence: evidence, reason: "r", score: 1)]))
    let seconds = Date().timeIntervalSince(started)
    XCTAssertTrue(redacted.hasPrefix("Ask [name] at [email] or [phone] in [place], sorry. Ask [name]"), String(redacted.prefix(120)))
    XCTAssertEqual(analysis.signals[0].evidence.count, 500)
    XCTAssertTrue(analysis.signals[0].evidence.allSatisfy { $0.text == "sorry" }, "evidence moved onto the redacted text")
    XCTAssertLessThan(seconds, 20, "redacting \(text.utf8.count) bytes took \(seconds) s")
    print("note: redacted \(text.utf8.count) bytes with 20,000 replacements in \(String(format: "%.2f", seconds)) s")
  }

  func testHostileInputNeverCrashes() {
    let samples = [
      "@", "@@@", "a@", "@b.c", ".@.", "+", "(", "((((((((", "0000000000000000000000000",
      "'s", "A's", "I'", "-A-", "\u{0}\u{1B}[2J Name", String(repeating: "Ab ", count: 10_000),
      String(repeating: "1-", count: 5000), "é\u{301}lodie in Zürich", "🙂 Sam 🙂 in 🙂 Rome",
    ]
    for text in samples {
      let redaction = redactor.redact(text)
      XCTAssertFalse(redaction.text.isEmpty && !text.isEmpty, text)
      for r in redaction.replacements { XCTAssertLessThan(r.start, r.end) }
    }
  }
}
