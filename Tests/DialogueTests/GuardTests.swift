import Dialogue
import Signals
import XCTest

/// Every guard kind, through the engine (real analyzer) and on hand-made analyses.
final class GuardTests: XCTestCase {
  private static let router = """
    format: rekindle-dialogue/1
    title: Router
    start: open
    states:
      open:
        group: 1
        ask: "How do you feel about going slowly?"
        transitions:
          - when: { signals: { all: [remorse, patience] } }
            goto: all_of
          - when: { signals: { any: [blame, pressure], none: [remorse] } }
            goto: any_none
          - when: { matches: '\\bpizza\\b' }
            goto: regex
          - when: { tone: { above: 0.45 } }
            goto: warm
          - when: { tone: { below: -0.4 } }
            goto: cold
          - goto: other
      yes_no:
        group: 2
        ask: "Did you date anyone while we were broken up?"
        yes_no: true
        transitions:
          - when: { evasive: true }
            goto: evasive
          - when: { answer: yes }
            goto: said_yes
          - when: { answer: false }
            goto: said_no
          - when: { answer: unclear }
            goto: unclear
      all_of: { kind: end, say: "all" }
      any_none: { kind: end, say: "any/none" }
      regex: { kind: end, say: "regex" }
      warm: { kind: end, say: "warm" }
      cold: { kind: end, say: "cold" }
      other: { kind: end, say: "other" }
      evasive: { kind: end, say: "evasive" }
      said_yes: { kind: end, say: "yes" }
      said_no: { kind: end, say: "no" }
      unclear: { kind: end, say: "unclear" }
    """

  /// Where `reply` leads from `state` (the target of the first transition event).
  private func route(_ reply: String, from state: String = "open") throws -> String? {
    let script = try loadScript(Self.router.replacingOccurrences(of: "start: open", with: "start: \(state)"))
    var engine = DialogueEngine(script: script, analyzer: rulesOnly)
    _ = try engine.start()
    let events = try engine.reply(reply)
    return events.transitions.first.flatMap { $0.split(separator: ">").last.map(String.init) }
  }

  func testSignalsAllNeedsEverySignal() throws {
    XCTAssertEqual(try route("I'm so sorry. Take all the time you need."), "all_of")
    XCTAssertNotEqual(try route("Take all the time you need. I'll wait."), "all_of")
  }

  func testSignalsAnyWithNone() throws {
    XCTAssertEqual(try route("It was your fault."), "any_none")
    XCTAssertEqual(try route("You need to decide tonight."), "any_none")
    // Blame together with remorse is excluded by `none: [remorse]`.
    XCTAssertNotEqual(try route("I'm so sorry, it was your fault."), "any_none")
  }

  func testMatchesIsACaseInsensitiveRegex() throws {
    XCTAssertEqual(try route("Let's get PIZZA and talk."), "regex")
    XCTAssertNotEqual(try route("Let's get pizzas and talk."), "regex")
  }

  func testToneAboveAndBelow() throws {
    XCTAssertEqual(try route("I love you so much, you are wonderful."), "warm")
    XCTAssertEqual(try route("Whatever."), "cold")
    XCTAssertEqual(try route("Mostly I was at my brother's place, fixing cars in his garage."), "other")
  }

  func testAnswerAndEvasive() throws {
    XCTAssertEqual(try route("Yes, for a few months.", from: "yes_no"), "said_yes")
    XCTAssertEqual(try route("No, nobody.", from: "yes_no"), "said_no")
    XCTAssertEqual(try route("Maybe.", from: "yes_no"), "unclear")
    XCTAssertEqual(try route("Whatever.", from: "yes_no"), "evasive")
  }

  func testUnquotedYesAndFalseAreReadAsAnswers() throws {
    let script = try loadScript(Self.router)
    let transitions = try XCTUnwrap(script.state("yes_no")).transitions
    XCTAssertEqual(transitions[1].condition?.answer, .yes)
    XCTAssertEqual(transitions[2].condition?.answer, .no)
    XCTAssertEqual(transitions[3].condition?.answer, .unclear)
  }

  // MARK: - Guard.matches on hand-made analyses

  private func guardOf(_ when: String) throws -> Guard {
    let script = try loadScript(
      """
      format: rekindle-dialogue/1
      title: G
      start: q
      states:
        q:
          group: 1
          ask: "Q?"
          transitions:
            - when: \(when)
              goto: e
        e: { kind: end, say: "bye" }
      """)
    return try XCTUnwrap(script.state("q")?.transitions.first?.condition)
  }

  private func analysis(_ ids: [SignalID] = [], answer: YesNoAnswer = .unclear, evasive: Bool = false, tone: Double = 0)
    -> Analysis
  {
    Analysis(
      signals: ids.map { DetectedSignal(id: $0, evidence: [], reason: "test", score: 1) }, answer: answer,
      evasive: evasive, tone: tone)
  }

  func testToneBoundsAreStrict() throws {
    let g = try guardOf("{ tone: { above: -0.2, below: 0.2 } }")
    XCTAssertTrue(g.matches(reply: "", analysis: analysis(tone: 0), vars: [:]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis(tone: 0.2), vars: [:]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis(tone: -0.2), vars: [:]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis(tone: 0.5), vars: [:]))
  }

  func testVarsMustHoldExactly() throws {
    let g = try guardOf("{ vars: { mood: \"calm\", tried: true } }")
    XCTAssertTrue(g.matches(reply: "", analysis: analysis(), vars: ["mood": "calm", "tried": "true"]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis(), vars: ["mood": "calm"]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis(), vars: ["mood": "tense", "tried": "true"]))
  }

  func testEveryPartIsAnded() throws {
    let g = try guardOf("{ signals: { any: [doubt] }, answer: no, evasive: false, matches: 'not sure' }")
    let hit = analysis([.doubt], answer: .no)
    XCTAssertTrue(g.matches(reply: "No, I'm not sure.", analysis: hit, vars: [:]))
    XCTAssertFalse(g.matches(reply: "No.", analysis: hit, vars: [:]))
    XCTAssertFalse(g.matches(reply: "No, I'm not sure.", analysis: analysis([.doubt], answer: .yes), vars: [:]))
    XCTAssertFalse(
      g.matches(reply: "No, I'm not sure.", analysis: analysis([.doubt], answer: .no, evasive: true), vars: [:]))
    XCTAssertFalse(g.matches(reply: "No, I'm not sure.", analysis: analysis([], answer: .no), vars: [:]))
  }

  func testSignalListsOnAnalyses() throws {
    let g = try guardOf("{ signals: { any: [blame, pressure], all: [doubt], none: [safety] } }")
    XCTAssertTrue(g.matches(reply: "", analysis: analysis([.pressure, .doubt]), vars: [:]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis([.pressure]), vars: [:]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis([.doubt]), vars: [:]))
    XCTAssertFalse(g.matches(reply: "", analysis: analysis([.blame, .doubt, .safety]), vars: [:]))
  }
}
