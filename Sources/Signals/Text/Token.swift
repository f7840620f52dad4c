/// One token of a reply: a normalized word (or emoji), or the end of a sentence.
package struct Token: Sendable {
  /// Vocabulary id; `Token.unknown` for a word the lexicon does not know; `Token.end` for a sentence end.
  var word: Int32
  /// Longest lexicon prefix the word starts with, or -1.
  var prefix: Int32
  /// Bits of the word classes the word belongs to.
  var classes: UInt64
  /// Byte offsets of the source text the token came from.
  var start: UInt32
  var end: UInt32
  var flags: Flags

  static let unknown: Int32 = -1
  static let end: Int32 = -2

  /// Properties of the token's source text.
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt16
    static let capitalized = Flags(rawValue: 1)
    static let allCaps = Flags(rawValue: 2)
    static let sentenceStart = Flags(rawValue: 4)
    /// After a comma, dash, colon or quote, or at a sentence start: negation does not reach back past it.
    static let clauseStart = Flags(rawValue: 8)
    /// Letters repeated for emphasis ("sooo").
    static let elongated = Flags(rawValue: 16)
    static let number = Flags(rawValue: 32)
    static let emoji = Flags(rawValue: 64)
    /// On a sentence end: the sentence was a question.
    static let question = Flags(rawValue: 128)
    /// On a sentence end: an exclamation.
    static let exclamation = Flags(rawValue: 256)
    /// On a sentence end: repeated punctuation ("!!!", "??").
    static let repeated = Flags(rawValue: 512)
    /// Not the first token of an expansion ("do not" from "don't").
    static let expanded = Flags(rawValue: 1024)
  }

  var isEnd: Bool { word == Token.end }
}
