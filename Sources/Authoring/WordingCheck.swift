import Dialogue
import Signals

/// Reads the script's own words (questions, follow-ups, coaching and reactions) with the analyzer, and warns
/// where the wording itself blames or pressures: the guidance asks for a patient, calm tone.
struct WordingCheck {
  /// The signals that mark wording to rephrase.
  static let flagged: [SignalID] = [.blame, .pressure]

  let script: DialogueScript
  let map: SourceMap
  let analyzer: Analyzer

  /// The findings, in script order.
  func run() -> [Diagnostic] {
    var found: [Diagnostic] = []
    var workspace = AnalysisWorkspace()
    func read(_ text: String?, _ what: String, _ spot: TextSpot) {
      guard let text else { return }
      let analysis = analyzer.analyze(text, question: nil, workspace: &workspace)
      for signal in analysis.signals where Self.flagged.contains(signal.id) {
        let evidence = signal.evidence.map { "\"\($0.text)\"" }.joined(separator: ", ")
        let location = signal.evidence.first.map { spot.location(atOffset: $0.start) } ?? spot.location
        found.append(
          Diagnostic(
            .wording, "\(what) reads as \(signal.id == .blame ? "blame" : "pressure"): \(evidence) (\(signal.reason))",
            hint: Self.hint(signal.id), at: location))
      }
    }
    for (id, text) in script.reactions.sorted(by: { $0.key < $1.key }) {
      read(text, "the reaction to `\(id.rawValue)`", map.reaction(id))
    }
    for state in script.states where state.kind == .question {
      read(state.coach, "the coaching of state `\(state.id)`", map.stateText("coach", of: state))
      read(state.ask, "the question of state `\(state.id)`", map.stateText("ask", of: state))
      for (index, transition) in state.transitions.enumerated() {
        let name = "transition \(index + 1) of state `\(state.id)`"
        read(
          transition.followUp, "the follow-up of \(name)", map.transitionText("follow_up", transition: index, of: state)
        )
        read(transition.coach, "the coaching of \(name)", map.transitionText("coach", transition: index, of: state))
      }
    }
    return found
  }

  private static func hint(_ signal: SignalID) -> String {
    signal == .blame
      ? "keep a patient, calm tone: describe what happened without putting the fault on anyone"
      : "keep a patient, calm tone: leave the pace and the choice open, without deadlines or demands"
  }
}
