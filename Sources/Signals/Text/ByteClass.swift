/// What a byte (or UTF-8 sequence) is to the tokenizer.
enum ByteKind: UInt8, Sendable {
  case word, separator, clauseBreak, sentenceEnd, question, exclamation, apostrophe, dot, emoji, joiner
}

/// Byte and UTF-8 sequence classification for the tokenizer.
enum ByteClass {
  /// Classes of the ASCII bytes.
  static let ascii: [ByteKind] = {
    var table = [ByteKind](repeating: .separator, count: 128)
    for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = .word }
    for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = .word }
    for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = .word }
    for c in ",:()\"/[]" { table[Int(c.asciiValue ?? 0)] = .clauseBreak }
    for c in ";\n" { table[Int(c.asciiValue ?? 0)] = .sentenceEnd }
    table[Int(UInt8(ascii: "."))] = .dot
    table[Int(UInt8(ascii: "?"))] = .question
    table[Int(UInt8(ascii: "!"))] = .exclamation
    table[Int(UInt8(ascii: "'"))] = .apostrophe
    table[Int(UInt8(ascii: "-"))] = .separator
    return table
  }()

  /// Whether a byte can continue a word (used to decide whether an apostrophe is inside a word).
  @inline(__always)
  static func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || ascii[Int(b)] == .word }

  /// The length of the UTF-8 sequence starting with `lead` (the input is valid UTF-8).
  @inline(__always)
  static func sequenceLength(_ lead: UInt8, available: Int) -> Int {
    let length: Int
    if lead >= 0xF0 {
      length = 4
    } else if lead >= 0xE0 {
      length = 3
    } else if lead >= 0xC0 {
      length = 2
    } else {
      length = 1
    }
    return min(length, available)
  }

  /// Classifies a non-ASCII sequence.
  static func classify(_ text: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> ByteKind {
    let lead = text[i]
    switch length {
    case 2:
      if lead == 0xC2 {
        let second = text[i + 1]
        // No-break space, inverted marks, guillemets: separators.
        return second == 0xAB || second == 0xBB ? .clauseBreak : .separator
      }
      if lead == 0xCC || lead == 0xCD { return .word }  // combining accents
      return .word
    case 3:
      let b1 = text[i + 1]
      let b2 = text[i + 2]
      if lead == 0xE2 && b1 == 0x80 {
        switch b2 {
        case 0x98, 0x99: return .apostrophe
        case 0x9C, 0x9D, 0x93, 0x94: return .clauseBreak
        case 0xA6: return .sentenceEnd
        case 0x8D, 0x8B, 0x8C: return .joiner
        default: return .separator
        }
      }
      if lead == 0xEF && b1 == 0xB8 && b2 == 0x8F { return .joiner }  // variation selector 16
      if lead == 0xE2 && b1 >= 0x98 && b1 <= 0x9E { return .emoji }  // dingbats, ❤ and friends
      if lead == 0xE3 && b1 == 0x80 && (b2 == 0x82 || b2 == 0x81) { return .sentenceEnd }  // 。、
      if lead == 0xE2 { return .separator }  // other punctuation and symbols
      return .word
    case 4:
      if lead == 0xF0 && text[i + 1] == 0x9F {
        let b2 = text[i + 2]
        let b3 = text[i + 3]
        if b2 == 0x8F && b3 >= 0xBB { return .joiner }  // skin tones
        return .emoji
      }
      return .word
    default:
      return .separator
    }
  }
}
