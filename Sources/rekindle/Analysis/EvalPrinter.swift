import JSONText
import Signals

/// Formats an ``EvaluationReport`` as a table or as JSON.
struct EvalPrinter {
  let style: TerminalStyle

  static func fixed(_ x: Double) -> String {
    let v = Int((x * 1000).rounded())
    let frac = v % 1000
    return "\(v / 1000)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
  }

  private func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - s.count))
    return right ? fill + s : s + fill
  }

  func text(_ report: EvaluationReport, files: [String], misses: Bool) -> String {
    var out = "Evaluated \(report.cases.count) replies from \(files.joined(separator: ", "))\n\n"
    out += style.bold(pad("signal", 18) + pad("precision", 11, right: true) + pad("recall", 9, right: true)
      + pad("F1", 8, right: true) + pad("support", 9, right: true) + "   tp  fp  fn") + "\n"
    for s in report.orderedScores {
      let name = style.signal(pad(s.id.rawValue, 18), kind: s.id.kind)
      if !s.isScored {
        out += name + pad("n/a", 11, right: true) + "\n"
        continue
      }
      out += name + pad(Self.fixed(s.precision), 11, right: true) + pad(Self.fixed(s.recall), 9, right: true)
        + pad(Self.fixed(s.f1), 8, right: true) + pad(String(s.support), 9, right: true)
        + "   " + pad(String(s.truePositives), 3, right: true) + pad(String(s.falsePositives), 4, right: true)
        + pad(String(s.falseNegatives), 4, right: true) + "\n"
    }
    let safety = report.scores[.safety]?.recall ?? 1
    let safetyPrecision = report.scores[.safety]?.precision ?? 1
    let exact = report.cases.count - report.misses.count
    out += "\n" + style.bold("macro-F1 \(Self.fixed(report.macroF1))")
      + "   micro-F1 \(Self.fixed(report.microF1))   exact \(exact)/\(report.cases.count)"
      + "   safety recall \(Self.fixed(safety)), precision \(Self.fixed(safetyPrecision))\n"
    let stops = report.safetyStops
    if report.cases.contains(where: { $0.expected.contains(.safety) || $0.got.contains(.safety) }) {
      out += "safety flagged (stop or ask her) as above; stops outright: recall \(Self.fixed(stops.recall)),"
        + " precision \(Self.fixed(stops.precision))\n"
    }
    if misses && !report.misses.isEmpty {
      out += "\n" + style.bold("Misses (\(report.misses.count))") + "\n"
      for c in report.misses {
        let expected = c.expected.sorted().map(\.rawValue).joined(separator: ", ")
        let got = c.got.sorted().map(\.rawValue).joined(separator: ", ")
        let missing = c.expected.subtracting(c.got).sorted().map { "-" + $0.rawValue }
        let extra = c.got.subtracting(c.expected).sorted().map { "+" + $0.rawValue }
        out += "  \(VisibleText.sanitize(c.id))  expected [\(expected)]  got [\(got)]  \(style.caution((missing + extra).joined(separator: " ")))\n"
        out += "      \(style.dim(VisibleText.sanitize(c.reply)))\n"
      }
    }
    return out
  }

  func json(_ report: EvaluationReport, misses: Bool = true) -> String {
    var out = OutputBuffer(descriptor: -1)
    out.append("{\"replies\":\(report.cases.count),\"macro_f1\":")
    JSONWriter.number(report.macroF1, to: &out)
    out.append(",\"micro_f1\":")
    JSONWriter.number(report.microF1, to: &out)
    out.append(",\"safety_recall\":")
    JSONWriter.number(report.scores[.safety]?.recall ?? 1, to: &out)
    out.append(",\"safety_precision\":")
    JSONWriter.number(report.scores[.safety]?.precision ?? 1, to: &out)
    out.append(",\"safety_stop_recall\":")
    JSONWriter.number(report.safetyStops.recall, to: &out)
    out.append(",\"safety_stop_precision\":")
    JSONWriter.number(report.safetyStops.precision, to: &out)
    out.append(",\"signals\":{")
    for (i, s) in report.orderedScores.enumerated() {
      if i > 0 { out.append(",") }
      out.append("\"\(s.id.rawValue)\":{\"precision\":")
      JSONWriter.number(s.precision, to: &out)
      out.append(",\"recall\":")
      JSONWriter.number(s.recall, to: &out)
      out.append(",\"f1\":")
      JSONWriter.number(s.f1, to: &out)
      out.append(",\"support\":\(s.support),\"tp\":\(s.truePositives),\"fp\":\(s.falsePositives),\"fn\":\(s.falseNegatives)}")
    }
    out.append("},\"misses\":[")
    for (i, c) in (misses ? report.misses : []).enumerated() {
      if i > 0 { out.append(",") }
      out.append("{\"id\":")
      JSONEscape.append(c.id, to: &out)
      out.append(",\"reply\":")
      JSONEscape.append(c.reply, to: &out)
      out.append(",\"expected\":[\(c.expected.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ","))]")
      out.append(",\"got\":[\(c.got.sorted().map { "\"\($0.rawValue)\"" }.joined(separator: ","))]}")
    }
    out.append("]}\n")
    return String(decoding: out.bytes, as: UTF8.self)
  }
}
