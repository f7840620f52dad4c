import Dialogue
import Signals

/// Runs every sample reply (`examples:`) through the analyzer, the safety rule and the state's guards, and
/// reports those that would take another transition than the one they illustrate.
///
/// Each example is read as the answer to its state's question, with the variables its own transition's
/// guard requires set (and no others), as the engine would on a first visit.
struct ExampleCheck {
  let script: DialogueScript
  let map: SourceMap
  let analyzer: Analyzer

  /// The findings, in script order.
  func run() -> [Diagnostic] {
    var found: [Diagnostic] = []
    var workspace = AnalysisWorkspace()
    for state in script.states where state.kind == .question {
      for (index, transition) in state.transitions.enumerated() {
        let vars = transition.condition?.vars ?? [:]
        for (number, example) in transition.examples.enumerated() {
          let analysis = analyzer.analyze(example, question: state.ask, workspace: &workspace)
          let outcome = route(example, analysis: analysis, in: state, vars: vars)
          guard outcome != .transition(index) else { continue }
          let spot = map.example(number, transition: index, of: state)
          found.append(
            Diagnostic(
              .exampleMismatch,
              "example \(Self.quoted(example)) \(describe(outcome, in: state)) instead of transition \(index + 1) "
                + "(\(GuardLabel.text(transition.condition))); the analyzer read \(Self.summary(analysis))",
              hint: "reword the example so it shows this transition, or adjust the guards", at: spot.location))
        }
      }
    }
    return found
  }

  /// Where a reply goes from a state.
  enum Outcome: Equatable {
    case safety
    case transition(Int)
    case none
  }

  /// The engine's choice: the safety rule first, then the first transition whose guard matches.
  func route(_ reply: String, analysis: Analysis, in state: DialogueState, vars: [String: String]) -> Outcome {
    if let safety = script.safety, safety.condition.matches(reply: reply, analysis: analysis, vars: vars) {
      return .safety
    }
    let index = state.transitions.firstIndex {
      $0.condition?.matches(reply: reply, analysis: analysis, vars: vars) ?? true
    }
    return index.map(Outcome.transition) ?? .none
  }

  private func describe(_ outcome: Outcome, in state: DialogueState) -> String {
    switch outcome {
    case .safety: return "triggers the safety rule"
    case .none: return "matches no transition (the question would be asked again)"
    case .transition(let index):
      let other = state.transitions[index]
      return "takes transition \(index + 1) (line \(other.line): \(GuardLabel.text(other.condition)))"
    }
  }

  /// "[blame], answer no, not evasive, tone -0.33".
  static func summary(_ analysis: Analysis) -> String {
    let signals =
      analysis.signals.isEmpty ? "no signals" : "[" + analysis.signalIDs.map(\.rawValue).joined(separator: ", ") + "]"
    let tone = (analysis.tone * 100).rounded() / 100
    return "\(signals), answer \(analysis.answer.rawValue), \(analysis.evasive ? "evasive" : "not evasive"), "
      + "tone \(GuardLabel.number(tone))"
  }

  /// The text in double quotes, shortened to 60 characters.
  static func quoted(_ text: String) -> String {
    let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
    return "\"\(short)\""
  }
}
