/// The lexicon's patterns flattened into plain buffers for the matcher's inner loop: no reference
/// counting, no copies of pattern values, one prefilter of required words per pattern.
///
/// Allocated once when the lexicon is built and never mutated afterwards.
package final class MatchTables: @unchecked Sendable {
  /// Element kinds.
  enum Kind: UInt8 {
    case token, gap, sentenceStart, sentenceEnd, questionEnd
  }

  /// Atom kinds (see ``PatternAtom``).
  enum AtomKind: UInt8 {
    case word, prefix, wordClass, name, number, any
  }

  struct Element {
    var kind: Kind
    var optional: Bool
    var gap: UInt8
    var atomStart: Int32
    var atomCount: Int32
    /// The word id when the element is exactly one word (the common case), else -1.
    var singleWord: Int32 = -1
  }

  struct Atom {
    var kind: AtomKind
    var value: Int32
  }

  struct Header {
    var elementStart: Int32
    var elementCount: Int32
    var requiredStart: Int32
    var requiredCount: Int32
    var questionWord: Int32
    var category: EntryCategory
    var weight: Double
    var negatable: Bool
    var entry: Int32
    /// Up to three single words the pattern requires, checked first (-1: none): a quick prefilter
    /// that stays in the header's cache line.
    var quick0: Int32 = -1
    var quick1: Int32 = -1
    var quick2: Int32 = -1
  }

  let headers: UnsafeMutableBufferPointer<Header>
  let elements: UnsafeMutableBufferPointer<Element>
  let atoms: UnsafeMutableBufferPointer<Atom>
  /// Word sets a pattern cannot match without (one word, or one word of a class, of each must
  /// occur in the reply), stored flat as `[count, mask low, mask high, word...]` from each header's
  /// `requiredStart`, `requiredCount` sets.
  let required: UnsafeMutableBufferPointer<Int32>
  /// Per word id, the range of `byWordList` holding patterns that may start with it.
  let byWordStart: UnsafeMutableBufferPointer<Int32>
  let byWordList: UnsafeMutableBufferPointer<Int32>
  let byPrefixStart: UnsafeMutableBufferPointer<Int32>
  let byPrefixList: UnsafeMutableBufferPointer<Int32>
  /// Per prefix id, the range of `ancestorList` holding it and its shorter prefixes.
  let ancestorStart: UnsafeMutableBufferPointer<Int32>
  let ancestorList: UnsafeMutableBufferPointer<Int32>
  let byName: UnsafeMutableBufferPointer<Int32>
  let byNumber: UnsafeMutableBufferPointer<Int32>
  /// Per word id, its class bits; per prefix id, its class bits.
  let wordClasses: UnsafeMutableBufferPointer<UInt64>
  let prefixClasses: UnsafeMutableBufferPointer<UInt64>
  let vocabularySize: Int
  /// Per word id, the range of `triggerList`: patterns whose rarest required word it is.
  let triggerStart: UnsafeMutableBufferPointer<Int32>
  let triggerList: UnsafeMutableBufferPointer<Int32>
  /// Patterns that require no particular word: always worth trying.
  let untriggered: UnsafeMutableBufferPointer<Int32>

  init(
    patterns: [LexiconPattern], patternsByWord: [[Int32]], patternsByPrefix: [[Int32]], prefixAncestors: [[Int32]],
    byName: [Int32], byNumber: [Int32], wordClasses: [UInt64], prefixClasses: [UInt64], commonWords: Set<Int32> = []
  ) {
    // Members of each word class, for requirements: a class with prefix members cannot be one.
    var classMembers = [[Int32]](repeating: [], count: 64)
    for (id, bits) in wordClasses.enumerated() where bits != 0 {
      for bit in 0..<64 where bits & (UInt64(1) << UInt64(bit)) != 0 { classMembers[bit].append(Int32(id)) }
    }
    var classHasPrefix = [Bool](repeating: false, count: 64)
    for bits in prefixClasses where bits != 0 {
      for bit in 0..<64 where bits & (UInt64(1) << UInt64(bit)) != 0 { classHasPrefix[bit] = true }
    }
    var headers: [Header] = []
    var elements: [Element] = []
    var atoms: [Atom] = []
    var required: [Int32] = []
    var requirementSets: [[Int32]] = []
    var setEncodings: [(UInt64, [Int32])] = []
    var requiredStartForPattern: [Int32] = []
    var setStarts: [Int32] = []
    var setsByPattern: [[Int]] = []
    for pattern in patterns {
      let elementStart = Int32(elements.count)
      let firstSet = requirementSets.count
      for element in pattern.elements {
        switch element {
        case .gap(let n):
          elements.append(Element(kind: .gap, optional: false, gap: UInt8(n), atomStart: 0, atomCount: 0))
        case .sentenceStart:
          elements.append(Element(kind: .sentenceStart, optional: false, gap: 0, atomStart: 0, atomCount: 0))
        case .sentenceEnd(let q):
          elements.append(Element(kind: q ? .questionEnd : .sentenceEnd, optional: false, gap: 0, atomStart: 0, atomCount: 0))
        case .token(let list, let optional):
          let atomStart = Int32(atoms.count)
          for atom in list {
            switch atom {
            case .word(let id): atoms.append(Atom(kind: .word, value: id))
            case .prefix(let id): atoms.append(Atom(kind: .prefix, value: id))
            case .wordClass(let bit): atoms.append(Atom(kind: .wordClass, value: Int32(bit)))
            case .name: atoms.append(Atom(kind: .name, value: 0))
            case .number: atoms.append(Atom(kind: .number, value: 0))
            case .any: atoms.append(Atom(kind: .any, value: 0))
            }
          }
          // A required element made only of words: one of them must occur in the reply.
          var ids: [Int32] = []
          var words: [Int32] = []
          var mask: UInt64 = 0
          var isWordSet = true
          for atom in list {
            switch atom {
            case .word(let id):
              ids.append(id)
              words.append(id)
            case .wordClass(let bit) where !classHasPrefix[bit]:
              ids += classMembers[bit]
              mask |= UInt64(1) << UInt64(bit)
            default: isWordSet = false
            }
          }
          if !optional && isWordSet && !ids.isEmpty {
            requirementSets.append(ids)
            setEncodings.append((mask, words))
            requiredStartForPattern.append(Int32(headers.count))
          }
          var single: Int32 = -1
          if list.count == 1, case .word(let id) = list[0] { single = id }
          elements.append(
            Element(
              kind: .token, optional: optional, gap: 0, atomStart: atomStart, atomCount: Int32(list.count),
              singleWord: single))
        }
      }
      setsByPattern.append(Array(firstSet..<requirementSets.count))
      // Sets are stored flat: [count, word, word, ...] per set.
      let requiredStart = Int32(required.count)
      // Each set: [word count, class mask low, class mask high, words...].
      for (mask, words) in setEncodings[firstSet...] {
        setStarts.append(Int32(required.count))
        required.append(Int32(words.count))
        required.append(Int32(bitPattern: UInt32(truncatingIfNeeded: mask)))
        required.append(Int32(bitPattern: UInt32(truncatingIfNeeded: mask >> 32)))
        required += words
      }
      let singles = setEncodings[firstSet...].filter { $0.0 == 0 && $0.1.count == 1 }.map { $0.1[0] }
      headers.append(
        Header(
          elementStart: elementStart, elementCount: Int32(elements.count) - elementStart, requiredStart: requiredStart,
          requiredCount: Int32(requirementSets.count - firstSet), questionWord: pattern.questionWord,
          category: pattern.category, weight: pattern.weight, negatable: pattern.negatable, entry: pattern.entry,
          quick0: singles.count > 0 ? singles[0] : -1, quick1: singles.count > 1 ? singles[1] : -1,
          quick2: singles.count > 2 ? singles[2] : -1))
    }
    func flatten(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
      var starts: [Int32] = []
      var flat: [Int32] = []
      for list in lists {
        starts.append(Int32(flat.count))
        flat += list
      }
      starts.append(Int32(flat.count))
      return (starts, flat)
    }
    // Each pattern is triggered by the words of its rarest required element: the one whose words
    // the fewest patterns require.
    // A word's cost is how often it would trigger: the patterns requiring it, and far more for
    // the words nearly every reply contains ("i", "you", "not"...).
    var uses = [Int](repeating: 0, count: wordClasses.count)
    for set in requirementSets { for w in set { uses[Int(w)] += 1 } }
    for w in commonWords where Int(w) < uses.count { uses[Int(w)] += 10_000 }
    var triggers = [[Int32]](repeating: [], count: wordClasses.count)
    var untriggered: [Int32] = []
    for (p, sets) in setsByPattern.enumerated() {
      let rarest = sets.min { a, b in
        requirementSets[a].map { uses[Int($0)] }.reduce(0, +) < requirementSets[b].map { uses[Int($0)] }.reduce(0, +)
      }
      if let rarest {
        for w in Set(requirementSets[rarest]) { triggers[Int(w)].append(Int32(p)) }
      } else {
        untriggered.append(Int32(p))
      }
    }
    _ = requiredStartForPattern
    _ = setStarts
    let (ts, tl) = flatten(triggers)
    triggerStart = Self.copy(ts)
    triggerList = Self.copy(tl)
    self.untriggered = Self.copy(untriggered)
    let (ws, wl) = flatten(patternsByWord)
    let (ps, pl) = flatten(patternsByPrefix)
    let (asStart, al) = flatten(prefixAncestors)
    self.headers = Self.copy(headers)
    self.elements = Self.copy(elements)
    self.atoms = Self.copy(atoms)
    self.required = Self.copy(required)
    byWordStart = Self.copy(ws)
    byWordList = Self.copy(wl)
    byPrefixStart = Self.copy(ps)
    byPrefixList = Self.copy(pl)
    ancestorStart = Self.copy(asStart)
    ancestorList = Self.copy(al)
    self.byName = Self.copy(byName)
    self.byNumber = Self.copy(byNumber)
    self.wordClasses = Self.copy(wordClasses)
    self.prefixClasses = Self.copy(prefixClasses)
    vocabularySize = wordClasses.count
  }

  deinit {
    headers.deallocate()
    elements.deallocate()
    atoms.deallocate()
    for buffer in [triggerStart, triggerList, untriggered, required, byWordStart, byWordList, byPrefixStart, byPrefixList, ancestorStart, ancestorList, byName, byNumber] {
      buffer.deallocate()
    }
    wordClasses.deallocate()
    prefixClasses.deallocate()
  }

  private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
    _ = buffer.initialize(from: array)
    return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
  }

  /// Whether the prefix `token` (an id) has `ancestor` among its prefixes.
  @inline(__always)
  func prefix(_ token: Int32, matches ancestor: Int32) -> Bool {
    if token < 0 { return false }
    let start = Int(ancestorStart[Int(token)])
    let end = Int(ancestorStart[Int(token) + 1])
    for k in start..<end where ancestorList[k] == ancestor { return true }
    return false
  }
}
