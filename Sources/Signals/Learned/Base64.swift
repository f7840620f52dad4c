/// Decodes standard base64 (the built-in model is embedded as base64 text). Whitespace is skipped.
enum Base64 {
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 255, count: 256)
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(c)] = UInt8(i)
    }
    return table
  }()

  static func decode(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { input in
      Self.table.withUnsafeBufferPointer { table -> [UInt8]? in
        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in input {
          if c == UInt8(ascii: "=") { break }
          if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { continue }
          let v = table[Int(c)]
          if v == 255 { return nil }
          buffer = buffer << 6 | UInt32(v)
          bits += 6
          if bits >= 8 {
            bits -= 8
            out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
          }
        }
        return out
      }
    }
  }
}
