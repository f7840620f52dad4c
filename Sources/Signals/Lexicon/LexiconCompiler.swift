/// Turns a ``LexiconDocument`` into the tables a ``Lexicon`` matches with.
struct LexiconCompiler {
  struct Output {
    var words = WordTable()
    var prefixes = WordTable()
    var prefixFilter = [UInt64](repeating: 0, count: 64)
    var shortestPrefix = Int.max
    var wordClasses: [UInt64] = []
    var prefixClasses: [UInt64] = []
    var prefixAncestors: [[Int32]] = []
    var expansions: [[Int32]] = []
    var patterns: [LexiconPattern] = []
    var patternsByWord: [[Int32]] = []
    var patternsByPrefix: [[Int32]] = []
    var patternsByName: [Int32] = []
    var patternsByNumber: [Int32] = []
    var classBits: [String: Int] = [:]
    var vocabulary: [String: Int32] = [:]
  }

  /// The largest gap `...` stands for.
  static let gapLength = 5
  /// Words the tokenizer and rules need whatever the lexicon says.
  static let requiredWords = Contraction.allCases.compactMap(\.word)

  private var out = Output()
  private var prefixTexts: [[UInt8]] = []
  private var classWords: [String: [(String, SourceLocation)]] = [:]

  mutating func compile(_ document: LexiconDocument) throws(LexiconError) -> Output {
    for word in Self.requiredWords { _ = intern(Array(word.utf8)) }
    // Classes: bits in order of first definition.
    for definition in document.classes {
      if out.classBits[definition.name] == nil {
        guard out.classBits.count < 64 else {
          throw LexiconError("too many word classes (64 at most)", at: definition.location)
        }
        out.classBits[definition.name] = out.classBits.count
      }
      classWords[definition.name, default: []] += definition.words.map { ($0, definition.location) }
    }
    // Expansions: every word of the replacement is part of the vocabulary.
    var expansionByWord: [Int32: [Int32]] = [:]
    for expansion in document.expansions {
      let from = intern(WordShape.normalized(expansion.word))
      expansionByWord[from] = expansion.replacement.map { intern(WordShape.normalized($0)) }
    }
    for (name, members) in classWords {
      guard let bit = out.classBits[name] else { continue }
      for (word, location) in members {
        if word.hasSuffix("*") {
          let p = try internPrefix(String(word.dropLast()), at: location)
          growPrefixTables(to: Int(p) + 1)
          out.prefixClasses[Int(p)] |= UInt64(1) << UInt64(bit)
        } else {
          for id in expand(word) {
            growWordTables(to: Int(id) + 1)
            out.wordClasses[Int(id)] |= UInt64(1) << UInt64(bit)
          }
        }
      }
    }
    for (number, entry) in document.entries.enumerated() {
      let questionWord = entry.questionWord.map { expand($0).first ?? Token.unknown } ?? Token.unknown
      for elements in try compilePattern(entry.pattern, at: entry.location) {
        out.patterns.append(
          LexiconPattern(
            category: entry.category, weight: entry.weight, elements: elements, negatable: entry.negatable,
            questionWord: questionWord, entry: Int32(number), source: entry.pattern, reason: entry.reason,
            location: entry.location))
      }
    }
    growWordTables(to: out.words.count)
    growPrefixTables(to: out.prefixes.count)
    out.expansions = (0..<out.words.count).map { expansionByWord[Int32($0)] ?? [] }
    finishPrefixes()
    try index()
    return out
  }

  // MARK: - Vocabulary

  private mutating func intern(_ bytes: [UInt8]) -> Int32 {
    let id = out.words.insert(bytes, id: Int32(out.words.count))
    if Int(id) == out.vocabulary.count {
      out.vocabulary[String(decoding: bytes, as: UTF8.self)] = id
    }
    return id
  }

  private var expandCache: [String: [Int32]] = [:]

  /// The word ids a pattern word stands for, after the same contraction splitting as replies.
  private mutating func expand(_ word: String) -> [Int32] {
    if let cached = expandCache[word] { return cached }
    let ids = expandUncached(word)
    expandCache[word] = ids
    return ids
  }

  private mutating func expandUncached(_ word: String) -> [Int32] {
    let bytes = WordShape.normalized(word)
    let split = bytes.withUnsafeBufferPointer { Contraction.split($0) }
    guard let split else { return [intern(bytes)] }
    let stem = split.stem.map { Array($0.utf8) } ?? Array(bytes[0..<split.stemLength])
    var ids = [intern(stem)]
    if let suffix = split.suffix.word { ids.append(intern(Array(suffix.utf8))) }
    return ids
  }

  private mutating func internPrefix(_ text: String, at location: SourceLocation) throws(LexiconError) -> Int32 {
    let bytes = WordShape.normalized(text)
    guard bytes.count >= 3 else {
      throw LexiconError("prefix '\(text)*' is too short (3 letters at least)", at: location)
    }
    let id = out.prefixes.insert(bytes, id: Int32(out.prefixes.count))
    if Int(id) == prefixTexts.count { prefixTexts.append(bytes) }
    return id
  }

  private mutating func growWordTables(to count: Int) {
    while out.wordClasses.count < count { out.wordClasses.append(0) }
  }

  private mutating func growPrefixTables(to count: Int) {
    while out.prefixClasses.count < count { out.prefixClasses.append(0) }
  }

  private mutating func finishPrefixes() {
    out.prefixAncestors = prefixTexts.map { text in
      var ancestors: [Int32] = []
      for length in stride(from: text.count, through: 3, by: -1) {
        let part = Array(text[0..<length])
        if let id = out.prefixes.find(part, hash: WordTable.hash(part)) { ancestors.append(id) }
      }
      return ancestors
    }
    for (id, ancestors) in out.prefixAncestors.enumerated() {
      for a in ancestors where Int(a) != id { out.prefixClasses[id] |= out.prefixClasses[Int(a)] }
    }
    for text in prefixTexts {
      let h = WordTable.hash(text)
      out.prefixFilter[Int(h & 63)] |= UInt64(1) << ((h >> 6) & 63)
      out.shortestPrefix = min(out.shortestPrefix, text.count)
    }
  }

  // MARK: - Patterns

  /// Compiles a pattern into one or more element sequences: an alternative of several words
  /// (`{i'm|i am}`, or a contraction) makes a variant of its own. Works on bytes: the built-in
  /// lexicon is compiled at every start-up.
  private mutating func compilePattern(_ text: String, at location: SourceLocation) throws(LexiconError) -> [[PatternElement]] {
    var variants: [[PatternElement]] = [[]]
    var column = location.column
    let bytes = Self.joinedInsideBraces(Array(text.utf8))
    for pieceSlice in bytes.split(separator: UInt8(ascii: " ")) {
      let here = SourceLocation(file: location.file, line: location.line, column: column)
      column += pieceSlice.count + 1
      var piece = Array(pieceSlice)
      var fixed: PatternElement?
      if piece == Self.gapBytes {
        fixed = .gap(Self.gapLength)
      } else if piece == [UInt8(ascii: "^")] {
        fixed = .sentenceStart
      } else if piece == [UInt8(ascii: "$")] {
        fixed = .sentenceEnd(questionOnly: false)
      } else if piece == [UInt8(ascii: "$"), UInt8(ascii: "?")] {
        fixed = .sentenceEnd(questionOnly: true)
      } else if piece == [UInt8(ascii: ",")] {
        continue
      }
      if let fixed {
        for k in variants.indices { variants[k].append(fixed) }
        continue
      }
      var optional = false
      if piece.count > 1 && piece.last == UInt8(ascii: "?") {
        optional = true
        piece.removeLast()
      }
      var alternatives: [ArraySlice<UInt8>]
      if piece.first == UInt8(ascii: "{") {
        guard piece.last == UInt8(ascii: "}"), piece.count > 2 else {
          throw LexiconError("alternatives must be written '{a|b}'", at: here)
        }
        alternatives = piece[1..<(piece.count - 1)].split(separator: UInt8(ascii: "|"))
      } else {
        alternatives = [piece[...]]
      }
      // Single-token alternatives share one element; longer ones are variants of their own.
      var single: [PatternAtom] = []
      var sequences: [[PatternElement]] = []
      for alternative in alternatives {
        var compiled: [[PatternAtom]] = []
        // Words of one alternative were joined with '+' (see `joinedInsideBraces`).
        for part in alternative.split(separator: UInt8(ascii: "+")) {
          compiled += try compileAtoms(Array(part), at: here)
        }
        if compiled.count == 1 {
          single += compiled[0]
        } else {
          sequences.append(compiled.map { .token($0, optional: false) })
        }
      }
      var options: [[PatternElement]] = []
      if !single.isEmpty { options.append([.token(single, optional: optional && sequences.isEmpty)]) }
      options += sequences
      if optional && !sequences.isEmpty { options.append([]) }
      if options.count == 1 {
        for k in variants.indices { variants[k] += options[0] }
        continue
      }
      var next: [[PatternElement]] = []
      for v in variants {
        for option in options { next.append(v + option) }
      }
      guard next.count <= 64 else {
        throw LexiconError("pattern has too many variants (64 at most); split it", at: here)
      }
      variants = next
    }
    // "^ word?": one variant with the word, one without.
    variants = variants.flatMap { v -> [[PatternElement]] in
      guard v.count >= 2, case .sentenceStart = v[0], case .token(let atoms, true) = v[1] else { return [v] }
      return [[v[0], .token(atoms, optional: false)] + v[2...], [v[0]] + v[2...]]
    }
    // A leading optional word or gap changes nothing about where a match can start: drop it.
    variants = variants.map { variant in
      var v = variant
      while let first = v.first {
        if case .token(_, true) = first {
          v.removeFirst()
        } else if case .gap = first {
          v.removeFirst()
        } else {
          break
        }
      }
      return v
    }
    for v in variants {
      guard v.contains(where: { if case .token = $0 { return true } else { return false } }) else {
        throw LexiconError("pattern has no words", at: location)
      }
    }
    return variants
  }

  private static let gapBytes = Array("...".utf8)

  /// The pattern with spaces inside braces turned into '+', so "{we have|we've}" stays one piece.
  static func joinedInsideBraces(_ text: [UInt8]) -> [UInt8] {
    guard text.contains(UInt8(ascii: "{")) else { return text }
    var depth = 0
    var result = text
    for (i, b) in text.enumerated() {
      if b == UInt8(ascii: "{") { depth += 1 }
      if b == UInt8(ascii: "}") { depth = max(0, depth - 1) }
      if depth > 0 && b == UInt8(ascii: " ") { result[i] = UInt8(ascii: "+") }
    }
    return result
  }

  /// One atom list per token the word stands for (contractions stand for two).
  private mutating func compileAtoms(_ word: [UInt8], at location: SourceLocation) throws(LexiconError) -> [[PatternAtom]] {
    guard let first = word.first else { throw LexiconError("empty alternative", at: location) }
    if word == [UInt8(ascii: "_")] { return [[.any]] }
    if first == UInt8(ascii: "@") {
      let name = String(decoding: word.dropFirst(), as: UTF8.self)
      if name == "name" { return [[.name]] }
      if name == "number" { return [[.number]] }
      guard let bit = out.classBits[name] else {
        let hint = Suggestion.closest(to: name, in: Array(out.classBits.keys)).map { " (did you mean '@\($0)'?)" } ?? ""
        throw LexiconError("unknown class '@\(name)'\(hint)", at: location)
      }
      return [[.wordClass(bit)]]
    }
    if word.last == UInt8(ascii: "*") {
      return [[.prefix(try internPrefix(String(decoding: word.dropLast(), as: UTF8.self), at: location))]]
    }
    if word.contains(where: { b in b == 0x7B || b == 0x7D || b == 0x7C || b == 0x3F || b == 0x2A || b == 0x40 }) {
      throw LexiconError("unexpected character in '\(String(decoding: word, as: UTF8.self))'", at: location)
    }
    if let cached = atomCache[word] { return cached }
    let atoms = expand(String(decoding: word, as: UTF8.self)).map { [PatternAtom.word($0)] }
    atomCache[word] = atoms
    return atoms
  }

  private var atomCache: [[UInt8]: [[PatternAtom]]] = [:]

  /// Indexes every pattern under the tokens it can start with.
  private mutating func index() throws(LexiconError) {
    out.patternsByWord = Array(repeating: [], count: out.words.count)
    out.patternsByPrefix = Array(repeating: [], count: out.prefixes.count)
    for (i, pattern) in out.patterns.enumerated() {
      guard let first = pattern.elements.first(where: { if case .sentenceStart = $0 { return false } else { return true } }),
        case .token(let atoms, let optional) = first, !optional
      else {
        throw LexiconError("a pattern must start with a word that is not optional", at: pattern.location)
      }
      for atom in atoms {
        switch atom {
        case .word(let id): out.patternsByWord[Int(id)].append(Int32(i))
        case .prefix(let id): out.patternsByPrefix[Int(id)].append(Int32(i))
        case .wordClass(let bit):
          let mask = UInt64(1) << UInt64(bit)
          for (id, classes) in out.wordClasses.enumerated() where classes & mask != 0 {
            out.patternsByWord[id].append(Int32(i))
          }
          for (id, classes) in out.prefixClasses.enumerated() where classes & mask != 0 {
            out.patternsByPrefix[id].append(Int32(i))
          }
        case .name: out.patternsByName.append(Int32(i))
        case .number: out.patternsByNumber.append(Int32(i))
        case .any:
          throw LexiconError("a pattern cannot start with '_'", at: pattern.location)
        }
      }
    }
  }
}
