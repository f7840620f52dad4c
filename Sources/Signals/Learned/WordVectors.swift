/// Static word vectors: a point in a space of meaning for each of about 24,000 words, so the learned
/// model can carry a sign it learned from some words over to words of like meaning it never saw in
/// training ("exhausted" near "tired", "bruises" near "hit").
///
/// Distilled once from a sentence encoder by `Scripts/data/word-vectors/distill.py` (each word run
/// alone through all-MiniLM-L6-v2, reduced by PCA, frequent words weighted down) and embedded in the
/// binary; nothing of the encoder runs here. Keys are the reply features' word hashes, so a word is
/// looked up by the hash ``ReplyFeatures`` already computes.
///
/// File format (little-endian): "RKWV", u32 version 1, u32 count, u32 dimensions, f32 x dimensions
/// scales, u32 x count keys, i8 x (count x dimensions) vectors.
public struct WordVectors: Sendable {
  /// The number of dimensions of a vector.
  public let dimensions: Int
  /// The number of words.
  public let count: Int
  /// Per dimension: the value of one quantization step.
  let scales: [Float]
  /// Open-addressing table: word keys (0 = empty) and their rows.
  private let slots: [UInt32]
  private let rows: [Int32]
  /// Quantized vectors, `dimensions` per row.
  let vectors: [Int8]

  static let magic = Array("RKWV".utf8)

  /// Reads word vectors from bytes.
  /// - Throws: ``ModelError`` when the bytes are not word vectors of this format.
  public init(encoded bytes: [UInt8], source: String) throws(ModelError) {
    guard bytes.count >= 16, Array(bytes[0..<4]) == Self.magic else {
      throw ModelError(source: source, message: "not a Rekindle word-vector file (it does not start with RKWV)")
    }
    var reader = ByteReader(bytes: bytes, source: source)
    reader.offset = 4
    guard try reader.u32() == 1 else { throw ModelError(source: source, message: "unknown word-vector version") }
    let count = Int(try reader.u32())
    let dimensions = Int(try reader.u32())
    guard (1...1024).contains(dimensions), count <= (bytes.count - 16) / (4 + dimensions) else {
      throw ModelError(source: source, message: "the word-vector file is cut off or its sizes are out of range")
    }
    var scales: [Float] = []
    for _ in 0..<dimensions { scales.append(try reader.f32()) }
    guard scales.allSatisfy({ $0.isFinite && $0 > 0 }) else {
      throw ModelError(source: source, message: "the word-vector scales are out of range")
    }
    var capacity = 16
    while capacity < count * 2 { capacity <<= 1 }
    var slots = [UInt32](repeating: 0, count: capacity)
    var rows = [Int32](repeating: -1, count: capacity)
    for row in 0..<count {
      let key = try reader.u32()
      guard key != 0 else { throw ModelError(source: source, message: "the word-vector file has an empty key") }
      var slot = Int(key) & (capacity - 1)
      while slots[slot] != 0 {
        guard slots[slot] != key else { throw ModelError(source: source, message: "the word-vector file repeats a word") }
        slot = (slot + 1) & (capacity - 1)
      }
      slots[slot] = key
      rows[slot] = Int32(row)
    }
    let vectors = try reader.bytes(count * dimensions).map { Int8(bitPattern: $0) }
    guard reader.offset == bytes.count else {
      throw ModelError(source: source, message: "the word-vector file has \(bytes.count - reader.offset) bytes past its end")
    }
    self.dimensions = dimensions
    self.count = count
    self.scales = scales
    self.slots = slots
    self.rows = rows
    self.vectors = vectors
  }

  /// The row of the word whose reply-feature key is `key`, or -1 when the word has no vector.
  @inline(__always)
  func row(_ key: UInt32) -> Int {
    let mask = slots.count - 1
    var slot = Int(key) & mask
    while true {
      let k = slots[slot]
      if k == key { return Int(rows[slot]) }
      if k == 0 { return -1 }
      slot = (slot + 1) & mask
    }
  }

  /// Adds the vector of `row`, dequantized, to `sum`.
  @inline(__always)
  func add(row: Int, into sum: inout [Float]) {
    vectors.withUnsafeBufferPointer { v in
      let base = row * dimensions
      for d in 0..<dimensions { sum[d] += Float(v[base + d]) * scales[d] }
    }
  }

  /// The dot product of the vector of `row` with `weights` (one per dimension).
  @inline(__always)
  func dot(row: Int, _ weights: [Float]) -> Float {
    var total: Float = 0
    let base = row * dimensions
    for d in 0..<dimensions { total += Float(vectors[base + d]) * scales[d] * weights[d] }
    return total
  }

  /// The vectors embedded in the binary, decoded on first use; nil only in a build made without them.
  public static let builtIn: WordVectors? = {
    guard !BuiltInWordVectors.base64.isEmpty else { return nil }
    guard let bytes = Base64.decode(BuiltInWordVectors.base64) else {
      preconditionFailure("the built-in word vectors are not valid base64")
    }
    do {
      return try WordVectors(encoded: bytes, source: "<built-in word vectors>")
    } catch {
      preconditionFailure("the built-in word vectors do not decode: \(error)")
    }
  }()
}
