import Dialogue
import Signals

/// Replays transcripts through the dialogue engine and checks their expectations. Pure.
public struct RehearsalRunner: Sendable {
  public let script: DialogueScript
  public let analyzer: Analyzer

  public init(script: DialogueScript, analyzer: Analyzer = Analyzer()) {
    self.script = script
    self.analyzer = analyzer
  }

  /// Plays `transcript` from the start of the script to its end or the last turn.
  public func run(_ transcript: Transcript) -> RehearsalResult {
    var engine = DialogueEngine(script: script, analyzer: analyzer)
    var transitions: Set<TransitionKey> = []
    var visited: Set<String> = []
    func note(_ events: [DialogueEvent]) {
      for event in events {
        switch event {
        case .transition(let from, let index, _):
          transitions.insert(index < 0 ? .safetyRule : TransitionKey(state: from, index: index))
        case .question(let state, _, _):
          visited.insert(state)
        default:
          break
        }
      }
    }
    let startEvents = (try? engine.start()) ?? []
    note(startEvents)
    var observed: [ObservedTurn] = []
    for turn in transcript.turns {
      guard case .awaitingReply(let state) = engine.phase else {
        observed.append(ObservedTurn(turn: turn, followUp: false, events: [], played: false))
        continue
      }
      let question = engine.currentQuestion
      var events: [DialogueEvent] = []
      var analysis: Analysis?
      switch turn.action {
      case .reply(let text):
        var reading = engine.analyze(text)
        var check: Turn.SafetyCheck?
        if reading.safetyIsUncertain, let confirms = turn.confirmsHarm {
          check = confirms ? .confirmed : .dismissed
          reading = reading.resolvingSafety(confirmed: confirms)
        }
        events = (try? engine.reply(text, analysis: reading, safetyCheck: check)) ?? []
        analysis = engine.turns.last?.analysis
      case .back:
        events = (try? engine.back()) ?? []
      case .skip:
        events = (try? engine.skip()) ?? []
      }
      note(events)
      let followUp = events.contains { if case .followUp = $0 { return true } else { return false } }
      observed.append(
        ObservedTurn(
          turn: turn, stateID: state, question: question, analysis: analysis, followUp: followUp, events: events,
          played: true))
    }
    var finalEvents: [DialogueEvent] = []
    var ending: EndExpectation
    switch engine.phase {
    case .ended(.end): ending = .summary
    case .ended(.safety): ending = .safety
    default:
      finalEvents = engine.finish()
      ending = .stopped
    }
    var result = RehearsalResult(
      transcript: transcript, startEvents: startEvents, turns: observed, finalEvents: finalEvents, ending: ending,
      summary: engine.summary, mismatches: [], transitions: transitions, visitedStates: visited)
    result.mismatches = Self.check(result)
    return result
  }

  /// Compares every expectation with what happened.
  static func check(_ result: RehearsalResult) -> [Mismatch] {
    let file = result.transcript.file
    var mismatches: [Mismatch] = []
    for (index, observed) in result.turns.enumerated() {
      let expect = observed.turn.expect
      if expect.isEmpty { continue }
      func fail(_ field: String, _ expected: String, _ got: String) {
        mismatches.append(
          Mismatch(file: file, line: observed.turn.line, turn: index + 1, field: field, expected: expected, got: got))
      }
      guard observed.played else {
        fail("turn", "a question to answer", "the conversation had already ended")
        continue
      }
      if let state = expect.state, state != observed.stateID {
        fail("state", state, observed.stateID ?? "none")
      }
      if let text = expect.question, !(observed.question ?? "").lowercased().contains(text.lowercased()) {
        fail("question", "“\(text)”", "“\(observed.question ?? "")”")
      }
      let got = Set(observed.analysis?.signalIDs ?? [])
      if let signals = expect.signals {
        let missing = signals.filter { !got.contains($0) }
        if !missing.isEmpty {
          fail("signals", list(signals), list(got.sorted()) + " (missing \(list(missing)))")
        }
      }
      let unwanted = expect.notSignals.filter { got.contains($0) }
      if !unwanted.isEmpty {
        fail("not_signals", "none of \(list(expect.notSignals))", list(got.sorted()))
      }
      if let evasive = expect.evasive, evasive != (observed.analysis?.evasive ?? false) {
        fail("evasive", String(evasive), String(observed.analysis?.evasive ?? false))
      }
      if let followUp = expect.followUp, followUp != observed.followUp {
        fail("follow_up", String(followUp), String(observed.followUp))
      }
    }
    if let end = result.transcript.end, end != result.ending {
      mismatches.append(
        Mismatch(
          file: file, line: result.transcript.endLine ?? 1, turn: 0, field: "end", expected: end.rawValue,
          got: result.ending.rawValue))
    }
    return mismatches
  }

  private static func list(_ ids: [SignalID]) -> String {
    "[" + ids.map(\.rawValue).joined(separator: ", ") + "]"
  }
}
