import Signals

/// The conversation engine: takes replies, returns events. A pure value type with the role of
/// ink's `Story` or Yarn Spinner's `Dialogue` (both classes there).
///
/// Call ``start()``, then ``reply(_:)`` with each answer; ``back()``, ``skip()`` and ``finish()``
/// steer it. Calls in the wrong phase throw ``DialogueError``. Nothing here prints or reads files.
public struct DialogueEngine: Sendable {
  /// The script being played.
  public let script: DialogueScript
  /// The analyzer that reads each reply.
  public let analyzer: Analyzer
  var state = ConversationState()
  /// Every reply so far, in order.
  public internal(set) var turns: [Turn] = []
  /// The states `back()` returns to, latest last.
  var undo: [UndoPoint] = []
  /// Her notes, by question state (kept whatever `back()` undoes: they are hers, not the conversation's).
  public internal(set) var notes: [String: [String]] = [:]

  /// An engine for `script`, analyzing replies with `analyzer`.
  public init(script: DialogueScript, analyzer: Analyzer = Analyzer()) {
    self.script = script
    self.analyzer = analyzer
  }

  // MARK: - State

  /// Where the conversation stands.
  public var phase: Phase { state.phase }

  /// The text to ask now: the pending follow-up, or the current state's question.
  public var currentQuestion: String? {
    guard case .awaitingReply(let id) = state.phase else { return nil }
    return state.pendingFollowUp ?? script.state(id)?.ask
  }

  /// The current question's group among the script's groups ("question 3 of 7"); 0 before the start.
  public var progress: QuestionProgress {
    QuestionProgress.of(visit: state.visits.count - 1, in: state.visits, script: script)
  }

  /// The analysis of the latest reply.
  public var lastAnalysis: Analysis? { turns.last?.analysis }

  /// The variables set so far by transitions.
  public var vars: [String: String] { state.vars }

  /// The summary of the conversation so far.
  public var summary: ConversationSummary {
    SummaryBuilder(script: script, visits: state.visits, turns: turns, phase: state.phase, notes: notes).build()
  }

  /// The summary of the conversation so far with every turn passed through `transform` first
  /// (for example, to redact names in a summary that is kept).
  public func summary(transformingTurns transform: (Turn) -> Turn) -> ConversationSummary {
    SummaryBuilder(script: script, visits: state.visits, turns: turns.map(transform), phase: state.phase, notes: notes)
      .build()
  }

  // MARK: - Calls

  /// Begins the conversation: the start state's coaching and question.
  public mutating func start() throws(DialogueError) -> [DialogueEvent] {
    switch state.phase {
    case .notStarted: return enter(script.start, analysis: nil)
    case .awaitingReply: throw .alreadyStarted
    case .ended: throw .ended
    }
  }

  /// Undoes the latest reply or skip and asks that question again.
  public mutating func back() throws(DialogueError) -> [DialogueEvent] {
    _ = try awaitedState()
    guard let point = undo.popLast() else { throw .nothingToUndo }
    let previous = point.restoring(state)
    state = previous
    turns.removeLast(max(0, turns.count - previous.turnCount))
    return try reask()
  }

  /// Records the current question as skipped and moves on by its unconditional transition.
  public mutating func skip() throws(DialogueError) -> [DialogueEvent] {
    let current = try awaitedState()
    guard let index = current.fallbackIndex else { throw .cannotSkip(current.id) }
    let target = current.transitions[index].goto
    undo.append(UndoPoint(state))
    closeVisit(.skipped)
    return [.skipped(current.id), .transition(from: current.id, index: index, to: target)]
      + enter(target, analysis: nil)
  }

  /// Takes a sign out of the last reply's reading because she says it is not there. The
  /// conversation does not change course (it already moved on that reply); the summary shows the
  /// sign as overruled by her. Emits nothing.
  /// - Throws: ``DialogueError/nothingToOverrule(_:)`` when the last reply does not show `id`.
  public mutating func overrule(_ id: SignalID) throws(DialogueError) -> [DialogueEvent] {
    _ = try awaitedState()
    guard let last = turns.indices.last, turns[last].analysis.has(id) else { throw .nothingToOverrule(id) }
    turns[last].analysis.signals.removeAll { $0.id == id }
    turns[last].overruled.append(id)
    return []
  }

  /// Adds her note to the question being asked. Emits nothing.
  public mutating func note(_ text: String) throws(DialogueError) -> [DialogueEvent] {
    let current = try awaitedState()
    notes[current.id, default: []].append(text)
    return []
  }

  /// The questions not yet asked, in the order of the guide's groups.
  public var questionsAhead: [DialogueState] {
    let asked = Set(state.visits.map(\.stateID))
    let current = progress.number
    return script.states.filter { $0.kind == .question && !asked.contains($0.id) && ($0.group ?? 0) >= current }
      .sorted { ($0.group ?? 0) < ($1.group ?? 0) }
  }

  /// Ends the conversation early: the summary, then `.ended(.stopped)`. Does nothing once ended.
  public mutating func finish() -> [DialogueEvent] {
    if case .ended = state.phase { return [] }
    return end(.stopped, first: [])
  }

  // MARK: - Helpers

  /// The state whose question waits for a reply, or the error for the current phase.
  func awaitedState() throws(DialogueError) -> DialogueState {
    switch state.phase {
    case .notStarted: throw .notStarted
    case .ended: throw .ended
    case .awaitingReply(let id):
      guard let current = script.state(id), current.kind == .question else { throw .ended }
      return current
    }
  }

  /// Asks the current question again: the pending follow-up, or the coaching and question.
  func reask() throws(DialogueError) -> [DialogueEvent] {
    let current = try awaitedState()
    if let followUp = state.pendingFollowUp { return [.followUp(followUp)] }
    return questionEvents(current)
  }

  func questionEvents(_ current: DialogueState) -> [DialogueEvent] {
    var events: [DialogueEvent] = []
    if let coach = current.coach { events.append(.coach(coach)) }
    events.append(.question(stateID: current.id, text: current.ask ?? "", progress: progress))
    return events
  }
}
