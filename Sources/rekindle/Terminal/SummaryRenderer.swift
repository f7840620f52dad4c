import Dialogue
import Signals

/// The conversation summary as shown at a terminal: headings, wrapped paragraphs, the signs with
/// their words, colour where allowed. (Files and piped transcripts get the Markdown.)
struct SummaryRenderer {
  let style: TerminalStyle
  let width: Int

  private var wrapper: ChatRenderer { ChatRenderer(style: style, interactive: true, width: width) }

  /// The summary; `closingShown` leaves out the last word when the script's own closing words
  /// were just printed.
  func render(_ summary: ConversationSummary, closingShown: Bool = false) -> String {
    var out = "\n" + wrapper.wrap("Summary: " + summary.title, indent: "").map { style.bold($0) }.joined(separator: "\n") + "\n"
    if summary.endedBySafetyExit { out += paragraph(plain(ConversationSummary.safetyNote), indent: "") }
    if summary.endReason == .stopped { out += paragraph("The conversation was stopped before the last question.", indent: "") }
    if summary.questions.isEmpty { out += paragraph("No questions were asked.", indent: "") }
    for question in summary.questions {
      out += "\n" + wrapper.wrapStyled(
        style.bold(question.progress.label + ":") + " " + VisibleText.sanitize(question.question), indent: "", continuation: "  "
      ).joined(separator: "\n") + "\n"
      out += wrapper.wrap(ConversationSummary.outcomeText(question), indent: "  ").map { style.dim($0) }.joined(separator: "\n") + "\n"
      for reply in question.replies {
        out += wrapper.wrap("“" + reply + "”", indent: "    ").joined(separator: "\n") + "\n"
      }
      for reply in question.dismissedConcerns {
        out += paragraph(
          "You judged that “\(reply)” was not about real harm, and the practice went on. If that changes, the safety advice still stands.",
          indent: "  ", gap: false)
      }
      if !question.overruled.isEmpty {
        out += paragraph("You overruled: " + question.overruled.map(\.label).joined(separator: ", ") + ".", indent: "  ", gap: false)
      }
      for note in question.notes { out += paragraph("Your note: " + note, indent: "  ", gap: false) }
      for signal in question.signals {
        let mark = style.mark(signal.id.kind)
        let words = signal.evidence.map { "“" + $0 + "”" }.joined(separator: ", ")
        let line = ConversationSummary.signText(signal.id) + (words.isEmpty ? "" : " (" + words + ")")
        let wrapped = wrapper.wrap(line, indent: "    ")
        out += "  \(mark) " + wrapped[0].dropFirst(4) + "\n"
        for rest in wrapped.dropFirst() { out += rest + "\n" }
      }
    }
    out += "\n" + style.bold("Tally") + "  \(summary.hopefulCount) hopeful, \(summary.cautionCount) caution\n"
    out += paragraph(
      "Signs are pointers to listen for, not a verdict; the words behind each one are listed above.", indent: "", gap: false)
    if !summary.worthRevisiting.isEmpty {
      out += "\n" + style.bold("Worth coming back to") + "\n"
      for question in summary.worthRevisiting {
        out += wrapper.wrap(
          "- \(question.question) (\(ConversationSummary.revisitReason(question)))", indent: "  "
        ).joined(separator: "\n") + "\n"
      }
    }
    if !closingShown { out += "\n" + style.bold("A last word") + "\n" + paragraph(ConversationSummary.closingWords, indent: "", gap: false) }
    return out
  }

  private func paragraph(_ text: String, indent: String, gap: Bool = true) -> String {
    (gap ? "\n" : "") + wrapper.wrap(text, indent: indent).joined(separator: "\n") + "\n"
  }

  /// Markdown emphasis markers taken out of a fixed text.
  private func plain(_ text: String) -> String { text.replacing("**", with: "") }
}
