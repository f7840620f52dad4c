/// A lexicon pattern found in a reply: token range [start, end) and the entry.
struct PatternMatch: Sendable {
  var pattern: Int32
  var start: Int32
  var end: Int32
  /// The token positions the pattern's words matched (gaps excluded), for evidence.
  var weight: Double
}

/// Finds every lexicon pattern in a token stream.
struct PatternMatcher {
  let lexicon: Lexicon

  /// Appends every match of every pattern to `matches`.
  func findAll(in tokens: [Token], questionWords: Set<Int32>, into matches: inout [PatternMatch]) {
    tokens.withUnsafeBufferPointer { t in
      for i in 0..<t.count {
        let token = t[i]
        if token.isEnd { continue }
        if token.word >= 0 {
          for p in lexicon.patternsByWord[Int(token.word)] { tryPattern(p, at: i, t, questionWords, &matches) }
        }
        if token.prefix >= 0 {
          for a in lexicon.prefixAncestors[Int(token.prefix)] {
            for p in lexicon.patternsByPrefix[Int(a)] { tryPattern(p, at: i, t, questionWords, &matches) }
          }
        }
        if token.word == Token.unknown && token.flags.contains(.capitalized) && !lexicon.patternsByName.isEmpty {
          for p in lexicon.patternsByName { tryPattern(p, at: i, t, questionWords, &matches) }
        }
        if token.flags.contains(.number) {
          for p in lexicon.patternsByNumber { tryPattern(p, at: i, t, questionWords, &matches) }
        }
      }
    }
  }

  @inline(__always)
  private func tryPattern(
    _ p: Int32, at i: Int, _ t: UnsafeBufferPointer<Token>, _ questionWords: Set<Int32>, _ matches: inout [PatternMatch]
  ) {
    let pattern = lexicon.patterns[Int(p)]
    if pattern.questionWord != Token.unknown && !questionWords.contains(pattern.questionWord) { return }
    var e = 0
    if case .sentenceStart = pattern.elements[0] {
      if !t[i].flags.contains(.sentenceStart) { return }
      e = 1
    }
    if let end = match(pattern.elements, e, i, t) {
      matches.append(PatternMatch(pattern: p, start: Int32(i), end: Int32(end), weight: pattern.weight))
    }
  }

  /// Matches elements[e...] at token i; returns the end token index (exclusive) of the shortest match.
  private func match(_ elements: [PatternElement], _ e: Int, _ i: Int, _ t: UnsafeBufferPointer<Token>) -> Int? {
    if e == elements.count { return i }
    switch elements[e] {
    case .sentenceStart:
      return i < t.count && t[i].flags.contains(.sentenceStart) ? match(elements, e + 1, i, t) : nil
    case .sentenceEnd(let questionOnly):
      guard i < t.count, t[i].isEnd else { return nil }
      if questionOnly && !t[i].flags.contains(.question) { return nil }
      return match(elements, e + 1, i, t)
    case .gap(let maximum):
      var j = i
      for _ in 0...maximum {
        if let end = match(elements, e + 1, j, t) { return end }
        if j >= t.count || t[j].isEnd { return nil }
        j += 1
      }
      return nil
    case .token(let atoms, let optional):
      if i < t.count && !t[i].isEnd && matches(atoms, t[i]), let end = match(elements, e + 1, i + 1, t) {
        return end
      }
      return optional ? match(elements, e + 1, i, t) : nil
    }
  }

  @inline(__always)
  private func matches(_ atoms: [PatternAtom], _ token: Token) -> Bool {
    for atom in atoms {
      switch atom {
      case .word(let id): if token.word == id { return true }
      case .prefix(let id):
        if token.prefix >= 0 && lexicon.prefixAncestors[Int(token.prefix)].contains(id) { return true }
      case .wordClass(let bit): if token.classes & (UInt64(1) << UInt64(bit)) != 0 { return true }
      case .name:
        if token.word == Token.unknown && token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) { return true }
      case .number: if token.flags.contains(.number) { return true }
      case .any: return true
      }
    }
    return false
  }
}
