import Signals

/// Something for the front end to show, in order. The engine returns these from every call.
public enum DialogueEvent: Sendable, Equatable, Codable {
  /// Coaching for the user (before a question, or after a transition).
  case coach(String)
  /// A question to ask, with the id of its state and its place among the script's questions.
  case question(stateID: String, text: String, progress: QuestionProgress)
  /// A follow-up to ask; the conversation stays in the same state.
  case followUp(String)
  /// A reply that carried signals, and its analysis.
  case flags(reply: String, analysis: Analysis)
  /// The script's coaching for a signal flagged in the reply.
  case reaction(SignalID, String)
  /// A transition was taken (`index` -1 is the safety rule); `to == from` for a follow-up.
  case transition(from: String, index: Int, to: String)
  /// The question of this state was evaded: the follow-ups ran out.
  case evaded(String)
  /// The question of this state was skipped.
  case skipped(String)
  /// The closing words of a `kind: end` state.
  case closing(String)
  /// The conversation left the script for safety reasons; the analysis of the reply that did it.
  case safetyExit(String, Analysis?)
  /// The summary of the conversation.
  case summary(ConversationSummary)
  /// The conversation is over.
  case ended(EndReason)
}
