import Signals

extension DialogueEngine {
  /// Takes the reply to the current question (or follow-up) and moves the conversation on.
  ///
  /// Emits `.flags` when the reply carries signals and the script's reaction to each one; the safety
  /// rule is checked first, then the transitions in order.
  /// - Throws: ``DialogueError/notStarted`` or ``DialogueError/ended`` in the wrong phase.
  public mutating func reply(_ text: String) throws(DialogueError) -> [DialogueEvent] {
    try reply(text, analysis: analyze(text))
  }

  /// Reads `text` as a reply to what is asked now, without moving the conversation: a front end
  /// can ask the user about an uncertain safety reading before passing the analysis to
  /// ``reply(_:analysis:safetyCheck:)``.
  public func analyze(_ text: String) -> Analysis {
    analyzer.analyze(text, question: currentQuestion ?? "")
  }

  /// Takes the reply with an analysis made by ``analyze(_:)`` (possibly resolved by the user's
  /// answer about safety, kept in the turn as `safetyCheck`).
  public mutating func reply(_ text: String, analysis: Analysis, safetyCheck: Turn.SafetyCheck? = nil)
    throws(DialogueError) -> [DialogueEvent]
  {
    let current = try awaitedState()
    let asked = state.pendingFollowUp ?? current.ask ?? ""
    undo.append(UndoPoint(state))
    var turn = Turn(
      stateID: current.id, question: asked, reply: text, analysis: analysis,
      isFollowUp: state.pendingFollowUp != nil, transition: nil)
    turn.safetyCheck = safetyCheck
    var events: [DialogueEvent] = analysis.signals.isEmpty ? [] : [.flags(reply: text, analysis: analysis)]

    if let safety = script.safety, safety.condition.matches(reply: text, analysis: analysis, vars: state.vars) {
      // No coaching reactions here: next to a safety concern they could read as minimising it.
      turn.transition = -1
      record(turn)
      events.append(.transition(from: current.id, index: -1, to: safety.goto))
      return events + enter(safety.goto, analysis: analysis)
    }
    for signal in analysis.signals {
      if let reaction = script.reactions[signal.id] { events.append(.reaction(signal.id, reaction)) }
    }
    guard
      let index = current.transitions.firstIndex(where: {
        $0.condition?.matches(reply: text, analysis: analysis, vars: state.vars) ?? true
      })
    else {
      // No transition fits and the script has no fallback: ask the same question again.
      record(turn)
      return events + ((try? reask()) ?? [])
    }
    return events + take(current.transitions[index], index: index, from: current, turn: turn, analysis: analysis)
  }

  /// Follows a matched transition: a follow-up while retries last, then evaded, or a plain move.
  private mutating func take(
    _ transition: Transition, index: Int, from current: DialogueState, turn: Turn, analysis: Analysis
  ) -> [DialogueEvent] {
    var turn = turn
    var events: [DialogueEvent] = []
    if let followUp = transition.followUp {
      let asked = state.followUps[index, default: 0]
      if transition.allowsFollowUp(after: asked) {
        state.followUps[index] = asked + 1
        state.pendingFollowUp = followUp
        record(turn)
        events.append(.transition(from: current.id, index: index, to: current.id))
        if let coach = transition.coach { events.append(.coach(coach)) }
        events.append(.followUp(followUp))
        return events
      }
      turn.transition = index
      record(turn)
      closeVisit(.evaded)
      events.append(.evaded(current.id))
      events.append(.transition(from: current.id, index: index, to: transition.goto))
      return events + enter(transition.goto, analysis: analysis)
    }
    turn.transition = index
    record(turn)
    closeVisit(.answered)
    state.vars.merge(transition.set) { _, new in new }
    events.append(.transition(from: current.id, index: index, to: transition.goto))
    if let coach = transition.coach { events.append(.coach(coach)) }
    return events + enter(transition.goto, analysis: analysis)
  }

  // MARK: - Moving between states

  /// Enters a state: asks its question, or ends the conversation for a final state.
  mutating func enter(_ id: String, analysis: Analysis?) -> [DialogueEvent] {
    state.pendingFollowUp = nil
    state.followUps = [:]
    guard let next = script.state(id) else { return end(.stopped, first: []) }
    switch next.kind {
    case .question:
      state.phase = .awaitingReply(id)
      state.visits.append(QuestionVisit(stateID: id, firstTurn: turns.count))
      return questionEvents(next)
    case .end:
      return end(.end, first: [.closing(next.say ?? "")])
    case .safety:
      return end(.safety, first: [.safetyExit(next.say ?? "", analysis)])
    }
  }

  /// Ends the conversation: `first`, the summary, then `.ended(reason)`.
  mutating func end(_ reason: EndReason, first: [DialogueEvent]) -> [DialogueEvent] {
    state.phase = .ended(reason)
    state.pendingFollowUp = nil
    return first + [.summary(summary), .ended(reason)]
  }

  mutating func record(_ turn: Turn) {
    turns.append(turn)
    state.turnCount = turns.count
  }

  /// Sets the outcome of the open question visit.
  mutating func closeVisit(_ outcome: QuestionOutcome) {
    guard !state.visits.isEmpty else { return }
    state.visits[state.visits.count - 1].outcome = outcome
  }
}
