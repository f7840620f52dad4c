import Dialogue
import Signals

extension PracticeSummary {
  /// The summary as Markdown, to keep.
  public func markdown() -> String {
    var out = "# \(MarkdownText.escape(title)): practice with \(MarkdownText.escape(personaName))\n\n"
    if stoppedForSafety {
      out += "The practice stopped because something you typed spoke of danger. If you are not safe, reach out to local emergency services or a crisis line.\n\n"
    }
    out += "## The guide's questions\n\n"
    for group in groups {
      out += "- Group \(group.number): \(group.covered ? "covered" : "**not asked**")\n"
      for question in group.questions {
        out += "  - [\(question.asked ? "x" : " ")] \(MarkdownText.escape(question.ask))\n"
      }
    }
    out += "\n## How you asked\n\n"
    if tones.isEmpty {
      out += "No lines yet.\n"
    } else {
      out += "Line by line: `\(chart)` (+ helpful, - likely to close him down, ± both, · neither)\n\n"
      for (sign, count) in herSigns { out += "- \(sign.label): \(count)\n" }
      if offScriptLines > 0 { out += "- lines that asked none of the guide's questions: \(offScriptLines)\n" }
    }
    out += "\n## What he showed\n\n"
    if hisSigns.isEmpty { out += "No signs in his answers.\n" }
    for (signal, count) in hisSigns { out += "- \(signal.kind.rawValue): \(signal.label) (\(count))\n" }
    if !suggestions.isEmpty {
      out += "\n## For next time\n\n"
      for suggestion in suggestions { out += "- \(MarkdownText.escape(suggestion))\n" }
    }
    out += "\nThe decision is always yours.\n"
    return out
  }

  /// Her lines as one mark each: + helpful, - unhelpful, ± both, · neither.
  public var chart: String {
    String(tones.map { tone -> Character in
      switch tone {
      case .helpful: return "+"
      case .unhelpful: return "-"
      case .mixed: return "±"
      case .plain: return "·"
      }
    })
  }
}
