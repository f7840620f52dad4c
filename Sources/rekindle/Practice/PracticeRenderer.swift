import Dialogue
import Practice
import Signals

/// Turns practice events into the text the practice shows: his lines with the signs in them, how
/// her line read, which question it asked, and the coaching.
struct PracticeRenderer {
  /// The chat's renderer, for wrapping, sign lines and the safety advice.
  let base: ChatRenderer
  /// The script, to name the question she asked.
  let script: DialogueScript

  var style: TerminalStyle { base.style }

  /// The text for a batch of events.
  func render(_ events: [PracticeEvent]) -> String {
    var out = ""
    for event in events {
      switch event {
      case .opening(let name, let about, let line, let analysis):
        out += "\n" + base.wrap("You are talking to \(name). \(about)", indent: "").map { style.dim($0) }.joined(separator: "\n") + "\n"
        out += his(name, line, analysis)
      case .read(let signs, let question, let isFollowUp):
        out += herReading(signs, question: question, isFollowUp: isFollowUp)
      case .coaching(let text):
        out += base.wrapStyled(style.question("coach:") + " " + style.dim(VisibleText.sanitize(text)), indent: "  ", continuation: "         ")
          .joined(separator: "\n") + "\n"
      case .answered(let name, let text, let analysis, _):
        out += his(name, text, analysis)
      case .wentBack(let line):
        out += style.dim("  (Took back \u{201C}\(VisibleText.sanitize(line))\u{201D} and his answer.)") + "\n"
      case .notice(let text):
        out += "  " + VisibleText.sanitize(text) + "\n"
      case .safetyStop(let text):
        out += base.render([.safetyExit(text, nil)])
      case .ended(let name, let closing):
        out += "\n" + style.bold(VisibleText.sanitize(name) + ":") + "\n" + base.wrap(closing, indent: "  ").joined(separator: "\n") + "\n"
      }
    }
    return out
  }

  /// His line, with the signs the reply analyzer found in it highlighted and listed.
  func his(_ name: String, _ text: String, _ analysis: Analysis) -> String {
    var out = "\n" + style.bold(VisibleText.sanitize(name) + ":") + "\n"
    if analysis.signals.isEmpty {
      out += base.wrap(text, indent: "  ").joined(separator: "\n") + "\n"
    } else {
      out += base.flags(analysis, reply: text)
    }
    return out
  }

  /// How her line read: its signs (helpful in green, the rest in yellow, with their words) and the
  /// question recognised.
  func herReading(_ signs: [HerSignFinding], question: String?, isFollowUp: Bool) -> String {
    var parts: [String] = []
    for finding in signs {
      let label = finding.sign.isHelpful ? style.hopeful(finding.sign.label) : style.caution(finding.sign.label)
      let words = finding.sign.isHelpful ? "" : finding.evidence.prefix(2).map { " \u{201C}" + VisibleText.sanitize($0.text) + "\u{201D}" }.joined()
      parts.append(label + words)
    }
    var asked: String
    if let question, let state = script.state(question) {
      asked = (isFollowUp ? "follow-up on: " : "asked: ") + (state.ask ?? question)
    } else {
      asked = "none of the guide's questions"
    }
    let line = (parts.isEmpty ? "" : parts.joined(separator: " · ") + "  ") + style.dim("(\(asked))")
    return base.wrapStyled(style.dim("you:") + " " + line, indent: "  ", continuation: "       ").joined(separator: "\n") + "\n"
  }

  /// The reading behind her last line and his last answer (/why).
  func why(_ turn: PracticeTurn?) -> String {
    guard let turn else { return "  Nothing said yet.\n" }
    var out = "  You: \u{201C}\(VisibleText.sanitize(turn.line))\u{201D}\n"
    if turn.signs.isEmpty { out += "  No signs in how you asked.\n" }
    for finding in turn.signs {
      let words = finding.evidence.map { "\u{201C}\(VisibleText.sanitize($0.text))\u{201D}" }.joined(separator: ", ")
      out += "  \(finding.sign.rawValue) (\(AnalysisRenderer.format(finding.confidence)))\(words.isEmpty ? "" : ": " + words)\n"
    }
    out += "  Question: \(turn.question ?? "none")\(turn.isFollowUp ? " (asked again)" : "")"
    out += turn.variant.map { "; he answered as asked \($0.rawValue == "open" ? "openly" : $0.rawValue == "again" ? "again" : $0.rawValue)" } ?? ""
    out += "\n  His answer:\n"
    out += base.why(turn.replyAnalysis, reply: turn.reply)
    return out
  }
}
