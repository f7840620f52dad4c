/// Byte-level folding of Latin-1 letters to ASCII ("é" to "e"), so "Zoë" and "Zoe" match alike.
enum Folding {
  /// ASCII letter for the second byte of a two-byte sequence starting 0xC3 (U+00C0...U+00FF), 0 when none.
  static let latin1: [UInt8] = {
    let upper = Array("aaaaaaaceeeeiiiidnooooo_ouuuuyts".utf8)  // U+00C0...U+00DF
    let lower = Array("aaaaaaaceeeeiiiidnooooo_ouuuuyty".utf8)  // U+00E0...U+00FF
    var table = [UInt8](repeating: 0, count: 64)
    for i in 0..<32 {
      table[i] = upper[i] == UInt8(ascii: "_") ? 0 : upper[i]
      table[32 + i] = lower[i] == UInt8(ascii: "_") ? 0 : lower[i]
    }
    return table
  }()

  /// Whether the second byte (after 0xC3) is an upper-case letter.
  @inline(__always)
  static func isUpperLatin1(_ second: UInt8) -> Bool { second >= 0x80 && second <= 0x9E && second != 0x97 }
}
