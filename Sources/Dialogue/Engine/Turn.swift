import Signals

/// One reply in the conversation and what the engine made of it.
public struct Turn: Sendable, Codable, Equatable {
  /// The question state the reply was given in.
  public var stateID: String
  /// The text that was asked: the state's question, or the follow-up.
  public var question: String
  /// The reply as typed.
  public var reply: String
  /// The analyzer's reading of the reply.
  public var analysis: Analysis
  /// Whether `question` was a follow-up.
  public var isFollowUp: Bool
  /// The index of the transition taken (-1 for the safety rule); nil when the conversation stayed.
  public var transition: Int?

  /// A turn with every field given.
  public init(
    stateID: String, question: String, reply: String, analysis: Analysis, isFollowUp: Bool, transition: Int?
  ) {
    self.stateID = stateID
    self.question = question
    self.reply = reply
    self.analysis = analysis
    self.isFollowUp = isFollowUp
    self.transition = transition
  }
}
