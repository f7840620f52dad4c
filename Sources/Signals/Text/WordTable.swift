/// An open-addressing hash table from byte strings to small integer ids.
///
/// Built once from the lexicon, then only read: lookups take a precomputed FNV-1a hash so the
/// tokenizer can hash each word while it normalizes it.
struct WordTable: Sendable {
  private struct Entry: Sendable {
    var hash: UInt64
    var offset: Int32
    var length: Int32
    var id: Int32
  }

  private var arena: [UInt8] = []
  private var entries: [Entry] = []
  private var slots: [Int32] = Array(repeating: -1, count: 64)
  private var mask: Int = 63

  /// The number of distinct keys.
  var count: Int { entries.count }

  /// FNV-1a offset basis.
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Mixes one byte into an FNV-1a hash.
  @inline(__always)
  static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
  }

  /// The FNV-1a hash of `bytes`.
  static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
    var h = seed
    for b in bytes { h = mix(h, b) }
    return h
  }

  /// The id of `key`, inserting it with `newID` when absent.
  @discardableResult
  mutating func insert(_ key: [UInt8], id newID: Int32) -> Int32 {
    let h = WordTable.hash(key)
    if let found = find(key, hash: h) { return found }
    if (entries.count + 1) * 2 > slots.count { grow() }
    let entry = Entry(hash: h, offset: Int32(arena.count), length: Int32(key.count), id: newID)
    arena.append(contentsOf: key)
    entries.append(entry)
    place(Int32(entries.count - 1), hash: h)
    return newID
  }

  /// The id stored for `key`, if any.
  func find(_ key: [UInt8], hash: UInt64) -> Int32? {
    key.withUnsafeBufferPointer { lookup($0, hash: hash) }
  }

  /// The id stored for the bytes in `key`, if any.
  @inline(__always)
  func lookup(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = slots[slot]
      if index < 0 { return nil }
      let entry = entries[Int(index)]
      if entry.hash == hash && Int(entry.length) == key.count && equalBytes(entry, key) {
        return entry.id
      }
      slot = (slot + 1) & mask
    }
  }

  private func equalBytes(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(entry.offset)
    for i in 0..<key.count where arena[start + i] != key[i] { return false }
    return true
  }

  private mutating func place(_ index: Int32, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = index
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for (i, e) in entries.enumerated() { place(Int32(i), hash: e.hash) }
  }
}
