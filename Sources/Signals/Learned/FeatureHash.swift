/// FNV-1a hashing of feature strings into 32-bit keys: a tag byte (what kind of feature) and then bytes.
///
/// The model stores weights by these keys, so the hash is part of the model format: changing it
/// needs a new format version.
struct FeatureHash {
  private(set) var value: UInt32

  /// Starts a hash for a feature of kind `tag` (`w` word, `b` word pair, `c` character n-gram...).
  @inline(__always)
  init(tag: UInt8) {
    value = 2_166_136_261
    add(tag)
  }

  @inline(__always)
  mutating func add(_ byte: UInt8) {
    value = (value ^ UInt32(byte)) &* 16_777_619
  }

  @inline(__always)
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
    for b in bytes { add(b) }
  }

  /// The key: never 0, which marks an empty slot in the model's table.
  @inline(__always)
  var key: UInt32 { value == 0 ? 1 : value }
}
