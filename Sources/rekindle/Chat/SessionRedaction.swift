import Dialogue
import Signals

/// `chat --redact`: what is kept (the record, a saved summary) holds placeholders instead of the
/// names, places, email addresses and phone numbers in the replies. The screen shows them as typed.
struct SessionRedaction {
  private let redactor = Redactor()

  /// A turn with its reply redacted and its evidence moved onto the redacted reply.
  func turn(_ turn: Turn) -> Turn {
    var copy = turn
    (copy.reply, copy.analysis) = redactor.redact(turn.reply, analysis: turn.analysis)
    return copy
  }

  /// A snapshot whose every turn is redacted (the rest of it holds only the script's own text).
  func snapshot(_ snapshot: DialogueSnapshot) -> DialogueSnapshot {
    var copy = snapshot
    copy.turns = snapshot.turns.map(turn)
    return copy
  }

  /// The summary of `engine`'s conversation built from the redacted turns.
  func summary(of engine: DialogueEngine) -> ConversationSummary {
    let redacted = snapshot(engine.snapshot)
    if let copy = try? DialogueEngine(script: engine.script, analyzer: engine.analyzer, restoring: redacted) {
      return copy.summary
    }
    // Not expected (the snapshot is the engine's own); never fall back to the unredacted replies.
    var summary = engine.summary
    for i in summary.questions.indices {
      summary.questions[i].replies = summary.questions[i].replies.map { redactor.redact($0).text }
      for k in summary.questions[i].signals.indices {
        summary.questions[i].signals[k].evidence = summary.questions[i].signals[k].evidence.map { redactor.redact($0).text }
      }
    }
    summary.worthRevisiting = summary.questions.filter(\.isWorthRevisiting)
    return summary
  }
}
