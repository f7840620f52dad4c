import Signals

/// Builds a ``ConversationSummary`` from the engine's visits and turns.
struct SummaryBuilder {
  let script: DialogueScript
  let visits: [QuestionVisit]
  let turns: [Turn]
  let phase: DialogueEngine.Phase
  var notes: [String: [String]] = [:]

  func build() -> ConversationSummary {
    var questions: [QuestionSummary] = []
    for (position, visit) in visits.enumerated() {
      let end = position + 1 < visits.count ? visits[position + 1].firstTurn : turns.count
      let start = min(visit.firstTurn, turns.count)
      let replies = Array(turns[start..<max(start, min(end, turns.count))])
      let state = script.state(visit.stateID)
      var summary = QuestionSummary(
        stateID: visit.stateID, group: state?.group ?? 0, question: state?.ask ?? visit.stateID,
        outcome: visit.outcome, replies: replies.map(\.reply), signals: observed(in: replies))
      summary.dismissedConcerns = replies.filter { $0.safetyCheck == .dismissed }.map(\.reply)
      summary.overruled = replies.flatMap(\.overruled)
      // Her notes go with the last visit of their question.
      if !visits[(position + 1)...].contains(where: { $0.stateID == visit.stateID }) {
        summary.notes = notes[visit.stateID] ?? []
      }
      summary.progress = QuestionProgress.of(visit: position, in: visits, script: script)
      if case .awaitingReply = phase, position == visits.count - 1 { summary.isOpen = true }
      questions.append(summary)
    }
    var reason: EndReason?
    if case .ended(let ended) = phase { reason = ended }
    return ConversationSummary(
      title: script.title, questions: questions,
      hopefulCount: questions.reduce(0) { $0 + $1.hopefulSigns.reduce(0) { $0 + $1.count } },
      cautionCount: questions.reduce(0) { $0 + $1.cautionSigns.reduce(0) { $0 + $1.count } },
      worthRevisiting: questions.filter(\.isWorthRevisiting), endReason: reason)
  }

  /// The signals of a run of turns, merged by id, in taxonomy order.
  private func observed(in turns: [Turn]) -> [ObservedSignal] {
    var byID: [SignalID: ObservedSignal] = [:]
    for turn in turns {
      for signal in turn.analysis.signals {
        var entry = byID[signal.id] ?? ObservedSignal(id: signal.id, count: 0, evidence: [])
        entry.count += 1
        for evidence in signal.evidence where !entry.evidence.contains(evidence.text) {
          entry.evidence.append(evidence.text)
        }
        byID[signal.id] = entry
      }
    }
    return byID.values.sorted { $0.id < $1.id }
  }
}
