/// A model's summed character n-gram weights for the words met lately, by word: most words recur,
/// so their n-grams are hashed and looked up once, not in every reply. Keep one per thread (an
/// ``AnalysisWorkspace`` has one); it serves one model at a time and starts over for another.
///
/// Direct-mapped by the word's feature key, and each entry keeps its word's bytes, so a lookup is
/// exact: two words that share a slot or a key never share a row. Fixed size (about 224 KB, taken
/// on first use), whatever the input.
struct CharacterRowCache {
  /// The number of entries.
  static let capacity = 4_096
  /// Bytes per entry: the word's length (0: empty), then its bytes.
  static let entryBytes = ReplyFeatures.maxPaddedWord

  /// The model the rows are for (``SignalModel/fingerprint``).
  private var fingerprint: UInt64 = 0
  private var words: [UInt8] = []
  private var rows: [SIMD16<Int16>] = []

  /// An empty cache; it takes its memory on first use.
  init() {}

  /// The row of `word` (whose word-feature key is `key`) for the model with `fingerprint`; on a miss,
  /// `compute` makes it and it is kept.
  @inline(__always)
  mutating func row(
    for word: UnsafeBufferPointer<UInt8>, key: UInt32, model fingerprint: UInt64, compute: () -> SIMD16<Int16>
  ) -> SIMD16<Int16> {
    if words.isEmpty || self.fingerprint != fingerprint {
      words = [UInt8](repeating: 0, count: Self.capacity * Self.entryBytes)
      rows = [SIMD16<Int16>](repeating: .zero, count: Self.capacity)
      self.fingerprint = fingerprint
    }
    let slot = Int(truncatingIfNeeded: (UInt64(key) &* UInt64(Self.capacity)) >> 32)
    let base = slot * Self.entryBytes
    let count = word.count
    let hit = words.withUnsafeBufferPointer { w in
      guard Int(w[base]) == count else { return false }
      for k in 0..<count where w[base + 1 + k] != word[k] { return false }
      return true
    }
    if hit { return rows[slot] }
    let row = compute()
    guard count < Self.entryBytes else { return row }
    words.withUnsafeMutableBufferPointer { w in
      w[base] = UInt8(count)
      for k in 0..<count { w[base + 1 + k] = word[k] }
    }
    rows[slot] = row
    return row
  }
}
