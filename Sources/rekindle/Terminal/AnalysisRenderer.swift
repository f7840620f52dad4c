import Signals

/// Renders an analysis for people: the reply with its evidence highlighted, and the signs found.
struct AnalysisRenderer {
  let style: TerminalStyle

  /// The reply with every evidence span highlighted by its signal's kind.
  func highlighted(_ reply: String, _ analysis: Analysis) -> String {
    var spans: [(Int, Int, SignalID.Kind)] = []
    for signal in analysis.signals {
      for e in signal.evidence { spans.append((e.start, e.end, signal.id.kind)) }
    }
    spans.sort { $0.0 < $1.0 }
    let scalars = Array(reply.unicodeScalars)
    var out = ""
    var position = 0
    func text(_ from: Int, _ to: Int) -> String {
      var s = String.UnicodeScalarView()
      s.append(contentsOf: scalars[max(0, from)..<min(scalars.count, to)])
      return VisibleText.sanitize(String(s))
    }
    for (start, end, kind) in spans where start >= position && end <= scalars.count {
      out += text(position, start)
      out += style.evidence(text(start, end), kind: kind)
      position = end
    }
    out += text(position, scalars.count)
    return out
  }

  /// One line: the highlighted reply, then the signals, answer, evasiveness and tone.
  func line(_ reply: String, _ analysis: Analysis, showAnswer: Bool) -> String {
    var parts: [String] = []
    if analysis.signals.isEmpty {
      parts.append(style.dim("no signs"))
    } else {
      parts.append(
        analysis.signals.map { style.signal($0.id.rawValue + ($0.uncertain ? "?" : ""), kind: $0.id.kind) }
          .joined(separator: ", "))
    }
    if showAnswer && analysis.answer != .unclear { parts.append("answer \(analysis.answer.rawValue)") }
    if analysis.evasive { parts.append(style.caution("evasive")) }
    parts.append("tone \(Self.format(analysis.tone))")
    return highlighted(reply, analysis) + "  " + style.dim("|") + " " + parts.joined(separator: style.dim(" · "))
  }

  /// A signed number with two decimals.
  static func format(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let sign = hundredths < 0 ? "-" : (hundredths > 0 ? "+" : "")
    let m = abs(hundredths)
    return "\(sign)\(m / 100).\(m % 100 < 10 ? "0" : "")\(m % 100)"
  }
}
