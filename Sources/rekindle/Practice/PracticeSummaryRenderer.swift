import Practice

/// The practice summary for the screen: groups covered and skipped, a row of coloured marks for how
/// she asked line by line, the counts, the signs he showed, and the suggestions.
struct PracticeSummaryRenderer {
  let base: ChatRenderer

  func render(_ summary: PracticeSummary) -> String {
    let style = base.style
    var out = "\n" + style.bold("Summary: practice with \(summary.personaName)") + "\n"
    if summary.stoppedForSafety {
      out += base.wrap("The practice stopped because something you typed spoke of danger.", indent: "  ").joined(separator: "\n") + "\n"
    }
    out += "\n" + style.bold("The guide's questions") + "\n"
    for group in summary.groups {
      let asked = group.questions.filter(\.asked).count
      let mark = group.covered ? style.hopeful("+") : style.caution("-")
      let first = group.questions.first { !$0.asked }?.ask ?? group.questions.first?.ask ?? ""
      let detail = group.covered ? "\(asked) of \(group.questions.count) asked" : "not asked, e.g. \u{201C}\(first)\u{201D}"
      out += base.wrapStyled("\(mark) Group \(group.number): \(VisibleText.sanitize(detail))", indent: "  ", continuation: "    ")
        .joined(separator: "\n") + "\n"
    }
    out += "\n" + style.bold("How you asked") + "\n"
    if summary.tones.isEmpty {
      out += "  No lines yet.\n"
    } else {
      let row = summary.tones.map { tone -> String in
        switch tone {
        case .helpful: return style.hopeful("+")
        case .unhelpful: return style.caution("-")
        case .mixed: return style.caution("±")
        case .plain: return style.dim("·")
        }
      }
      for chunk in stride(from: 0, to: row.count, by: 50) {
        out += "  " + row[chunk..<min(row.count, chunk + 50)].joined() + "\n"
      }
      out += style.dim("  (+ helpful  - likely to close him down  ± both  · neither; one mark per line)") + "\n"
      let counts = summary.herSigns.map { "\($0.sign.isHelpful ? style.hopeful($0.sign.label) : style.caution($0.sign.label)) \($0.count)" }
      if !counts.isEmpty { out += base.wrapStyled(counts.joined(separator: ", "), indent: "  ").joined(separator: "\n") + "\n" }
      if summary.offScriptLines > 0 { out += "  \(summary.offScriptLines) of your lines asked none of the guide's questions.\n" }
    }
    out += "\n" + style.bold("What he showed") + "\n"
    if summary.hisSigns.isEmpty { out += "  No signs in his answers.\n" }
    for (signal, count) in summary.hisSigns {
      out += "  \(style.mark(signal.kind)) \(signal.label) (\(count))\n"
    }
    if !summary.suggestions.isEmpty {
      out += "\n" + style.bold("For next time") + "\n"
      for suggestion in summary.suggestions {
        out += base.wrap("- " + suggestion, indent: "  ").enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
          .joined(separator: "\n") + "\n"
      }
    }
    out += "\n" + style.dim("The decision is always yours.") + "\n"
    return out
  }
}
