/// What became of a question that was asked.
public enum QuestionOutcome: String, Sendable, Codable, Equatable, CaseIterable {
  /// A reply moved the conversation on.
  case answered
  /// The follow-ups ran out without a real answer.
  case evaded
  /// The user skipped the question.
  case skipped
  /// The conversation ended while the question was open.
  case unanswered
}
