import JSONText
import Signals

/// Writes JSON text straight into an ``OutputBuffer`` (the analyze hot path: no Foundation, no Codable).
enum JSONWriter {
  /// A number with at most two decimals ("-0.4", "0", "0.85").
  static func number(_ value: Double, to out: inout OutputBuffer) {
    let hundredths = Int((value * 100).rounded())
    if hundredths < 0 { out.append(UInt8(ascii: "-")) }
    let magnitude = abs(hundredths)
    out.append(decimal: magnitude / 100)
    let fraction = magnitude % 100
    if fraction != 0 {
      out.append(UInt8(ascii: "."))
      out.append(UInt8(ascii: "0") + UInt8(fraction / 10))
      if fraction % 10 != 0 { out.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }
  }

  /// Appends the analysis fields, starting with a comma: `,"signals":[...],"answer":...`.
  static func analysisFields(_ analysis: Analysis, scores: Bool = false, to out: inout OutputBuffer) {
    out.append(",\"signals\":[")
    for (i, signal) in analysis.signals.enumerated() {
      if i > 0 { out.append(UInt8(ascii: ",")) }
      out.append("{\"id\":\"")
      out.append(signal.id.rawValue)
      out.append("\",\"kind\":\"")
      out.append(signal.id.kind.rawValue)
      out.append("\",\"evidence\":[")
      for (j, evidence) in signal.evidence.enumerated() {
        if j > 0 { out.append(UInt8(ascii: ",")) }
        out.append("{\"text\":")
        JSONEscape.append(evidence.text, to: &out)
        out.append(",\"start\":")
        out.append(decimal: evidence.start)
        out.append(",\"end\":")
        out.append(decimal: evidence.end)
        out.append(UInt8(ascii: "}"))
      }
      out.append("],\"reason\":")
      JSONEscape.append(signal.reason, to: &out)
      out.append(",\"score\":")
      number(signal.score, to: &out)
      if let confidence = signal.confidence {
        out.append(",\"confidence\":")
        number(confidence, to: &out)
      }
      if signal.uncertain { out.append(",\"uncertain\":true") }
      out.append(UInt8(ascii: "}"))
    }
    out.append("],\"answer\":\"")
    out.append(analysis.answer.rawValue)
    out.append("\",\"evasive\":")
    out.append(analysis.evasive ? "true" : "false")
    out.append(",\"tone\":")
    number(analysis.tone, to: &out)
    if scores {
      out.append(",\"scores\":{")
      for (i, p) in analysis.confidences.enumerated() where i < SignalID.ordered.count {
        if i > 0 { out.append(UInt8(ascii: ",")) }
        out.append("\"" + SignalID.ordered[i].rawValue + "\":")
        number(p, to: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }
}
