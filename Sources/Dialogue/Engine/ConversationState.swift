/// Everything about a conversation except its turns: what `back()` restores and a snapshot saves.
struct ConversationState: Sendable, Codable, Equatable {
  /// Where the conversation stands.
  var phase: DialogueEngine.Phase = .notStarted
  /// The variables set by transitions.
  var vars: [String: String] = [:]
  /// Follow-ups asked in the current visit, by transition index.
  var followUps: [Int: Int] = [:]
  /// The follow-up question waiting for a reply, if any.
  var pendingFollowUp: String?
  /// The question states visited, in order.
  var visits: [QuestionVisit] = []
  /// How many turns had been recorded at this point.
  var turnCount = 0
}
