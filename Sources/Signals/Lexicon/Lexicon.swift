import Synchronization

/// A compiled lexicon: vocabulary, word classes, expansions and patterns indexed by first word.
///
/// Build one from text with ``Lexicon/init(document:)``; the built-in one is ``Lexicon/builtIn``.
/// Immutable once built, so one instance serves any number of analyses at once.
public final class Lexicon: Sendable {
  let words: WordTable
  let prefixes: WordTable
  /// Bits set for the low 12 bits of every prefix hash: a fast "surely not a prefix" test.
  let prefixFilter: [UInt64]
  let shortestPrefix: Int
  /// Per word id: the class bits it belongs to.
  let wordClasses: [UInt64]
  /// Per prefix id: the class bits of it and of its own prefixes.
  let prefixClasses: [UInt64]
  /// Per prefix id: the prefix ids it matches (itself and its shorter prefixes).
  let prefixAncestors: [[Int32]]
  /// Per word id: its expansion (empty when none).
  let expansions: [[Int32]]
  let patterns: [LexiconPattern]
  /// Per word id: the patterns whose first token may be that word.
  let patternsByWord: [[Int32]]
  /// Per prefix id: the patterns whose first token may be a word with that prefix.
  let patternsByPrefix: [[Int32]]
  /// Patterns whose first token is a name or a number.
  let patternsByName: [Int32]
  let patternsByNumber: [Int32]
  /// Bit numbers of the classes the analyzer's rules read.
  let classBits: [String: Int]
  /// Word ids by text, for the rules.
  let vocabulary: [String: Int32]
  /// Per word id: the longest lexicon prefix the word starts with, or -1 (so the tokenizer
  /// looks prefixes up only for words the lexicon does not know).
  let wordPrefix: [Int32]
  /// The patterns flattened for matching.
  package let tables: MatchTables
  /// The class masks the rules read.
  let ruleClasses: RuleClasses
  /// Word ids the rules read.
  let ruleWords: RuleWords

  /// The number of entries.
  public var entryCount: Int { patterns.count }

  /// Compiles a parsed document.
  public convenience init(document: LexiconDocument) throws(LexiconError) {
    var compiler = LexiconCompiler()
    try self.init(compiled: compiler.compile(document))
  }

  /// Parses and compiles lexicon text.
  public convenience init(text: String, file: String) throws(LexiconError) {
    try self.init(document: LexiconDocument(parsing: text, file: file))
  }

  init(compiled c: LexiconCompiler.Output) {
    words = c.words
    prefixes = c.prefixes
    prefixFilter = c.prefixFilter
    shortestPrefix = c.shortestPrefix
    wordClasses = c.wordClasses
    prefixClasses = c.prefixClasses
    prefixAncestors = c.prefixAncestors
    expansions = c.expansions
    patterns = c.patterns
    patternsByWord = c.patternsByWord
    patternsByPrefix = c.patternsByPrefix
    patternsByName = c.patternsByName
    patternsByNumber = c.patternsByNumber
    classBits = c.classBits
    vocabulary = c.vocabulary
    var prefixOf = [Int32](repeating: -1, count: c.words.count)
    for (text, id) in c.vocabulary where Int(id) < prefixOf.count {
      let bytes = Array(text.utf8)
      guard bytes.count >= 3 else { continue }
      for length in stride(from: bytes.count, through: 3, by: -1) {
        let part = Array(bytes[0..<length])
        if let p = c.prefixes.find(part, hash: WordTable.hash(part)) {
          prefixOf[Int(id)] = p
          break
        }
      }
    }
    wordPrefix = prefixOf
    tables = MatchTables(
      patterns: c.patterns, patternsByWord: c.patternsByWord, patternsByPrefix: c.patternsByPrefix,
      prefixAncestors: c.prefixAncestors, byName: c.patternsByName, byNumber: c.patternsByNumber,
      wordClasses: c.wordClasses, prefixClasses: c.prefixClasses,
      commonWords: Set(Self.commonWords.compactMap { c.vocabulary[$0] }))
    ruleClasses = RuleClasses(classBits: c.classBits)
    ruleWords = RuleWords(vocabulary: c.vocabulary)
  }

  /// The most frequent words of conversational English: poor triggers for pattern matching.
  static let commonWords = [
    "i", "you", "the", "a", "an", "and", "to", "of", "it", "is", "not", "that", "in", "me", "my", "we", "be",
    "do", "have", "was", "for", "on", "with", "this", "just", "so", "but", "are", "am", "your", "what", "at",
    "all", "about", "if", "like", "know", "would", "will", "can", "no", "get", "want", "she", "he", "her",
    "him", "they", "them", "us", "our", "there", "here", "now", "then", "time", "really", "did", "been",
    "one", "how", "when", "why", "who", "out", "up", "go", "going", "think", "yeah", "yes", "ok", "from",
    "or", "as", "more", "back", "still", "too", "some", "need", "could", "should", "had", "has", "were",
    "way", "much", "by", "his", "lol", "again", "even", "thing", "make", "say", "said", "let", "feel",
  ]

  /// The class mask for a named class, or 0 when the lexicon does not define it.
  func classMask(_ name: String) -> UInt64 {
    classBits[name].map { UInt64(1) << UInt64($0) } ?? 0
  }

  /// The id of a vocabulary word, or `Token.unknown`.
  func wordID(_ text: String) -> Int32 { vocabulary[text] ?? Token.unknown }

  /// The parsed built-in lexicon text.
  public static let builtInDocument: LexiconDocument = {
    do {
      return try LexiconDocument(parsing: BuiltInLexicon.text, file: "<built-in lexicon>")
    } catch {
      preconditionFailure("the built-in lexicon does not parse: \(error)")
    }
  }()

  /// The built-in lexicon when something already compiled it (never compiles it).
  static var builtInIfCompiled: Lexicon? { builtInCompiled.withLock { $0 } }
  private static let builtInCompiled = Mutex<Lexicon?>(nil)

  /// The lexicon embedded in the binary, compiled on first use.
  public static let builtIn: Lexicon = {
    do {
      let lexicon = try Lexicon(document: builtInDocument)
      builtInCompiled.withLock { $0 = lexicon }
      return lexicon
    } catch {
      preconditionFailure("the built-in lexicon does not compile: \(error)")
    }
  }()
}
