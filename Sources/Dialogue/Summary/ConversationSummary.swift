/// What the conversation showed, question by question: the record the user can read and keep.
public struct ConversationSummary: Sendable, Codable, Equatable {
  /// The script's title.
  public var title: String
  /// The question states visited, in order (a state visited twice appears twice).
  public var questions: [QuestionSummary]
  /// How many hopeful signs were seen across all replies.
  public var hopefulCount: Int
  /// How many caution signs were seen across all replies.
  public var cautionCount: Int
  /// The questions worth coming back to: evaded, skipped, or answered with caution signs.
  public var worthRevisiting: [QuestionSummary]
  /// How the conversation ended; nil while it is still going.
  public var endReason: EndReason?

  /// Whether the conversation ended because a reply raised a safety concern.
  public var endedBySafetyExit: Bool { endReason == .safety }

  /// A summary with every field given.
  public init(
    title: String, questions: [QuestionSummary], hopefulCount: Int, cautionCount: Int,
    worthRevisiting: [QuestionSummary], endReason: EndReason?
  ) {
    self.title = title
    self.questions = questions
    self.hopefulCount = hopefulCount
    self.cautionCount = cautionCount
    self.worthRevisiting = worthRevisiting
    self.endReason = endReason
  }
}
