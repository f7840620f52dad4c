import Dialogue
import DialogueFormat
import XCTest

@testable import Practice

final class PracticeSummaryTests: XCTestCase {
  func testTheSummaryCoversBothSides() throws {
    let persona = try XCTUnwrap(PersonaLoader.builtIn("rebound"))
    var engine = PracticeEngine(script: ScriptLoader.builtIn, persona: persona)
    _ = engine.apply(.start)
    _ = engine.apply(.line("What was life like for you while we were apart?", safetyCheck: nil))
    _ = engine.apply(.line("Why did it end with her? Answer me, I'm sick of waiting.", safetyCheck: nil))
    _ = engine.apply(.line("Do you want a cup of tea?", safetyCheck: nil))
    let summary = PracticeSummary(of: engine)
    XCTAssertEqual(summary.groups.first?.covered, true)
    XCTAssertEqual(summary.groups.first(where: { $0.number == 3 })?.covered, true)
    XCTAssertEqual(summary.groups.first(where: { $0.number == 5 })?.covered, false)
    XCTAssertEqual(summary.tones.count, 3)
    XCTAssertEqual(summary.chart.count, 3)
    XCTAssertEqual(summary.offScriptLines, 1)
    XCTAssertTrue(summary.suggestions.contains { $0.contains("Answer me, I'm sick of waiting") }, "\(summary.suggestions)")
    XCTAssertLessThanOrEqual(summary.suggestions.count, 3)
    let markdown = summary.markdown()
    XCTAssertTrue(markdown.contains("## The guide's questions"))
    XCTAssertTrue(markdown.contains("**not asked**"))
    XCTAssertTrue(markdown.contains("## What he showed"))
    XCTAssertTrue(markdown.contains("The decision is always yours."))
  }

  func testHerLinesCannotAddMarkdown() throws {
    let persona = try XCTUnwrap(PersonaLoader.builtIn("cold"))
    var engine = PracticeEngine(script: ScriptLoader.builtIn, persona: persona)
    _ = engine.apply(.start)
    _ = engine.apply(.line("# Heading? [link](http://x) *really*, answer me now!", safetyCheck: nil))
    let markdown = PracticeSummary(of: engine).markdown()
    XCTAssertFalse(markdown.contains("\n# Heading"))
    XCTAssertFalse(markdown.contains("[link](http"))
  }
}
