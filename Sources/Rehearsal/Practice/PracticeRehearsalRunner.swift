import Dialogue
import Practice
import Signals

/// Replays practice transcripts through the practice engine and checks their expectations. Pure.
public struct PracticeRehearsalRunner: Sendable {
  public let script: DialogueScript
  public let persona: Persona
  public let analyzer: Analyzer

  public init(script: DialogueScript, persona: Persona, analyzer: Analyzer = Analyzer()) {
    self.script = script
    self.persona = persona
    self.analyzer = analyzer
  }

  /// Plays `transcript` from his opening line to its last turn, then ends the practice.
  public func run(_ transcript: PracticeTranscript) -> PracticeRehearsalResult {
    var engine = PracticeEngine(script: script, persona: persona, analyzer: analyzer)
    _ = engine.apply(.start)
    var observed: [PracticeRehearsalResult.Observed] = []
    for turn in transcript.turns {
      guard !engine.isOver else {
        observed.append(.init(turn: turn, played: false))
        continue
      }
      switch turn.action {
      case .say(let text):
        // As at a terminal: a possible danger is asked about, and the transcript gives her answer.
        let check = turn.confirmsHarm.map { $0 ? Turn.SafetyCheck.confirmed : .dismissed }
        _ = engine.apply(.line(text, safetyCheck: check))
        let last = engine.phase == .stoppedForSafety ? nil : engine.turns.last
        observed.append(.init(turn: turn, played: true, reading: last))
      case .back:
        _ = engine.apply(.back)
        observed.append(.init(turn: turn, played: true))
      }
    }
    let ending: PracticeTranscript.Ending = engine.phase == .stoppedForSafety ? .safety : .summary
    if !engine.isOver { _ = engine.apply(.end) }
    let used = Set(engine.turns.compactMap { t in t.variant.flatMap { v in t.question.map { PersonaVariantKey(question: $0, variant: v) } } })
    var result = PracticeRehearsalResult(
      transcript: transcript, turns: observed, ending: ending, summary: PracticeSummary(of: engine), usedVariants: used)
    result.mismatches = Self.check(result)
    return result
  }

  /// Compares every expectation with what happened.
  static func check(_ result: PracticeRehearsalResult) -> [Mismatch] {
    let file = result.transcript.file
    var mismatches: [Mismatch] = []
    for (index, observed) in result.turns.enumerated() {
      let expect = observed.turn.expect
      if expect.isEmpty { continue }
      func fail(_ field: String, _ expected: String, _ got: String) {
        mismatches.append(Mismatch(file: file, line: observed.turn.line, turn: index + 1, field: field, expected: expected, got: got))
      }
      guard observed.played, let reading = observed.reading else {
        fail("turn", "a line he answers", observed.played ? "the practice stopped" : "the practice had already ended")
        continue
      }
      if let question = expect.question, question != (reading.question ?? "none") {
        fail("question", question, reading.question ?? "none")
      }
      let got = Set(reading.signs.map(\.sign))
      if let tone = expect.tone, !tone.allSatisfy(got.contains) {
        fail("tone", list(tone.map(\.rawValue)), list(got.sorted().map(\.rawValue)))
      }
      let unwanted = expect.notTone.filter(got.contains)
      if !unwanted.isEmpty { fail("not_tone", "none of " + list(expect.notTone.map(\.rawValue)), list(got.sorted().map(\.rawValue))) }
      if let variant = expect.variant, variant != (reading.variant?.rawValue ?? "off_script") {
        fail("variant", variant, reading.variant?.rawValue ?? "off_script")
      }
      if let his = expect.hisSignals {
        let present = Set(reading.replyAnalysis.signalIDs)
        if !his.allSatisfy(present.contains) {
          fail("his_signals", list(his.map(\.rawValue)), list(present.sorted().map(\.rawValue)))
        }
      }
    }
    if let end = result.transcript.end, end != result.ending {
      mismatches.append(
        Mismatch(file: file, line: result.transcript.endLine ?? 1, turn: 0, field: "end", expected: end.rawValue, got: result.ending.rawValue))
    }
    return mismatches
  }

  static func list(_ names: [String]) -> String { "[" + names.joined(separator: ", ") + "]" }
}

/// A persona's reply variant for one question.
public struct PersonaVariantKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var question: String
  public var variant: Persona.Variant

  public init(question: String, variant: Persona.Variant) {
    self.question = question
    self.variant = variant
  }

  public var description: String { "\(question).\(variant.rawValue)" }

  public static func < (a: Self, b: Self) -> Bool { (a.question, a.variant) < (b.question, b.variant) }
}

/// What a practice transcript did when replayed.
public struct PracticeRehearsalResult: Sendable {
  /// One turn and what came of it.
  public struct Observed: Sendable {
    public var turn: PracticeTranscriptTurn
    public var played: Bool
    /// Her line's reading and his answer (nil for `/back` and a line that stopped the practice).
    public var reading: PracticeTurn?

    public init(turn: PracticeTranscriptTurn, played: Bool, reading: PracticeTurn? = nil) {
      self.turn = turn
      self.played = played
      self.reading = reading
    }
  }

  public var transcript: PracticeTranscript
  public var turns: [Observed]
  public var ending: PracticeTranscript.Ending
  public var summary: PracticeSummary
  /// The persona's variants his answers came from (kept after `/back` only when answered again).
  public var usedVariants: Set<PersonaVariantKey>
  public var mismatches: [Mismatch] = []

  public var checkedTurns: Int { turns.filter { !$0.turn.expect.isEmpty }.count }
  public var failedTurns: Int { Set(mismatches.filter { $0.turn > 0 }.map(\.turn)).count }
}

/// Which of a persona's reply variants a set of practice rehearsals reached.
public struct PersonaCoverage: Sendable {
  public var persona: String
  public var all: [PersonaVariantKey]
  public var covered: Set<PersonaVariantKey>

  public init(persona: Persona, script: DialogueScript, results: [PracticeRehearsalResult]) {
    self.persona = persona.id
    all = script.states.filter { $0.kind == .question }.flatMap { state in
      persona.variants(of: state.id).map { PersonaVariantKey(question: state.id, variant: $0) }
    }
    covered = results.reduce(into: Set<PersonaVariantKey>()) { $0.formUnion($1.usedVariants) }.intersection(all)
  }

  public var percent: Double { all.isEmpty ? 100 : 100 * Double(covered.count) / Double(all.count) }
  public var missing: [PersonaVariantKey] { all.filter { !covered.contains($0) } }
}
