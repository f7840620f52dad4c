/// A lexicon pattern found in a reply: token range [start, end) and the compiled pattern.
package struct PatternMatch: Sendable {
  var pattern: Int32
  var start: Int32
  var end: Int32
  var weight: Double
}

/// Finds every lexicon pattern in a token stream.
///
/// Candidates come from an index by first word; a pattern is tried only when every word it
/// requires occurs somewhere in the reply (a bitset of the reply's words).
package struct PatternMatcher {
  let tables: MatchTables

  package init(tables: MatchTables) {
    self.tables = tables
  }

  /// Appends every match of every pattern to `matches`. `present` and `viable` are scratch bitsets
  /// (all zero on entry and on return) over the vocabulary and the patterns.
  ///
  /// Two steps: the patterns whose required words all occur in the reply (found through each
  /// pattern's rarest required word), then each of those tried where its first word matches.
  package func findAll(
    in tokens: [Token], questionWords: Set<Int32>, present: inout [UInt64], viable: inout [UInt64],
    candidates: inout [Int32], into matches: inout [PatternMatch]
  ) {
    let words = (tables.vocabularySize + 63) / 64
    if present.count < words { present = [UInt64](repeating: 0, count: words) }
    let patternWords = (tables.headers.count + 63) / 64
    if viable.count < patternWords { viable = [UInt64](repeating: 0, count: patternWords) }
    candidates.removeAll(keepingCapacity: true)
    tokens.withUnsafeBufferPointer { t in
      present.withUnsafeMutableBufferPointer { bits in
        viable.withUnsafeMutableBufferPointer { seen in
          var presentClasses: UInt64 = 0
          for token in t where token.word >= 0 {
            bits[Int(token.word) >> 6] |= 1 << UInt64(token.word & 63)
            presentClasses |= token.classes
          }
          let presentBits = UnsafeBufferPointer(bits)
          for token in t where token.word >= 0 {
            let w = Int(token.word)
            for k in Int(tables.triggerStart[w])..<Int(tables.triggerStart[w + 1]) {
              let p = Int(tables.triggerList[k])
              if seen[p >> 6] & (1 << UInt64(p & 63)) != 0 { continue }
              seen[p >> 6] |= 1 << UInt64(p & 63)
              if requirementsMet(p, presentBits, presentClasses) { candidates.append(Int32(p)) }
            }
          }
          for token in t where token.word >= 0 {
            bits[Int(token.word) >> 6] = 0
            let w = Int(token.word)
            for k in Int(tables.triggerStart[w])..<Int(tables.triggerStart[w + 1]) {
              seen[Int(tables.triggerList[k]) >> 6] = 0
            }
          }
        }
      }
      for p in tables.untriggered { candidates.append(p) }
      // Few candidates (a usual reply): scan the reply once per candidate. Many candidates in a
      // long reply: start from each token's own patterns instead, so the cost stays linear.
      if candidates.count * t.count <= 64 * 1024 {
        for p in candidates { tryPattern(p, t, questionWords, &matches) }
      } else {
        viable.withUnsafeMutableBufferPointer { ok in
          for p in candidates { ok[Int(p) >> 6] |= 1 << UInt64(p & 63) }
          matchByIndex(t, UnsafeBufferPointer(ok), questionWords, &matches)
          for p in candidates { ok[Int(p) >> 6] = 0 }
        }
      }
    }
  }

  /// Tries, at every token, the viable patterns whose first element can be that token.
  private func matchByIndex(
    _ t: UnsafeBufferPointer<Token>, _ viable: UnsafeBufferPointer<UInt64>, _ questionWords: Set<Int32>,
    _ matches: inout [PatternMatch]
  ) {
    func attempt(_ p: Int32, _ i: Int) {
      if viable[Int(p) >> 6] & (1 << UInt64(p & 63)) == 0 { return }
      let header = tables.headers[Int(p)]
      if header.questionWord != Token.unknown && !questionWords.contains(header.questionWord) { return }
      var first = Int(header.elementStart)
      let last = first + Int(header.elementCount)
      if tables.elements[first].kind == .sentenceStart {
        if !t[i].flags.contains(.sentenceStart) { return }
        first += 1
      }
      if !accepts(tables.elements[first], t[i]) { return }
      if let end = match(first + 1, last, i + 1, t) {
        matches.append(PatternMatch(pattern: p, start: Int32(i), end: Int32(end), weight: header.weight))
      }
    }
    for i in 0..<t.count {
      let token = t[i]
      if token.isEnd { continue }
      if token.word >= 0 {
        let w = Int(token.word)
        for k in Int(tables.byWordStart[w])..<Int(tables.byWordStart[w + 1]) { attempt(tables.byWordList[k], i) }
      }
      if token.prefix >= 0 {
        let p = Int(token.prefix)
        for a in Int(tables.ancestorStart[p])..<Int(tables.ancestorStart[p + 1]) {
          let ancestor = Int(tables.ancestorList[a])
          for k in Int(tables.byPrefixStart[ancestor])..<Int(tables.byPrefixStart[ancestor + 1]) {
            attempt(tables.byPrefixList[k], i)
          }
        }
      }
      if token.word == Token.unknown && token.flags.contains(.capitalized) {
        for p in tables.byName { attempt(p, i) }
      }
      if token.flags.contains(.number) {
        for p in tables.byNumber { attempt(p, i) }
      }
    }
  }

  @inline(__always)
  private func requirementsMet(_ p: Int, _ bits: UnsafeBufferPointer<UInt64>, _ classes: UInt64) -> Bool {
    let header = tables.headers[p]
    @inline(__always) func absent(_ w: Int32) -> Bool { w >= 0 && bits[Int(w) >> 6] & (1 << UInt64(w & 63)) == 0 }
    if absent(header.quick0) || absent(header.quick1) || absent(header.quick2) { return false }
    var k = Int(header.requiredStart)
    for _ in 0..<Int(header.requiredCount) {
      let count = Int(tables.required[k])
      let mask = UInt64(UInt32(bitPattern: tables.required[k + 1])) | UInt64(UInt32(bitPattern: tables.required[k + 2])) << 32
      k += 2
      var any = classes & mask != 0
      if !any {
        for j in (k + 1)..<(k + 1 + count) {
          let w = tables.required[j]
          if bits[Int(w) >> 6] & (1 << UInt64(w & 63)) != 0 {
            any = true
            break
          }
        }
      }
      if !any { return false }
      k += 1 + count
    }
    return true
  }

  /// Tries pattern `p` at every token its first element matches.
  @inline(__always)
  private func tryPattern(
    _ p: Int32, _ t: UnsafeBufferPointer<Token>, _ questionWords: Set<Int32>, _ matches: inout [PatternMatch]
  ) {
    let header = tables.headers[Int(p)]
    if header.questionWord != Token.unknown && !questionWords.contains(header.questionWord) { return }
    var first = Int(header.elementStart)
    let last = first + Int(header.elementCount)
    let anchored = tables.elements[first].kind == .sentenceStart
    if anchored { first += 1 }
    let head = tables.elements[first]
    for i in 0..<t.count {
      let token = t[i]
      if head.singleWord >= 0 {
        if token.word != head.singleWord { continue }
      } else if token.isEnd || !accepts(head, token) {
        continue
      }
      if anchored && !token.flags.contains(.sentenceStart) { continue }
      if let end = match(first + 1, last, i + 1, t) {
        matches.append(PatternMatch(pattern: p, start: Int32(i), end: Int32(end), weight: header.weight))
      }
    }
  }

  /// Matches elements[e..<last] at token i; returns the end token index (exclusive) of the first match.
  private func match(_ e: Int, _ last: Int, _ i: Int, _ t: UnsafeBufferPointer<Token>) -> Int? {
    if e == last { return i }
    let element = tables.elements[e]
    switch element.kind {
    case .sentenceStart:
      return i < t.count && t[i].flags.contains(.sentenceStart) ? match(e + 1, last, i, t) : nil
    case .sentenceEnd, .questionEnd:
      guard i < t.count, t[i].isEnd else { return nil }
      if element.kind == .questionEnd && !t[i].flags.contains(.question) { return nil }
      return match(e + 1, last, i, t)
    case .gap:
      var j = i
      for _ in 0...Int(element.gap) {
        if let end = match(e + 1, last, j, t) { return end }
        if j >= t.count || t[j].isEnd { return nil }
        j += 1
      }
      return nil
    case .token:
      if i < t.count && !t[i].isEnd && accepts(element, t[i]), let end = match(e + 1, last, i + 1, t) {
        return end
      }
      return element.optional ? match(e + 1, last, i, t) : nil
    }
  }

  @inline(__always)
  private func accepts(_ element: MatchTables.Element, _ token: Token) -> Bool {
    if element.singleWord >= 0 { return token.word == element.singleWord }
    let start = Int(element.atomStart)
    for k in start..<(start + Int(element.atomCount)) {
      let atom = tables.atoms[k]
      switch atom.kind {
      case .word: if token.word == atom.value { return true }
      case .prefix: if tables.prefix(token.prefix, matches: atom.value) { return true }
      case .wordClass: if token.classes & (UInt64(1) << UInt64(atom.value)) != 0 { return true }
      case .name:
        if token.word == Token.unknown && token.flags.contains(.capitalized) && !token.flags.contains(.allCaps) { return true }
      case .number: if token.flags.contains(.number) { return true }
      case .any: return true
      }
    }
    return false
  }
}
