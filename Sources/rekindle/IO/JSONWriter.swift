import Signals

/// Writes JSON text straight into an ``OutputBuffer`` (the analyze hot path: no Foundation, no Codable).
enum JSONWriter {
  private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` (valid UTF-8) as a JSON string literal. Besides what JSON requires, DEL, the C1
  /// controls (U+0080-U+009F) and the bidirectional overrides VisibleText shows are escaped as
  /// `\uXXXX`, so JSON printed to a terminal cannot drive it either.
  static func string(_ text: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
    out.append(UInt8(ascii: "\""))
    var runStart = 0
    for i in 0..<text.count {
      let b = text[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0x7F && b != 0xC2 && b != 0xE2 { continue }
      if b == 0xC2 || b == 0xE2 {
        guard let scalar = invisibleScalar(text, at: i) else { continue }
        if runStart < i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
        runStart = i + (b == 0xC2 ? 2 : 3)
        out.append("\\u")
        for shift in [12, 8, 4, 0] { out.append(hex[Int((scalar >> UInt32(shift)) & 0xF)]) }
        continue
      }
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

  /// The C1 control or bidirectional override encoded at `i` (which holds 0xC2 or 0xE2), if any.
  private static func invisibleScalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
    if text[i] == 0xC2 {
      guard i + 1 < text.count, (0x80...0x9F).contains(text[i + 1]) else { return nil }
      return UInt32(text[i + 1])
    }
    guard i + 2 < text.count else { return nil }
    let (b1, b2) = (text[i + 1], text[i + 2])
    guard (b1 == 0x80 && b2 == 0xAE) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) else { return nil }
    return 0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
  }

  /// JSON text with the C1 controls and bidirectional overrides escaped (they can only occur
  /// inside its strings), for JSON made elsewhere.
  static func escapingInvisibles(_ json: String) -> String {
    guard json.unicodeScalars.contains(where: isInvisible) else { return json }
    var out = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      if isInvisible(scalar) {
        let digits = String(scalar.value, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - digits.count) + digits).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
    (0x80..<0xA0).contains(s.value) || s.value == 0x202E || (0x2066...0x2069).contains(s.value)
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
