/// Copies a JSON value read from input so that it is safe to write out again.
public enum JSONRepair {
  /// Appends the raw JSON value `raw` (already checked by ``JSONParser``), repairing what would
  /// make the output invalid or unsafe on a terminal: invalid UTF-8 becomes U+FFFD; inside strings,
  /// control characters, C1 controls and bidirectional overrides become `\uXXXX`; outside strings,
  /// control characters become spaces.
  public static func append<Sink: JSONSink>(_ raw: UnsafeBufferPointer<UInt8>, to out: inout Sink) {
    if raw.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
      out.append(raw)
      return
    }
    var inString = false
    var escaped = false
    var utf8: [UInt8] = []
    for scalar in String(decoding: raw, as: UTF8.self).unicodeScalars {
      let value = scalar.value
      if inString {
        if escaped {
          escaped = false
        } else if value == 0x5C {
          escaped = true
        } else if value == 0x22 {
          inString = false
        } else if value < 0x20 || JSONEscape.isInvisible(scalar) {
          JSONEscape.unicodeEscape(value, to: &out)
          continue
        }
      } else if value == 0x22 {
        inString = true
      } else if value < 0x20 || value == 0x7F {
        out.append(UInt8(ascii: " "))
        continue
      }
      utf8.removeAll(keepingCapacity: true)
      utf8.append(contentsOf: String(scalar).utf8)
      utf8.withUnsafeBufferPointer { out.append($0) }
    }
  }
}
