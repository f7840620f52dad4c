import Dialogue
import Signals
import XCTest

/// The conversation summary and its Markdown.
final class SummaryTests: XCTestCase {
  private func finishedRun() throws -> ConversationSummary {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("Whatever.")
    _ = try engine.reply("It was your fault.")
    let events = try engine.reply("I'm so sorry. Take all the time you need.")
    return try XCTUnwrap(events.summary)
  }

  func testSummaryRecordsOutcomesRepliesAndSigns() throws {
    let summary = try finishedRun()
    XCTAssertEqual(summary.title, "Two questions")
    XCTAssertEqual(summary.questions.map(\.question), ["What happened?", "Do you understand what it did to me?"])
    XCTAssertEqual(summary.questions.map(\.outcome), [.answered, .answered])
    XCTAssertEqual(summary.questions[0].replies, ["Whatever.", "It was your fault."])
    let first = summary.questions[0].signals
    XCTAssertTrue(first.contains { $0.id == .blame && $0.evidence.contains("your fault") })
    XCTAssertEqual(summary.questions[1].hopefulSigns.map(\.id), [.remorse, .patience])
    XCTAssertEqual(summary.hopefulCount, 2)
    XCTAssertEqual(summary.cautionCount, summary.questions[0].cautionSigns.reduce(0) { $0 + $1.count })
    XCTAssertGreaterThanOrEqual(summary.cautionCount, 1)
    XCTAssertEqual(summary.worthRevisiting.map(\.stateID), ["first"])
    XCTAssertFalse(summary.endedBySafetyExit)
  }

  func testMarkdownHasSectionsTalliesAndTheClosingReminder() throws {
    let markdown = try finishedRun().markdown()
    XCTAssertTrue(markdown.hasPrefix("# Two questions\n"))
    XCTAssertTrue(markdown.contains("### Question 1 of 2: What happened?"))
    XCTAssertTrue(markdown.contains("### Question 2 of 2: Do you understand what it did to me?"))
    XCTAssertTrue(markdown.contains("> It was your fault."))
    XCTAssertTrue(markdown.contains("Caution: blames you (\"your fault\")"))
    XCTAssertTrue(markdown.contains("- Hopeful signs: 2"))
    XCTAssertTrue(markdown.contains("## Worth coming back to\n\n- What happened? (caution signs:"))
    XCTAssertTrue(markdown.contains("the decision is yours alone"))
    XCTAssertTrue(markdown.contains("close the chapter"))
    for word in [" he ", " she ", " him ", " her ", " his ", "husband", "wife"] {
      XCTAssertFalse(markdown.lowercased().contains(word), "gendered wording: \(word)")
    }
    XCTAssertFalse(markdown.contains("Safety"))
  }

  func testEvadedAndSkippedAreWorthRevisiting() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("Whatever.")
    _ = try engine.reply("Whatever.")
    let summary = try XCTUnwrap(try engine.skip().summary)
    XCTAssertEqual(summary.questions.map(\.outcome), [.evaded, .skipped])
    XCTAssertEqual(summary.worthRevisiting.map(\.stateID), ["first", "second"])
    let markdown = summary.markdown()
    XCTAssertTrue(markdown.contains("*Evaded: the answer stayed vague after the follow-ups.*"))
    XCTAssertTrue(markdown.contains("- Do you understand what it did to me? (skipped)"))
  }

  func testSafetyExitSummarySaysSo() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    let summary = try XCTUnwrap(try engine.reply("I know where you live.").summary)
    XCTAssertTrue(summary.endedBySafetyExit)
    XCTAssertEqual(summary.questions.map(\.outcome), [.unanswered])
    let markdown = summary.markdown()
    XCTAssertTrue(markdown.contains("safety concern"))
    XCTAssertTrue(markdown.contains("emergency number"))
  }

  func testRepliesCannotInjectMarkdown() throws {
    var (engine, _) = try startedEngine(Fixtures.twoQuestions)
    _ = try engine.reply("# Big *news*\n[click](http://x)")
    let markdown = engine.finish().summary?.markdown() ?? ""
    XCTAssertTrue(markdown.contains("> \\# Big \\*news\\*\n> \\[click\\](http://x)"), markdown)
    XCTAssertFalse(markdown.contains("\n# Big"))
  }

  func testSummaryIsCodable() throws {
    let summary = try finishedRun()
    let decoded = try JSONDecoder().decode(ConversationSummary.self, from: try JSONEncoder().encode(summary))
    XCTAssertEqual(decoded, summary)
  }

  /// A safety concern is named once ("Safety concern (...)"), not "Safety concern: safety concern".
  func testSafetySignIsNamedOnce() {
    XCTAssertEqual(ConversationSummary.signText(.safety), "Safety concern")
    XCTAssertEqual(ConversationSummary.signText(.blame), "Caution: blames you")
  }
}
