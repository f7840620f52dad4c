/// Splits UTF-8 text into normalized words for the learned model: letters and digits lower-cased,
/// Latin-1 accents folded, apostrophes dropped ("don't" and "dont" alike), letters repeated for
/// emphasis cut to two ("sooo" to "soo"), emoji as words of their own. Counts the punctuation the
/// model reads as shape.
struct WordScanner {
  struct Span {
    /// Byte offsets in the source text.
    var start: Int
    var end: Int
    /// Offsets of the normalized word in `text`.
    var textStart: Int
    var textEnd: Int
    /// After a comma, a sentence end or other clause break.
    var clauseStart: Bool
    var isEmoji: Bool
  }

  /// The longest word kept whole; longer runs are cut (they carry no more meaning).
  static let maxWordBytes = 32
  /// The most words read from one reply; the rest of a huge line is not featurized.
  static let maxWords = 4_096

  private(set) var spans: [Span] = []
  private(set) var text: [UInt8] = []
  private(set) var questionMarks = 0
  private(set) var exclamations = 0
  private(set) var ellipses = 0
  private(set) var capitalWords = 0
  private(set) var emojiCount = 0

  /// Calls `body` with the normalized bytes of word `i`.
  @inline(__always)
  func withWord<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[spans[i].textStart..<spans[i].textEnd])) }
  }

  mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
    spans.removeAll(keepingCapacity: true)
    text.removeAll(keepingCapacity: true)
    questionMarks = 0
    exclamations = 0
    ellipses = 0
    capitalWords = 0
    emojiCount = 0
    var i = 0
    let n = bytes.count
    var wordStart = -1
    var textStart = 0
    var clause = true
    var upper = 0
    var letters = 0
    var dots = 0

    func close(at end: Int) {
      guard wordStart >= 0 else { return }
      if text.count > textStart, spans.count < Self.maxWords {
        spans.append(
          Span(start: wordStart, end: end, textStart: textStart, textEnd: text.count, clauseStart: clause, isEmoji: false))
        if upper >= 2 && upper == letters { capitalWords += 1 }
        clause = false
      } else {
        text.removeSubrange(textStart...)
      }
      wordStart = -1
    }

    func push(_ b: UInt8) {
      let length = text.count - textStart
      guard length < Self.maxWordBytes else { return }
      if length >= 2 && text[text.count - 1] == b && text[text.count - 2] == b && b > 0x39 { return }
      text.append(b)
    }

    while i < n {
      let b = bytes[i]
      if b != UInt8(ascii: ".") { dots = 0 }
      if b < 0x80 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          if wordStart < 0 { wordStart = i; textStart = text.count; upper = 0; letters = 0 }
          if b >= UInt8(ascii: "a") { letters += 1 }
          push(b)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
          if wordStart < 0 { wordStart = i; textStart = text.count; upper = 0; letters = 0 }
          upper += 1
          letters += 1
          push(b | 0x20)
        case UInt8(ascii: "'"):
          if wordStart < 0 { break }
        default:
          close(at: i)
          switch b {
          case UInt8(ascii: "?"): questionMarks += 1; clause = true
          case UInt8(ascii: "!"): exclamations += 1; clause = true
          case UInt8(ascii: "."):
            dots += 1
            if dots == 3 { ellipses += 1 }
            clause = true
          case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "\""), 0x0A:
            clause = true
          default: break
          }
        }
        i += 1
        continue
      }
      let length = ByteClass.sequenceLength(b, available: n - i)
      if b == 0xC3 && length == 2 {
        let folded = Folding.latin1[Int(bytes[i + 1] & 0x3F)]
        if folded != 0 {
          if wordStart < 0 { wordStart = i; textStart = text.count; upper = 0; letters = 0 }
          letters += 1
          if Folding.isUpperLatin1(bytes[i + 1]) { upper += 1 }
          push(folded)
          i += 2
          continue
        }
      }
      switch ByteClass.classify(bytes, at: i, length: length) {
      case .word:
        if wordStart < 0 { wordStart = i; textStart = text.count; upper = 0; letters = 0 }
        for k in i..<(i + length) { push(bytes[k]) }
      case .apostrophe where wordStart >= 0:
        break
      case .emoji:
        close(at: i)
        if spans.count < Self.maxWords {
          let start = text.count
          text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]))
          spans.append(
            Span(start: i, end: i + length, textStart: start, textEnd: text.count, clauseStart: clause, isEmoji: true))
          emojiCount += 1
        }
      case .joiner:
        break
      case .sentenceEnd:
        close(at: i)
        ellipses += 1
        clause = true
      default:
        close(at: i)
        clause = true
      }
      i += length
    }
    close(at: n)
  }
}
