import Signals

/// Writes JSON text straight into an ``OutputBuffer`` (the analyze hot path: no Foundation, no Codable).
enum JSONWriter {
  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` (valid UTF-8) as a JSON string literal.
  static func string(_ text: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
    out.append(UInt8(ascii: "\""))
    var runStart = 0
    for i in 0..<text.count {
      let b = text[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0x7F { continue }
      if runStart < i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
      runStart = i + 1
      switch b {
      case UInt8(ascii: "\""): out.append("\\\"")
      case UInt8(ascii: "\\"): out.append("\\\\")
      case UInt8(ascii: "\n"): out.append("\\n")
      case UInt8(ascii: "\r"): out.append("\\r")
      case UInt8(ascii: "\t"): out.append("\\t")
      default:
        out.append("\\u00")
        out.append(hex[Int(b >> 4)])
        out.append(hex[Int(b & 0xF)])
      }
    }
    if runStart < text.count { out.append(UnsafeBufferPointer(rebasing: text[runStart..<text.count])) }
    out.append(UInt8(ascii: "\""))
  }

  static func string(_ text: String, to out: inout OutputBuffer) {
    var copy = text
    copy.withUTF8 { string($0, to: &out) }
  }

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
  static func analysisFields(_ analysis: Analysis, to out: inout OutputBuffer) {
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
        string(evidence.text, to: &out)
        out.append(",\"start\":")
        out.append(decimal: evidence.start)
        out.append(",\"end\":")
        out.append(decimal: evidence.end)
        out.append(UInt8(ascii: "}"))
      }
      out.append("],\"reason\":")
      string(signal.reason, to: &out)
      out.append(",\"score\":")
      number(signal.score, to: &out)
      out.append(UInt8(ascii: "}"))
    }
    out.append("],\"answer\":\"")
    out.append(analysis.answer.rawValue)
    out.append("\",\"evasive\":")
    out.append(analysis.evasive ? "true" : "false")
    out.append(",\"tone\":")
    number(analysis.tone, to: &out)
  }
}
