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
  /// What the user said when the reply was a possible safety concern she was asked about.
  public var safetyCheck: SafetyCheck?
  /// Signs she overruled (`/not SIGNAL`): taken out of the analysis, kept here as hers.
  public var overruled: [SignalID] = []

  /// The user's answer to "did that sound like real harm?" for an uncertain safety reading.
  public enum SafetyCheck: String, Sendable, Codable, Equatable {
    /// She said it did: the practice stopped.
    case confirmed
    /// She said it did not: the practice went on.
    case dismissed
  }

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
