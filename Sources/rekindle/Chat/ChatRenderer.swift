import Dialogue
import Signals

/// Turns dialogue events into the text the chat shows: coaching, questions, the signs seen in a
/// reply with their evidence highlighted, the safety exit and the summary.
struct ChatRenderer {
  let style: TerminalStyle
  /// Whether the person types at a terminal (otherwise replies are echoed for a clean transcript).
  let interactive: Bool
  let width: Int
  /// Helplines she set for where she lives (`--helpline`, the helplines file), shown with the
  /// safety advice.
  var helplines: [String] = []

  /// The text for a batch of events.
  func render(_ events: [DialogueEvent]) -> String {
    var out = ""
    var closingShown = false
    for event in events {
      switch event {
      case .coach(let text):
        out += "\n" + wrap(text, indent: "  ").map { style.dim($0) }.joined(separator: "\n") + "\n"
      case .question(_, let text, let progress):
        let heading = progress.label
        out += "\n" + style.bold(heading) + "\n"
        out += wrapStyled(style.question("Ask:") + " " + style.bold(VisibleText.sanitize(text)), indent: "", continuation: "     ")
          .joined(separator: "\n") + "\n"
      case .followUp(let text):
        out += "\n" + wrapStyled(
          style.question("Follow up:") + " " + style.bold(VisibleText.sanitize(text)), indent: "", continuation: "           "
        ).joined(separator: "\n") + "\n"
      case .flags(let reply, let analysis):
        out += flags(analysis, reply: reply)
      case .reaction(let id, let text):
        let mark = style.mark(id.kind)
        out += wrap(text, indent: "    ").enumerated().map { $0.offset == 0 ? "  \(mark) " + $0.element.dropFirst(4) : $0.element }
          .joined(separator: "\n") + "\n"
      case .transition:
        break
      case .evaded:
        out += style.dim("  (Noted as not really answered. Moving on.)") + "\n"
      case .skipped:
        out += style.dim("  (Skipped.)") + "\n"
      case .closing(let text):
        out += "\n" + wrap(text, indent: "").joined(separator: "\n") + "\n"
        closingShown = true
      case .safetyExit(let text, _):
        out += "\n" + style.danger("Safety first.") + "\n"
        out += wrap(text, indent: "").joined(separator: "\n") + "\n"
        if !helplines.isEmpty {
          out += "\n" + style.bold("Helplines you set:") + "\n"
          for line in helplines { out += wrap(line, indent: "  ").joined(separator: "\n") + "\n" }
        }
      case .summary(let summary):
        out += interactive ? SummaryRenderer(style: style, width: width).render(summary, closingShown: closingShown) : "\n" + summaryText(summary)
      case .ended:
        break
      }
    }
    return out
  }

  /// The signs found in a reply: one line per sign, with its evidence.
  func flags(_ analysis: Analysis, reply: String?) -> String {
    guard !analysis.signals.isEmpty else { return "" }
    var out = ""
    if let reply {
      out += wrapStyled(AnalysisRenderer(style: style).highlighted(reply, analysis), indent: "  ").joined(separator: "\n") + "\n"
    }
    for signal in analysis.signals {
      let kind: String
      switch signal.id.kind {
      case .hopeful: kind = style.hopeful("hopeful")
      case .caution: kind = style.caution("caution")
      case .safety: kind = style.danger("safety ")
      }
      let words = signal.evidence.map { "“" + VisibleText.sanitize($0.text) + "”" }.joined(separator: ", ")
      let label = signal.uncertain ? "possible " + signal.id.label : signal.id.label
      out += wrapStyled("\(kind)  \(style.bold(label)): \(words)", indent: "  ", continuation: "           ")
        .joined(separator: "\n") + "\n"
    }
    return out
  }

  /// The evidence and reasons behind the last reply's signs (/why).
  func why(_ analysis: Analysis?, reply: String?) -> String {
    guard let analysis, let reply else { return "  No reply yet.\n" }
    var out = "  " + AnalysisRenderer(style: style).highlighted(reply, analysis) + "\n"
    if analysis.signals.isEmpty { out += "  No signs flagged in this reply.\n" }
    for signal in analysis.signals {
      out += "  \(style.signal(signal.id.rawValue, kind: signal.id.kind)) (score \(AnalysisRenderer.format(signal.score))): \(signal.reason)\n"
      for e in signal.evidence {
        out += "    “\(VisibleText.sanitize(e.text))” at \(e.start)–\(e.end)\n"
      }
    }
    var facts = ["tone \(AnalysisRenderer.format(analysis.tone))"]
    if analysis.answer != .unclear { facts.append("answer \(analysis.answer.rawValue)") }
    if analysis.evasive { facts.append("evasive: \(analysis.evasiveReason ?? "yes")") }
    out += "  " + style.dim(facts.joined(separator: " · ")) + "\n"
    return out
  }

  /// The summary as shown: rendered for the screen at a terminal, its Markdown in a piped transcript.
  func summaryText(_ summary: ConversationSummary) -> String {
    interactive
      ? SummaryRenderer(style: style, width: width).render(summary)
      : VisibleText.sanitize(summary.markdown(), keepingNewlines: true)
  }

  /// Splits text that is already styled and made visible into lines of at most `width` columns
  /// (escape sequences count as no width), the first starting with `indent`, the others with
  /// `continuation` (the same indent unless given).
  func wrapStyled(_ text: String, indent: String, continuation: String? = nil) -> [String] {
    var lines: [String] = []
    var line = indent
    var lineWidth = indent.count
    var start = indent.count
    // Runs of spaces are kept (empty words), so aligned columns stay aligned.
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let wordWidth = Self.visibleWidth(word)
      if lineWidth > start && lineWidth + 1 + wordWidth > width {
        lines.append(line)
        line = continuation ?? indent
        lineWidth = line.count
        start = line.count
      }
      if lineWidth > start {
        line += " "
        lineWidth += 1
      }
      line += word
      lineWidth += wordWidth
    }
    lines.append(line)
    return lines
  }

  /// The columns `text` takes on screen: its characters, less CSI escape sequences.
  static func visibleWidth(_ text: Substring) -> Int {
    var width = 0
    var inEscape = false
    var afterESC = false
    for scalar in text.unicodeScalars {
      if afterESC {
        afterESC = false
        inEscape = scalar == "["
        continue
      }
      if inEscape {
        if (0x40...0x7E).contains(scalar.value) { inEscape = false }
        continue
      }
      if scalar == "\u{1B}" {
        afterESC = true
        continue
      }
      if scalar.properties.generalCategory != .nonspacingMark { width += 1 }
    }
    return width
  }

  /// Splits text into lines of at most `width` columns, each starting with `indent`.
  func wrap(_ text: String, indent: String) -> [String] {
    var lines: [String] = []
    for paragraph in VisibleText.sanitize(text, keepingNewlines: true).split(separator: "\n", omittingEmptySubsequences: false) {
      lines += wrapStyled(String(paragraph), indent: indent)
    }
    while let last = lines.last, last.trimmingSpaces().isEmpty, lines.count > 1 { lines.removeLast() }
    return lines
  }

}
