/// The features the learned model reads from one reply: hashed words, word pairs and triples, character n-grams
/// and negation-scoped words (each tied to the words it came from, for evidence), the reply's meaning
/// (the sum of its words' ``WordVectors``), the question's words, the reply's length and shape, and
/// what the lexicon found.
///
/// Built from UTF-8 bytes in one pass; pure and deterministic.
public struct ReplyFeatures: Sendable {
  /// One feature: its hashed key, its value, and the words (indexes into `words`) it came from.
  struct Feature: Sendable {
    var key: UInt32
    var value: Float
    /// First and one-past-last word; equal when the feature is about the whole reply.
    var firstWord: Int32
    var endWord: Int32
    /// Read from the question, not from the reply.
    var fromQuestion = false
  }

  /// A word of the reply: its byte span in the reply.
  struct Word: Sendable {
    var start: Int32
    var end: Int32
  }

  private(set) var features: [Feature] = []
  private(set) var words: [Word] = []
  /// Per word: its key (the hash of the normalized word), as the word features have it.
  private(set) var wordKeys: [UInt32] = []
  /// Per word: its row in the built-in word vectors, or -1. The meaning features are the words'
  /// vectors summed and scaled by `meaningFactor`, so each word's share of them is exact (evidence).
  private(set) var meaningRows: [Int32] = []
  /// The factor the summed word vectors were scaled by (0: no meaning features).
  private(set) var meaningFactor: Float = 0
  /// Where the character n-grams sit in `features` (from `characterStart` to `characterEnd`). Extracted
  /// compactly (the analyzer's way) they are not listed (start == end): `characterWords` names the words
  /// they come from, each n-gram valued `characterValue`, and a model sums each word's n-gram weights
  /// once and remembers them (``CharacterRowCache``): the same sums as the listed n-grams.
  private(set) var characterStart = 0
  private(set) var characterEnd = 0
  /// The words whose character n-grams are features, when extracted compactly.
  private(set) var characterWords: [Int32] = []
  /// The value of each character n-gram (all have the same), when extracted compactly.
  private(set) var characterValue: Float = 0

  /// The feature key of each dimension of the meaning vector.
  static let meaningKeys: [UInt32] = (0..<1024).map { d in
    var h = FeatureHash(tag: UInt8(ascii: "e"))
    h.add(UInt8(d & 0xFF))
    h.add(UInt8(d >> 8))
    return h.key
  }

  /// Words too common to be evidence of a sign on their own ("I", "and", "the"): the model's evidence
  /// leaves them out (negations are not among them: "never" can be the point), by their hash.
  static let functionWords: Set<UInt32> = Set(
    [
      "i", "me", "my", "you", "your", "he", "she", "it", "we", "they", "him", "her", "them", "us", "its", "our",
      "their", "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "for", "with", "from", "by",
      "as", "is", "am", "are", "was", "were", "be", "been", "do", "did", "does", "have", "has", "had", "that", "this",
      "there", "then", "just", "im", "ive", "id", "ill", "its", "thats", "if", "about", "up", "out", "what", "when",
    ].map { word in
      var h = FeatureHash(tag: UInt8(ascii: "w"))
      for b in word.utf8 { h.add(b) }
      return h.key
    })

  /// Words that open a negation scope of up to three words, by their hash (compared without allocating).
  private static let negators: [UInt32] = [
    "not", "no", "never", "dont", "didnt", "cant", "wont", "isnt", "wasnt", "aint", "nothing", "nobody", "neither",
    "nor", "doesnt", "wouldnt", "couldnt", "shouldnt", "havent", "hasnt", "werent", "arent", "without", "nt",
  ].map { word in
    var h = FeatureHash(tag: UInt8(ascii: "w"))
    for b in word.utf8 { h.add(b) }
    return h.key
  }

  /// The number of words read.
  public var wordCount: Int { words.count }

  /// No features yet: an analysis workspace keeps one and extracts each reply into it, reusing its buffers.
  public init() {}

  /// Extracts the features of `reply`, answering `question`, given what the lexicon found in it;
  /// with `meaning`, also the sum of its words' vectors (the her-side models of practice read it;
  /// the reply model does not, as it did not read better with it on dev).
  public init(reply: String, question: String?, lexicon analysis: Analysis?, meaning: Bool = false) {
    var reply = reply
    var questionText = question ?? ""
    reply.withUTF8 { bytes in
      questionText.withUTF8 { q in
        extract(utf8: bytes, question: question == nil ? nil : q, lexicon: analysis, meaning: meaning)
      }
    }
  }

  /// Extracts the features of a reply given as UTF-8 bytes.
  init(utf8 reply: UnsafeBufferPointer<UInt8>, question: String?, lexicon analysis: Analysis?, meaning: Bool = false) {
    var questionText = question ?? ""
    questionText.withUTF8 { q in
      extract(utf8: reply, question: question == nil ? nil : q, lexicon: analysis, meaning: meaning)
    }
  }

  /// Replaces these features with those of `reply` (UTF-8), answering `question` (UTF-8), reusing
  /// the buffers of the previous extraction: the same features as a new value, without allocating.
  /// With `compactCharacters`, the character n-grams are named by their words, not listed.
  mutating func extract(
    utf8 reply: UnsafeBufferPointer<UInt8>, question: UnsafeBufferPointer<UInt8>?, lexicon analysis: Analysis?,
    meaning: Bool = false, compactCharacters: Bool = false
  ) {
    features.removeAll(keepingCapacity: true)
    characterWords.removeAll(keepingCapacity: true)
    characterValue = 0
    words.removeAll(keepingCapacity: true)
    wordKeys.removeAll(keepingCapacity: true)
    meaningRows.removeAll(keepingCapacity: true)
    meaningFactor = 0
    questionMarks = 0
    scanner.scan(reply)
    for span in scanner.spans { words.append(Word(start: Int32(span.start), end: Int32(span.end))) }
    features.reserveCapacity(scanner.spans.count * 8 + 16)
    addWordFeatures(scanner)
    addTripleFeatures(scanner)
    if meaning, let vectors = WordVectors.builtIn { addMeaningFeatures(vectors) }
    addConceptFeatures(scanner, ConceptTable.builtIn)
    if compactCharacters { addCharacterWords(scanner) } else { addCharacterFeatures(scanner) }
    addShapeFeatures(scanner)
    if let question, !question.isEmpty { addQuestionFeatures(question) }
    if let analysis { addLexiconFeatures(analysis) }
  }

  /// The scanner of the last extraction, kept for its buffers.
  private var scanner = WordScanner()
  /// A scanner for the question, kept for its buffers.
  private var questionScanner = WordScanner()
  /// The padded word the character n-grams are read from, kept for its buffer.
  private var padded: [UInt8] = []

  // MARK: - Groups

  /// Three words in a row inside one clause ("t"), scaled together: what a word pair cannot tell
  /// ("not that bad" from "that bad"). Each is tied to its three words.
  private mutating func addTripleFeatures(_ s: WordScanner) {
    let start = features.count
    for i in s.spans.indices where i >= 2 && !s.spans[i].clauseStart && !s.spans[i - 1].clauseStart {
      var h = FeatureHash(tag: UInt8(ascii: "t"))
      s.withWord(i - 2) { h.add($0) }
      h.add(UInt8(ascii: " "))
      s.withWord(i - 1) { h.add($0) }
      h.add(UInt8(ascii: " "))
      s.withWord(i) { h.add($0) }
      append(h.key, 1, i - 2, i + 1)
    }
    scale(from: start)
  }

  /// Words, negation-scoped words and word pairs, scaled together by 1/sqrt(count); each word's key
  /// goes to `wordKeys`.
  private mutating func addWordFeatures(_ s: WordScanner) {
    let start = features.count
    let negators = Self.negators
    var negation = 0
    var previous: Int = -1
    for (i, span) in s.spans.enumerated() {
      if span.clauseStart { negation = 0 }
      s.withWord(i) { word in
        var h = FeatureHash(tag: UInt8(ascii: "w"))
        h.add(word)
        append(h.key, 1, i, i + 1)
        wordKeys.append(h.key)
        if negation > 0 {
          var n = FeatureHash(tag: UInt8(ascii: "n"))
          n.add(word)
          append(n.key, 1, i, i + 1)
          negation -= 1
        }
        var b = FeatureHash(tag: UInt8(ascii: "b"))
        if previous >= 0 && !span.clauseStart {
          s.withWord(previous) { b.add($0) }
        } else {
          b.add(UInt8(ascii: "^"))
        }
        b.add(UInt8(ascii: " "))
        b.add(word)
        append(b.key, 1, previous >= 0 && !span.clauseStart ? previous : i, i + 1)
        if negators.contains(h.key) { negation = 3 }
      }
      previous = i
    }
    scale(from: start)
  }

  /// The reply's meaning: its words' vectors summed and scaled to length 1, one feature per
  /// dimension (whole-text features; evidence reads the words' shares from `meaningRows`).
  private mutating func addMeaningFeatures(_ vectors: WordVectors) {
    var sum = [Float](repeating: 0, count: vectors.dimensions)
    var known = false
    for key in wordKeys {
      let row = vectors.row(key)
      if row >= 0 {
        vectors.add(row: row, into: &sum)
        known = true
      }
      meaningRows.append(Int32(row))
    }
    guard known else { return }
    let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm > 0 else { return }
    meaningFactor = 1 / norm
    for d in 0..<vectors.dimensions { append(Self.meaningKeys[d], sum[d] * meaningFactor, -1, -1) }
  }

  /// The concepts of the words and phrases of up to three words ("C"), and inside a negation scope
  /// ("N"), scaled together.
  private mutating func addConceptFeatures(_ s: WordScanner, _ table: ConceptTable) {
    let start = features.count
    let negators = Self.negators
    let wordKeys = self.wordKeys
    var negation = 0
    table.withTables { lists, keys, negatedKeys in
      for i in s.spans.indices {
        if s.spans[i].clauseStart { negation = 0 }
        var h = FeatureHash(tag: UInt8(ascii: "P"))
        for n in 0..<ConceptTable.maxPhraseWords where i + n < s.spans.count {
          if n > 0 {
            if s.spans[i + n].clauseStart { break }
            h.add(UInt8(ascii: " "))
          }
          s.withWord(i + n) { h.add($0) }
          for k in table.conceptRange(h.key) {
            let c = Int(lists[k])
            append(negation > 0 ? negatedKeys[c] : keys[c], 1, i, i + n + 1)
          }
          if n + 1 < ConceptTable.maxPhraseWords && !table.isPrefix(h.key) { break }
        }
        if negators.contains(wordKeys[i]) {
          negation = 3
        } else if negation > 0 {
          negation -= 1
        }
      }
    }
    scale(from: start)
  }

  /// The number of character 3- to 5-grams of a word padded to `length` bytes with its boundary marks.
  @inline(__always)
  static func characterGramCount(paddedLength length: Int) -> Int {
    (3 < length ? length - 2 : 0) + (4 < length ? length - 3 : 0) + (5 < length ? length - 4 : 0)
  }

  /// Calls `body` with each character 3- to 5-gram key of `padded` (a word with its boundary marks) and
  /// its position among them: all 3-grams, then all 4-grams, then all 5-grams (shorter than the padded
  /// word). The hash of the 4- and 5-gram at a position continues the 3-gram's. The one place these keys
  /// are made: the listed features and the model's per-word sums (``CharacterRowCache``) both use it.
  @inline(__always)
  static func forEachCharacterGram(of p: UnsafeBufferPointer<UInt8>, _ body: (_ position: Int, _ key: UInt32) -> Void) {
    let length = p.count
    let count3 = 3 < length ? length - 2 : 0
    let count4 = 4 < length ? length - 3 : 0
    let count5 = 5 < length ? length - 4 : 0
    for k in 0..<count3 {
      var h = FeatureHash(tag: UInt8(ascii: "c"))
      h.add(p[k])
      h.add(p[k + 1])
      h.add(p[k + 2])
      body(k, h.key)
      guard k < count4 else { continue }
      h.add(p[k + 3])
      body(count3 + k, h.key)
      guard k < count5 else { continue }
      h.add(p[k + 4])
      body(count3 + count4 + k, h.key)
    }
  }

  /// The longest padded word ("<word>") whose character n-grams are read; longer words have none.
  static let maxPaddedWord = 24

  /// The normalized bytes of word `i` of the last extraction.
  @inline(__always)
  func withWord<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { scanner.withWord(i, body) }

  /// The character n-grams compactly: the words they come from and their common value (as
  /// ``addCharacterFeatures(_:)`` would scale them), without hashing them.
  private mutating func addCharacterWords(_ s: WordScanner) {
    characterStart = features.count
    characterEnd = characterStart
    var total = 0
    for i in s.spans.indices where !s.spans[i].isEmoji {
      let length = s.spans[i].textEnd - s.spans[i].textStart + 2
      let count = Self.characterGramCount(paddedLength: length)
      guard length <= Self.maxPaddedWord, count > 0 else { continue }
      total += count
      characterWords.append(Int32(i))
    }
    characterValue = total > 1 ? 1 / Float(total).squareRoot() : 1
  }

  /// Character 3- to 5-grams of each word with boundary marks ("<wor", "ord>"), scaled together.
  private mutating func addCharacterFeatures(_ s: WordScanner) {
    let start = features.count
    characterStart = start
    defer { characterEnd = features.count }
    var padded = self.padded
    self.padded = []
    defer { self.padded = padded }
    padded.reserveCapacity(40)
    for i in s.spans.indices where !s.spans[i].isEmoji {
      padded.removeAll(keepingCapacity: true)
      padded.append(UInt8(ascii: "<"))
      s.withWord(i) { padded.append(contentsOf: $0) }
      padded.append(UInt8(ascii: ">"))
      if padded.count > Self.maxPaddedWord { continue }
      let base = features.count
      for _ in 0..<Self.characterGramCount(paddedLength: padded.count) { append(0, 1, i, i + 1) }
      padded.withUnsafeBufferPointer { p in
        features.withUnsafeMutableBufferPointer { f in
          Self.forEachCharacterGram(of: p) { position, key in f[base + position].key = key }
        }
      }
    }
    scale(from: start)
  }

  /// Length, punctuation and capitals: one feature each, value 1.
  private mutating func addShapeFeatures(_ s: WordScanner) {
    let count = s.spans.count
    let bucket: UInt8 =
      count <= 1 ? 1 : count <= 2 ? 2 : count <= 4 ? 3 : count <= 8 ? 4 : count <= 16 ? 5 : count <= 32 ? 6 : 7
    tagged("len", bucket)
    questionMarks = s.questionMarks
    if s.questionMarks > 0 { tagged("p?", 0) }
    if s.exclamations > 0 { tagged("p!", 0) }
    if s.ellipses > 0 { tagged("p.", 0) }
    if s.capitalWords > 0 { tagged("caps", s.capitalWords > 2 ? 2 : 1) }
    if s.emojiCount > 0 { tagged("emoji", 0) }
  }

  /// The question's words ("q"): the same reply means different things after different questions.
  private mutating func addQuestionFeatures(_ question: UnsafeBufferPointer<UInt8>) {
    var q = questionScanner
    questionScanner = WordScanner()
    defer { questionScanner = q }
    q.scan(question)
    let start = features.count
    for i in q.spans.indices {
      q.withWord(i) { word in
        var h = FeatureHash(tag: UInt8(ascii: "q"))
        h.add(word)
        append(h.key, 1, -1, -1)
        features[features.count - 1].fromQuestion = true
      }
    }
    scale(from: start)
  }

  /// What the lexicon and its rules found: each signal, the yes/no answer, evasiveness, tone.
  private mutating func addLexiconFeatures(_ analysis: Analysis) {
    for signal in analysis.signals { tagged("lex:" + signal.id.rawValue, 0) }
    tagged("ans:" + analysis.answer.rawValue, 0)
    if analysis.evasive { tagged("evasive", 0) }
    tagged("tone", analysis.tone < -0.2 ? 1 : analysis.tone > 0.2 ? 3 : 2)
  }

  // MARK: - Helpers

  private mutating func append(_ key: UInt32, _ value: Float, _ first: Int, _ end: Int) {
    features.append(Feature(key: key, value: value, firstWord: Int32(first), endWord: Int32(end)))
  }

  /// Adds a whole-text feature named `name` with a small variant (a bucket), for readers of other
  /// taxonomies that weigh a shape the reply features leave out.
  public mutating func addTag(_ name: String, _ variant: UInt8) { tagged(name, variant) }

  /// The number of question marks in the text.
  public private(set) var questionMarks = 0

  private mutating func tagged(_ name: String, _ variant: UInt8) {
    var h = FeatureHash(tag: UInt8(ascii: "m"))
    for b in name.utf8 { h.add(b) }
    h.add(variant)
    append(h.key, 1, -1, -1)
  }

  /// Scales the features appended since `start` by 1/sqrt(their count).
  private mutating func scale(from start: Int) {
    let n = features.count - start
    guard n > 1 else { return }
    let v = 1 / Float(n).squareRoot()
    for k in start..<features.count { features[k].value = v }
  }
}
