import Signals

extension ConversationSummary {
  /// The summary as a Markdown document the user can read and keep (no dates, nothing stored).
  public func markdown() -> String {
    var out = "# \(MarkdownText.escape(title))\n\nA summary of your practice conversation.\n"
    if endedBySafetyExit { out += "\n" + Self.safetyNote + "\n" }
    if endReason == .stopped { out += "\nThe conversation was stopped before the last question.\n" }
    out += "\n## Question by question\n"
    if questions.isEmpty { out += "\nNo questions were asked.\n" }
    for question in questions { out += "\n" + section(question) }
    out += "\n## Tally\n\n"
    out += "- Hopeful signs: \(hopefulCount)\n- Caution signs: \(cautionCount)\n"
    out += "\nSigns are pointers to listen for, not a verdict; the words behind each one are listed above.\n"
    out += "\n## Worth coming back to\n\n"
    if worthRevisiting.isEmpty {
      out += "No question stood out as needing another conversation.\n"
    } else {
      for question in worthRevisiting {
        out += "- \(MarkdownText.escape(question.question)) (\(Self.revisitReason(question)))\n"
      }
    }
    out += "\n## A last word\n\n" + Self.closingWords + "\n"
    return out
  }

  private func section(_ question: QuestionSummary) -> String {
    var out = "### \(question.progress.label): \(MarkdownText.escape(question.question))\n\n"
    out += "*\(Self.outcomeText(question))*\n"
    if !question.replies.isEmpty {
      out += "\nTheir \(question.replies.count == 1 ? "reply" : "replies"):\n\n"
      out += question.replies.map(MarkdownText.blockquote).joined(separator: "\n\n") + "\n"
    }
    for reply in question.dismissedConcerns {
      out += "\nYou judged that \"\(MarkdownText.escape(reply))\" was not about real harm, and the practice went on."
      out += " If that changes, the safety advice still stands.\n"
    }
    if !question.overruled.isEmpty {
      out += "\nYou overruled: " + question.overruled.map(\.label).joined(separator: ", ") + ".\n"
    }
    for note in question.notes { out += "\nYour note: " + MarkdownText.escape(note) + "\n" }
    if question.signals.isEmpty {
      if !question.replies.isEmpty { out += "\nNo particular signs in what they said.\n" }
      return out
    }
    out += "\nSigns seen:\n\n"
    for signal in question.signals {
      let words = signal.evidence.map { "\"\(MarkdownText.escape($0))\"" }.joined(separator: ", ")
      out += "- " + Self.signText(signal.id)
      out += words.isEmpty ? "\n" : " (\(words))\n"
    }
    return out
  }

  /// What became of a question, in a sentence.
  public static func outcomeText(_ question: QuestionSummary) -> String {
    switch question.outcome {
    case .answered: return "Answered."
    case .evaded: return "Evaded: the answer stayed vague after the follow-ups."
    case .skipped: return "Skipped."
    case .unanswered:
      return question.isOpen ? "In progress: the question being asked now." : "Not answered: the conversation ended here."
    }
  }

  /// "Hopeful: remorse", "Caution: blame", or "Safety concern" (its label would only repeat it).
  public static func signText(_ id: SignalID) -> String {
    id.kind == .safety ? kindText(.safety) : "\(kindText(id.kind)): \(id.label)"
  }

  public static func kindText(_ kind: SignalID.Kind) -> String {
    switch kind {
    case .hopeful: return "Hopeful"
    case .caution: return "Caution"
    case .safety: return "Safety concern"
    }
  }

  public static func revisitReason(_ question: QuestionSummary) -> String {
    var reasons: [String] = []
    if question.outcome == .evaded { reasons.append("evaded") }
    if question.outcome == .skipped { reasons.append("skipped") }
    let cautions = question.cautionSigns.map(\.id.label)
    if !cautions.isEmpty { reasons.append("caution signs: " + cautions.joined(separator: ", ")) }
    return reasons.joined(separator: "; ")
  }

  public static let safetyNote = """
    **The practice stopped early because a reply spoke of a safety concern.** If you or anyone else \
    is in danger, call your local emergency number. A domestic-abuse helpline or crisis line can listen \
    in confidence and help you plan what to do next. You deserve to be safe.
    """

  public static let closingWords = """
    Whatever you noticed here, the decision is yours alone, and you can take all the time you need \
    to make it. Nothing in this practice decides for you. If the relationship felt unhealthy, or the \
    trust between you can't be rebuilt, that is a good reason to close the chapter. If what you heard \
    left you hopeful, that is a reason to keep talking, slowly, and to watch whether words turn into \
    actions over the coming months.
    """
}
