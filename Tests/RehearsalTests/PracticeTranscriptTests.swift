import DialogueFormat
import XCTest

@testable import Rehearsal

final class PracticeTranscriptTests: XCTestCase {
  func testAPracticeTranscriptLoadsAndReplaysWithItsCoverage() throws {
    let yaml = """
      title: "Two lines"
      persona: evasive
      turns:
        - say: "What was life like for you while we were apart?"
          expect: { question: while_apart, variant: open }
        - say: "Can you tell me more about that?"
          expect: { question: while_apart, variant: again }
        - command: back
        - say: "Do you want a cup of tea?"
          expect: { question: none, variant: off_script }
      end: summary
      """
    XCTAssertTrue(PracticeTranscriptLoader.isPractice(yaml))
    let transcript = try PracticeTranscriptLoader.load(yaml, file: "t.yaml")
    XCTAssertEqual(transcript.turns.count, 4)
    let persona = try XCTUnwrap(PersonaLoader.builtIn("evasive"))
    let result = PracticeRehearsalRunner(script: ScriptLoader.builtIn, persona: persona).run(transcript)
    XCTAssertEqual(result.mismatches, [])
    XCTAssertEqual(result.usedVariants, [PersonaVariantKey(question: "while_apart", variant: .open)], "the /back took the again reply back")
    let coverage = PersonaCoverage(persona: persona, script: ScriptLoader.builtIn, results: [result])
    XCTAssertEqual(coverage.covered.count, 1)
    XCTAssertEqual(coverage.all.count, 52)
  }

  func testAWrongExpectationIsAMismatchAtItsLine() throws {
    let yaml = """
      persona: cold
      turns:
        - say: "What was life like for you while we were apart?"
          expect: { question: if_over }
      """
    let transcript = try PracticeTranscriptLoader.load(yaml, file: "t.yaml")
    let persona = try XCTUnwrap(PersonaLoader.builtIn("cold"))
    let result = PracticeRehearsalRunner(script: ScriptLoader.builtIn, persona: persona).run(transcript)
    XCTAssertEqual(result.mismatches.map(\.description), ["t.yaml:3: turn 1: question: expected if_over, got while_apart"])
  }

  func testMistakesInTheFileAreReportedWithTheirPlace() {
    XCTAssertThrowsError(try PracticeTranscriptLoader.load("persona: cold\nturns:\n  - say: hi\n    expect: { tone: [calmm] }\n", file: "t.yaml")) {
      XCTAssertEqual("\($0)", "t.yaml:4:22: error: `calmm` is not a sign of her side; did you mean `calm`?")
    }
    XCTAssertThrowsError(try PracticeTranscriptLoader.load("persona: cold\nturns:\n  - shout: hi\n", file: "t.yaml"))
  }

  func testHerAnswerToAPossibleDangerIsReplayed() throws {
    // A line read as danger only by the her-side model is a possible concern: at a terminal she is
    // asked. Without an answer the practice stops; with `confirms_harm: false` it goes on. (This one is
    // harmless: the her-side model, recall first, reads it at 0.18 against a level of 0.05.)
    let line = "Did you date anyone? Did she matter?"
    let persona = try XCTUnwrap(PersonaLoader.builtIn("cold"))
    let runner = PracticeRehearsalRunner(script: ScriptLoader.builtIn, persona: persona)
    let asked = try PracticeTranscriptLoader.load(
      "persona: cold\nturns:\n  - say: \"\(line)\"\n    confirms_harm: false\n  - say: \"Do you want a cup of tea?\"\n",
      file: "t.yaml")
    XCTAssertEqual(asked.turns.first?.confirmsHarm, false)
    let unasked = try PracticeTranscriptLoader.load("persona: cold\nturns:\n  - say: \"\(line)\"\n", file: "t.yaml")
    let stopped = runner.run(unasked)
    XCTAssertEqual(runner.run(asked).ending, .summary, "dismissed: the practice went on")
    XCTAssertEqual(stopped.ending, .safety, "no answer: the practice stops, safety first")
    let text = PracticeGoldenTranscript.update(runner.run(asked)).text
    XCTAssertTrue(text.contains("confirms_harm: false"), text)
    XCTAssertThrowsError(try PracticeTranscriptLoader.load("persona: cold\nturns:\n  - command: back\n    confirms_harm: true\n", file: "t.yaml")) {
      XCTAssertTrue("\($0)".contains("`confirms_harm` goes with a `say`"), "\($0)")
    }
  }
}
