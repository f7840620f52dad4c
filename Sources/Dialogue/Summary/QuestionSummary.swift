import Signals

/// One question of the conversation: what was asked, what came back, and the signs in it.
public struct QuestionSummary: Sendable, Codable, Equatable {
  /// The state the question belongs to.
  public var stateID: String
  /// The question's group (1 to 7).
  public var group: Int
  /// The question as asked.
  public var question: String
  /// What became of it.
  public var outcome: QuestionOutcome
  /// The replies given to it and its follow-ups, in order.
  public var replies: [String]
  /// The signals seen in those replies, in taxonomy order.
  public var signals: [ObservedSignal]
  /// Replies that might have been about harm, which the user judged were not.
  public var dismissedConcerns: [String] = []
  /// Its place in the conversation, numbered as the chat numbers it ("Question 3 of 7, part 2").
  public var progress = QuestionProgress(number: 0, total: 0)
  /// Whether it is the question being asked now (the conversation goes on).
  public var isOpen = false
  /// Signs she overruled in its replies.
  public var overruled: [SignalID] = []
  /// Her notes on it.
  public var notes: [String] = []

  /// A question summary with every field given.
  public init(
    stateID: String, group: Int, question: String, outcome: QuestionOutcome, replies: [String],
    signals: [ObservedSignal]
  ) {
    self.stateID = stateID
    self.group = group
    self.question = question
    self.outcome = outcome
    self.replies = replies
    self.signals = signals
  }

  /// The caution signs among the signals.
  public var cautionSigns: [ObservedSignal] { signals.filter { $0.id.kind == .caution } }

  /// The hopeful signs among the signals.
  public var hopefulSigns: [ObservedSignal] { signals.filter { $0.id.kind == .hopeful } }

  /// Whether the question deserves another conversation: evaded, skipped, or caution signs seen.
  public var isWorthRevisiting: Bool {
    outcome == .evaded || outcome == .skipped || !cautionSigns.isEmpty
  }
}
