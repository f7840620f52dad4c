/// What `back()` needs to return to a moment of the conversation, in constant size: the state
/// without its list of visits, plus how many visits there were and the last one as it stood.
/// (Between two moments visits are only appended, or the last one closed, so that is enough;
/// keeping whole states would make memory grow with the square of the turns.)
struct UndoPoint: Sendable, Codable, Equatable {
  var phase: DialogueEngine.Phase
  var vars: [String: String]
  var followUps: [Int: Int]
  var pendingFollowUp: String?
  var visitCount: Int
  var lastVisit: QuestionVisit?
  var turnCount: Int

  /// The moment `state` stands at.
  init(_ state: ConversationState) {
    phase = state.phase
    vars = state.vars
    followUps = state.followUps
    pendingFollowUp = state.pendingFollowUp
    visitCount = state.visits.count
    lastVisit = state.visits.last
    turnCount = state.turnCount
  }

  /// `current` taken back to this moment (`current` must be a later state of the same conversation).
  func restoring(_ current: ConversationState) -> ConversationState {
    var state = current
    state.phase = phase
    state.vars = vars
    state.followUps = followUps
    state.pendingFollowUp = pendingFollowUp
    state.turnCount = turnCount
    if state.visits.count > visitCount { state.visits.removeLast(state.visits.count - visitCount) }
    if let lastVisit, visitCount > 0, state.visits.count == visitCount { state.visits[visitCount - 1] = lastVisit }
    return state
  }
}
