/// One visit to a question state: where its turns start and how it ended.
struct QuestionVisit: Sendable, Codable, Equatable {
  /// The state visited.
  var stateID: String
  /// The index in the engine's turns of the first reply given during this visit.
  var firstTurn: Int
  /// How the visit ended (`unanswered` while it is open).
  var outcome: QuestionOutcome = .unanswered
}
