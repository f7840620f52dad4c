/// The one JSON string escaper: every JSON string Rekindle writes goes through it.
///
/// Besides what JSON requires (the quote, the backslash, C0 controls), DEL, the C1 controls
/// (U+0080-U+009F) and the bidirectional overrides (U+202E, U+2066-U+2069) are written as
/// `\uXXXX`, so JSON printed to a terminal cannot drive it or reorder what it shows.
public enum JSONEscape {
  @usableFromInline static let hex: [UInt8] = Array("0123456789abcdef".utf8)

  /// Appends `text` (valid UTF-8) as a quoted JSON string literal.
  @inlinable
  public static func append<Sink: JSONSink>(_ text: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
    out.append(UInt8(ascii: "\""))
    var runStart = 0
    var i = 0
    while i < text.count {
      let b = text[i]
      if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") && b != 0x7F && b != 0xC2 && b != 0xE2 {
        i += 1
        continue
      }
      if b == 0xC2 || b == 0xE2 {
        guard let scalar = invisibleScalar(text, at: i) else {
          i += 1
          continue
        }
        if runStart < i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
        i += b == 0xC2 ? 2 : 3
        runStart = i
        unicodeEscape(scalar, to: &out)
        continue
      }
      if runStart < i { out.append(UnsafeBufferPointer(rebasing: text[runStart..<i])) }
      i += 1
      runStart = i
      switch b {
      case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
      case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
      case UInt8(ascii: "\n"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
      case UInt8(ascii: "\r"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
      case UInt8(ascii: "\t"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
      default: unicodeEscape(UInt32(b), to: &out)
      }
    }
    if runStart < text.count { out.append(UnsafeBufferPointer(rebasing: text[runStart..<text.count])) }
    out.append(UInt8(ascii: "\""))
  }

  /// Appends `text` as a quoted JSON string literal.
  @inlinable
  public static func append<Sink: JSONSink>(_ text: String, to out: inout Sink) {
    var copy = text
    copy.withUTF8 { append($0, to: &out) }
  }

  /// `text` as a quoted JSON string literal (also a valid YAML double-quoted scalar).
  public static func quoted(_ text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 2)
    append(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether a scalar is one that ``append(_:to:)-swift.type.method`` writes as `\uXXXX` although JSON allows it raw.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar.value == 0x202E
      || (0x2066...0x2069).contains(scalar.value)
  }

  /// Appends `\uXXXX` for a scalar below U+10000.
  @inlinable
  static func unicodeEscape<Sink: JSONSink>(_ scalar: UInt32, to out: inout Sink) {
    out.append(UInt8(ascii: "\\"))
    out.append(UInt8(ascii: "u"))
    for shift in [12, 8, 4, 0] as [UInt32] { out.append(hex[Int((scalar >> shift) & 0xF)]) }
  }

  /// The C1 control or bidirectional override encoded at `i` (which holds 0xC2 or 0xE2), if any.
  @inlinable
  static func invisibleScalar(_ text: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
    if text[i] == 0xC2 {
      guard i + 1 < text.count, (0x80...0x9F).contains(text[i + 1]) else { return nil }
      return UInt32(text[i + 1])
    }
    guard i + 2 < text.count else { return nil }
    let (b1, b2) = (text[i + 1], text[i + 2])
    guard (b1 == 0x80 && b2 == 0xAE) || (b1 == 0x81 && (0xA6...0xA9).contains(b2)) else { return nil }
    return 0x2000 | (UInt32(b1 & 0x3F) << 6) | UInt32(b2 & 0x3F)
  }
}
