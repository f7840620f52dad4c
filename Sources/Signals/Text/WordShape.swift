/// Normalizes the bytes of one word: ASCII lower case, Latin-1 accents folded, curly apostrophes
/// straightened, letters repeated three times or more collapsed ("sooo" to "so").
enum WordShape {
  /// Appends the normalized form of `word` (valid UTF-8 of one word) to `out`, returning flags.
  static func normalize(_ word: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Token.Flags {
    var flags: Token.Flags = []
    var letters = 0
    var uppers = 0
    var i = 0
    var runByte: UInt8 = 0
    var runLength = 0
    @inline(__always) func emit(_ b: UInt8) {
      if b == runByte && b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") {
        runLength += 1
        if runLength >= 3 {
          flags.insert(.elongated)
          if runLength == 3 { out.removeLast() }  // keep a single letter of a long run
          return
        }
      } else {
        runByte = b
        runLength = 1
      }
      out.append(b)
    }
    while i < word.count {
      let b = word[i]
      if b < 0x80 {
        if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") {
          if letters == 0 { flags.insert(.capitalized) }
          letters += 1
          uppers += 1
          emit(b | 0x20)
        } else {
          if b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") { letters += 1 }
          emit(b)
        }
        i += 1
      } else if b == 0xC3 && i + 1 < word.count {
        let second = word[i + 1]
        let folded = second >= 0x80 && second <= 0xBF ? Folding.latin1[Int(second - 0x80)] : 0
        if folded != 0 {
          if letters == 0 && Folding.isUpperLatin1(second) { flags.insert(.capitalized) }
          if Folding.isUpperLatin1(second) { uppers += 1 }
          letters += 1
          emit(folded)
        } else {
          emit(b)
          emit(second)
        }
        i += 2
      } else if b == 0xE2 && i + 2 < word.count && word[i + 1] == 0x80 && (word[i + 2] == 0x98 || word[i + 2] == 0x99) {
        emit(UInt8(ascii: "'"))
        i += 3
      } else {
        letters += 1
        emit(b)
        i += 1
      }
    }
    if uppers >= 2 && uppers == letters { flags.insert(.allCaps) }
    return flags
  }

  /// The normalized bytes of a word given as a string (used when compiling patterns).
  static func normalized(_ word: String) -> [UInt8] {
    var out: [UInt8] = []
    var copy = word
    _ = copy.withUTF8 { normalize($0, into: &out) }
    return out
  }
}
