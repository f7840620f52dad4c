import Dialogue
import Signals

/// `chat --redact`: what is kept (the record, a saved summary) holds placeholders instead of the
/// names, places, email addresses and phone numbers in the replies. The screen shows them as typed.
struct SessionRedaction {
  private let redactor = Redactor()

  /// A reply with placeholders.
  func text(_ reply: String) -> String { redactor.redact(reply).text }

  /// A turn with its reply redacted and its evidence moved onto the redacted reply.
  func turn(_ turn: Turn) -> Turn {
    var copy = turn
    (copy.reply, copy.analysis) = redactor.redact(turn.reply, analysis: turn.analysis)
    return copy
  }

  /// The summary of `engine`'s conversation built from the redacted turns.
  func summary(of engine: DialogueEngine) -> ConversationSummary {
    var summary = engine.summary(transformingTurns: turn)
    for i in summary.questions.indices { summary.questions[i].notes = summary.questions[i].notes.map(text) }
    return summary
  }
}
