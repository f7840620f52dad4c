/// Splits a reply's UTF-8 bytes into normalized word tokens and sentence ends, in one pass.
///
/// Commas, dashes, colons and quotes are not tokens: they mark the next word as a clause start.
/// Contractions and texting spellings are expanded through the lexicon ("idk" to "i do not know"),
/// every expanded token keeping the source span of the word it came from.
package struct Tokenizer {
  let lexicon: Lexicon
  private let notID: Int32

  package init(lexicon: Lexicon) {
    self.lexicon = lexicon
    notID = lexicon.wordID("not")
  }

  /// Tokenizes `text` (valid UTF-8) into `tokens`, replacing its contents.
  package func tokenize(_ text: UnsafeBufferPointer<UInt8>, into tokens: inout [Token], scratch: inout [UInt8]) {
    tokens.removeAll(keepingCapacity: true)
    var pending: Token.Flags = [.sentenceStart, .clauseStart]
    var i = 0
    let n = text.count
    var wordStart = -1
    var emojiPrevious = false

    func endSentence(at position: Int, flags: Token.Flags) {
      if let last = tokens.last, last.isEnd {
        tokens[tokens.count - 1].flags.formUnion(flags)
        tokens[tokens.count - 1].flags.insert(.repeated)
        tokens[tokens.count - 1].end = UInt32(position + 1)
      } else if !tokens.isEmpty {
        tokens.append(Token(word: Token.end, prefix: -1, classes: 0, start: UInt32(position), end: UInt32(position + 1), flags: flags))
      }
      pending = [.sentenceStart, .clauseStart]
    }

    while i < n {
      let b = text[i]
      let length: Int
      var kind = ByteKind.separator
      if b < 0x80 {
        length = 1
        kind = ByteClass.ascii[Int(b)]
        if kind == .apostrophe {
          // Inside a word only when a letter follows and a word is open.
          kind = (wordStart >= 0 && i + 1 < n && ByteClass.isWordByte(text[i + 1])) ? .word : .separator
        } else if kind == .dot {
          // A dot between digits is part of a number; three dots or one end a sentence.
          kind = (wordStart >= 0 && i + 1 < n && text[i + 1] >= 0x30 && text[i + 1] <= 0x39) ? .word : .sentenceEnd
        }
      } else {
        length = ByteClass.sequenceLength(b, available: n - i)
        kind = ByteClass.classify(text, at: i, length: length)
        if kind == .apostrophe {
          kind = (wordStart >= 0 && i + length < n && ByteClass.isWordByte(text[i + length])) ? .word : .separator
        }
      }

      if kind != .word && wordStart >= 0 {
        flushWord(text, from: wordStart, to: i, pending: &pending, tokens: &tokens, scratch: &scratch)
        wordStart = -1
      }
      switch kind {
      case .word:
        if wordStart < 0 { wordStart = i }
        emojiPrevious = false
      case .joiner:
        // Zero-width joiners, variation selectors and skin tones belong to the emoji before them.
        if emojiPrevious, var last = tokens.popLast() {
          last.end = UInt32(i + length)
          tokens.append(last)
        }
      case .emoji:
        emitEmoji(text, from: i, length: length, pending: &pending, tokens: &tokens)
        emojiPrevious = true
      case .clauseBreak:
        pending.insert(.clauseStart)
        emojiPrevious = false
      case .sentenceEnd, .dot:
        endSentence(at: i, flags: [])
        emojiPrevious = false
      case .question:
        endSentence(at: i, flags: .question)
        emojiPrevious = false
      case .exclamation:
        endSentence(at: i, flags: .exclamation)
        emojiPrevious = false
      case .separator, .apostrophe:
        emojiPrevious = false
      }
      i += length
    }
    if wordStart >= 0 {
      flushWord(text, from: wordStart, to: n, pending: &pending, tokens: &tokens, scratch: &scratch)
    }
    if let last = tokens.last, !last.isEnd {
      tokens.append(Token(word: Token.end, prefix: -1, classes: 0, start: UInt32(n), end: UInt32(n), flags: []))
    }
  }

  // MARK: - Words

  private func flushWord(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, pending: inout Token.Flags,
    tokens: inout [Token], scratch: inout [UInt8]
  ) {
    scratch.removeAll(keepingCapacity: true)
    let shapeFlags = WordShape.normalize(UnsafeBufferPointer(rebasing: text[start..<end]), into: &scratch)
    var flags = pending.union(shapeFlags)
    pending = []
    if let first = scratch.first, first >= 0x30 && first <= 0x39 { flags.insert(.number) }
    let s = UInt32(start)
    let e = UInt32(end)
    scratch.withUnsafeBufferPointer { word in
      let id = lookupWord(word)
      if id >= 0 {
        let expansion = lexicon.expansions[Int(id)]
        if !expansion.isEmpty {
          for (k, part) in expansion.enumerated() {
            tokens.append(makeToken(part, prefix: -1, start: s, end: e, flags: k == 0 ? flags : [.expanded]))
          }
          return
        }
        tokens.append(makeToken(id, prefix: lexicon.wordPrefix[Int(id)], start: s, end: e, flags: flags))
        return
      }
      if let split = Contraction.split(word) {
        let stemID: Int32
        if let stem = split.stem {
          stemID = lexicon.wordID(stem)
        } else {
          stemID = lookupWord(UnsafeBufferPointer(rebasing: word[0..<split.stemLength]))
        }
        let stemPrefix = split.stem == nil ? lookupPrefix(UnsafeBufferPointer(rebasing: word[0..<split.stemLength])) : -1
        // A stem like "dont" may itself expand ("do not").
        if stemID >= 0 && !lexicon.expansions[Int(stemID)].isEmpty {
          for (k, part) in lexicon.expansions[Int(stemID)].enumerated() {
            tokens.append(makeToken(part, prefix: -1, start: s, end: e, flags: k == 0 ? flags : [.expanded]))
          }
        } else {
          tokens.append(makeToken(stemID, prefix: stemPrefix, start: s, end: e, flags: flags))
        }
        if let suffix = split.suffix.word {
          tokens.append(makeToken(lexicon.wordID(suffix), prefix: -1, start: s, end: e, flags: [.expanded]))
        }
        return
      }
      tokens.append(makeToken(Token.unknown, prefix: lookupPrefix(word), start: s, end: e, flags: flags))
    }
  }

  @inline(__always)
  private func makeToken(_ id: Int32, prefix: Int32, start: UInt32, end: UInt32, flags: Token.Flags) -> Token {
    var classes: UInt64 = id >= 0 && Int(id) < lexicon.wordClasses.count ? lexicon.wordClasses[Int(id)] : 0
    if prefix >= 0 { classes |= lexicon.prefixClasses[Int(prefix)] }
    return Token(word: id, prefix: prefix, classes: classes, start: start, end: end, flags: flags)
  }

  @inline(__always)
  private func lookupWord(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
    var h = WordTable.seed
    for b in word { h = WordTable.mix(h, b) }
    return lexicon.words.lookup(word, hash: h) ?? Token.unknown
  }

  /// The longest lexicon prefix `word` starts with (shorter than the word itself or equal), or -1.
  @inline(__always)
  private func lookupPrefix(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
    guard word.count >= lexicon.shortestPrefix else { return -1 }
    var h = WordTable.seed
    var best: Int32 = -1
    for k in 0..<word.count {
      h = WordTable.mix(h, word[k])
      if k + 1 >= lexicon.shortestPrefix && lexicon.prefixFilter[Int(h & 63)] & (UInt64(1) << ((h >> 6) & 63)) != 0 {
        if let id = lexicon.prefixes.lookup(UnsafeBufferPointer(rebasing: word[0...k]), hash: h) { best = id }
      }
    }
    return best
  }

  private func emitEmoji(
    _ text: UnsafeBufferPointer<UInt8>, from start: Int, length: Int, pending: inout Token.Flags, tokens: inout [Token]
  ) {
    let bytes = UnsafeBufferPointer(rebasing: text[start..<(start + length)])
    let id = lookupWord(bytes)
    var flags = pending
    flags.insert(.emoji)
    pending = []
    tokens.append(makeToken(id, prefix: -1, start: UInt32(start), end: UInt32(start + length), flags: flags))
  }
}
