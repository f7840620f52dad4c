/// The concept lexicon (Scripts/data/concepts.txt): words and short phrases grouped by meaning, so
/// the learned model can weigh a meaning ("legal consequences", "ending and absence") and carry it
/// over to words it never saw in training.
///
/// Text format: `concept NAME: entry, entry, ...` per line, `#` comments; entries of one to three
/// words, normalized as replies are (lower case, accents folded, apostrophes dropped).
public struct ConceptTable: Sendable {
  /// The longest entry, in words.
  static let maxPhraseWords = 3

  /// Concept names in file order.
  public let names: [String]
  /// Per concept: the feature key the model weighs it by (from the name, so independent of order).
  let keys: [UInt32]
  /// Per concept: the key of the concept inside a negation scope.
  let negatedKeys: [UInt32]
  /// Open-addressing table of phrase hashes (normalized words joined by single spaces; 0 = empty)
  /// and, per slot, the range of its concepts in `conceptLists`.
  private let slots: [UInt32]
  private let ranges: [(start: Int32, count: Int32)]
  private let conceptLists: [Int32]
  /// Open-addressing set of the hashes of the first one or two words of the longer entries (0 =
  /// empty): a phrase that is not among them cannot grow into an entry, so the lookup stops there.
  private let prefixSlots: [UInt32]

  /// The number of entries.
  public let entryCount: Int

  /// The word every concept line starts with.
  private static let conceptKeyword = Array("concept ".utf8)

  /// Parses concept lexicon text.
  /// - Throws: ``ModelError`` naming the line of the first malformed entry.
  public init(text: String, source: String) throws(ModelError) {
    var names: [String] = []
    var entries: [UInt32: [Int32]] = [:]
    var prefixes = Set<UInt32>()
    var scanner = WordScanner()
    // Read as UTF-8 bytes, line by line: splitting the String by Characters was most of the cost
    // of loading the built-in concepts (about 5 ms of every start-up that reads a reply).
    let bytes = Array(text.utf8)
    for (number, lineRange) in LineRanges(bytes) {
      let lineEnd = lineRange.upperBound
      var first = lineRange.lowerBound
      while first < lineEnd && (bytes[first] == 0x20 || bytes[first] == 0x09) { first += 1 }
      if first == lineEnd || bytes[first] == UInt8(ascii: "#") { continue }
      let line = bytes[first..<lineEnd]
      guard line.starts(with: Self.conceptKeyword), let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
        throw ModelError(source: "\(source):\(number)", message: "expected `concept NAME: entry, entry, ...`")
      }
      let name = String(decoding: bytes[(first + Self.conceptKeyword.count)..<colon], as: UTF8.self).trimmingSpaces()
      guard !name.isEmpty, name.utf8.allSatisfy({ $0 == 0x5F || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) })
      else {
        throw ModelError(source: "\(source):\(number)", message: "a concept name is lower-case letters, digits and _")
      }
      guard !names.contains(name) else {
        throw ModelError(source: "\(source):\(number)", message: "concept '\(name)' is defined twice")
      }
      let id = Int32(names.count)
      names.append(name)
      var entryStart = colon + 1
      while entryStart <= lineEnd {
        var entryEnd = entryStart
        while entryEnd < lineEnd && bytes[entryEnd] != UInt8(ascii: ",") { entryEnd += 1 }
        defer { entryStart = entryEnd + 1 }
        bytes.withUnsafeBufferPointer { scanner.scan(UnsafeBufferPointer(rebasing: $0[entryStart..<entryEnd])) }
        guard (1...Self.maxPhraseWords).contains(scanner.spans.count) else {
          if scanner.spans.isEmpty { continue }
          let entry = String(decoding: bytes[entryStart..<entryEnd], as: UTF8.self).trimmingSpaces()
          throw ModelError(source: "\(source):\(number)", message: "'\(entry)' has more than \(Self.maxPhraseWords) words")
        }
        var h = FeatureHash(tag: UInt8(ascii: "P"))
        for i in scanner.spans.indices {
          if i > 0 {
            prefixes.insert(h.key)
            h.add(UInt8(ascii: " "))
          }
          scanner.withWord(i) { h.add($0) }
        }
        if !(entries[h.key]?.contains(id) ?? false) { entries[h.key, default: []].append(id) }
      }
    }
    self.names = names
    var capacity = 16
    while capacity < entries.count * 2 { capacity <<= 1 }
    var slots = [UInt32](repeating: 0, count: capacity)
    var ranges = [(start: Int32, count: Int32)](repeating: (0, 0), count: capacity)
    var lists: [Int32] = []
    for (key, concepts) in entries.sorted(by: { $0.key < $1.key }) {
      var slot = Int(key) & (capacity - 1)
      while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
      slots[slot] = key
      ranges[slot] = (Int32(lists.count), Int32(concepts.count))
      lists.append(contentsOf: concepts)
    }
    self.slots = slots
    self.ranges = ranges
    var prefixCapacity = 16
    while prefixCapacity < prefixes.count * 2 { prefixCapacity <<= 1 }
    var prefixSlots = [UInt32](repeating: 0, count: prefixCapacity)
    for key in prefixes.sorted() {
      var slot = Int(key) & (prefixCapacity - 1)
      while prefixSlots[slot] != 0 { slot = (slot + 1) & (prefixCapacity - 1) }
      prefixSlots[slot] = key
    }
    self.prefixSlots = prefixSlots
    conceptLists = lists
    entryCount = entries.count
    keys = names.map { Self.key(tag: "C", $0) }
    negatedKeys = names.map { Self.key(tag: "N", $0) }
  }

  private static func key(tag: Character, _ name: String) -> UInt32 {
    var h = FeatureHash(tag: tag.asciiValue ?? 0)
    for b in name.utf8 { h.add(b) }
    return h.key
  }

  /// Where the concepts of the phrase whose hash is `key` are in ``conceptLists`` (empty when none).
  @inline(__always)
  func conceptRange(_ key: UInt32) -> Range<Int> {
    guard let slot = slots.withUnsafeBufferPointer({ Self.slot(of: key, in: $0) }) else { return 0..<0 }
    let r = ranges[slot]
    return Int(r.start)..<Int(r.start + r.count)
  }

  /// Whether a phrase whose hash is `key` begins a longer entry.
  @inline(__always)
  func isPrefix(_ key: UInt32) -> Bool {
    prefixSlots.withUnsafeBufferPointer { Self.slot(of: key, in: $0) } != nil
  }

  /// The slot holding `key` in an open-addressing table of a power of two slots (0 = empty), or nil.
  @inline(__always)
  private static func slot(of key: UInt32, in slots: UnsafeBufferPointer<UInt32>) -> Int? {
    let mask = slots.count - 1
    var slot = Int(key) & mask
    while true {
      let k = slots[slot]
      if k == key { return slot }
      if k == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }

  /// Calls `body` with the concept lists and the concepts' keys and negated keys, for lookups
  /// without reference counting in a loop.
  @inline(__always)
  func withTables<R>(
    _ body: (_ lists: UnsafeBufferPointer<Int32>, _ keys: UnsafeBufferPointer<UInt32>, _ negated: UnsafeBufferPointer<UInt32>) -> R
  ) -> R {
    conceptLists.withUnsafeBufferPointer { lists in
      keys.withUnsafeBufferPointer { keys in negatedKeys.withUnsafeBufferPointer { body(lists, keys, $0) } }
    }
  }

  /// The concept lexicon embedded in the binary.
  public static let builtIn: ConceptTable = {
    do {
      return try ConceptTable(text: BuiltInConcepts.text, source: "<built-in concepts>")
    } catch {
      preconditionFailure("the built-in concept lexicon does not parse: \(error)")
    }
  }()
}

