/// The model file format: little-endian binary, versioned.
///
///     "RKMODEL1"  magic (8 bytes)
///     u32         outputs n (15 for a reply model; 1 to 256)
///     f32 x n     scales, then biases, then thresholds; f32 safety ask threshold
///     u32, bytes  provenance (UTF-8)
///     u32         entry count, then per entry: u32 feature key, n x i8 weights
extension SignalModel {
  static let magic = Array("RKMODEL1".utf8)

  /// The model as bytes, for a file.
  public func encoded() -> [UInt8] {
    var out = Self.magic
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
    func f32(_ v: Float) { u32(v.bitPattern) }
    u32(UInt32(outputs))
    scales.forEach(f32)
    biases.forEach(f32)
    thresholds.forEach(f32)
    f32(safetyAskThreshold)
    let text = Array(provenance.utf8)
    u32(UInt32(text.count))
    out.append(contentsOf: text)
    u32(UInt32(featureCount))
    // Entries in row order, so encoding is deterministic.
    var keyOfRow = [UInt32](repeating: 0, count: featureCount)
    for entry in slots where UInt32(truncatingIfNeeded: entry) != 0 {
      keyOfRow[Int(entry >> 32)] = UInt32(truncatingIfNeeded: entry)
    }
    for (row, key) in keyOfRow.enumerated() {
      u32(key)
      for s in 0..<outputs { out.append(UInt8(bitPattern: weights[row * stride + s])) }
    }
    return out
  }

  /// Reads a model from base64 text (a model embedded in a binary).
  /// - Throws: ``ModelError`` when the text is not base64 of a model with `outputs` outputs.
  public init(base64 text: String, source: String, outputs: Int) throws(ModelError) {
    guard let bytes = Base64.decode(text) else { throw ModelError(source: source, message: "not valid base64") }
    try self.init(encoded: bytes, source: source, outputs: outputs)
  }

  /// Reads a model from bytes; `outputs` is the number of outputs the caller reads (15 for replies).
  /// - Throws: ``ModelError`` when the bytes are not a model of this format.
  public init(encoded bytes: [UInt8], source: String, outputs expected: Int = SignalModel.replyOutputs) throws(ModelError) {
    var reader = ByteReader(bytes: bytes, source: source)
    guard bytes.count >= 8, Array(bytes[0..<8]) == Self.magic else {
      throw ModelError(source: source, message: "not a Rekindle model file (it does not start with RKMODEL1)")
    }
    reader.offset = 8
    let announced = try reader.u32()
    guard announced == UInt32(expected) else {
      throw ModelError(source: source, message: "the model has \(announced) outputs; this one reads \(expected)")
    }
    let outputs = expected
    var scales: [Float] = []
    var biases: [Float] = []
    var thresholds: [Float] = []
    for _ in 0..<outputs { scales.append(try reader.f32()) }
    for _ in 0..<outputs { biases.append(try reader.f32()) }
    for _ in 0..<outputs { thresholds.append(try reader.f32()) }
    let ask = try reader.f32()
    guard (scales + biases + thresholds + [ask]).allSatisfy(\.isFinite),
      (thresholds + [ask]).allSatisfy({ (0...1).contains($0) })
    else {
      throw ModelError(source: source, message: "the model's numbers are out of range")
    }
    let provenanceLength = Int(try reader.u32())
    let provenance = String(decoding: try reader.bytes(provenanceLength), as: UTF8.self)
    let count = Int(try reader.u32())
    guard count <= (bytes.count - reader.offset) / (4 + outputs) else {
      throw ModelError(source: source, message: "the model file is cut off (\(count) features announced)")
    }
    // The table is filled as the rows are read, with no copy of them in between: decoding the
    // built-in model is part of every start-up's peak memory.
    // The rows are read straight from the bytes (the guard above keeps them in range): a slice per
    // field cost a retain and a release each, a third of decoding the built-in model.
    var table = SignalModel.Table(outputs: outputs, count: count)
    let start = reader.offset
    let rowsRead = bytes.withUnsafeBufferPointer { all -> Int? in
      var at = start
      for row in 0..<count {
        let key = UInt32(all[at]) | UInt32(all[at + 1]) << 8 | UInt32(all[at + 2]) << 16 | UInt32(all[at + 3]) << 24
        let weights = UnsafeBufferPointer(rebasing: all[(at + 4)..<(at + 4 + outputs)])
        guard key != 0, table.insert(key: key, row: row, weights: weights) else { return nil }
        at += 4 + outputs
      }
      return at
    }
    guard let end = rowsRead else {
      throw ModelError(source: source, message: "the model file repeats a feature or has an empty one")
    }
    reader.offset = end
    guard reader.offset == bytes.count else {
      throw ModelError(source: source, message: "the model file has \(bytes.count - reader.offset) bytes past its end")
    }
    self.init(
      outputs: outputs, table: table, scales: scales, biases: biases, thresholds: thresholds, safetyAskThreshold: ask,
      provenance: provenance)
  }
}

/// A cursor over bytes that throws ``ModelError`` when they run out.
struct ByteReader {
  let bytes: [UInt8]
  let source: String
  var offset = 0

  mutating func bytes(_ n: Int) throws(ModelError) -> ArraySlice<UInt8> {
    guard n >= 0, n <= bytes.count - offset else {
      throw ModelError(source: source, message: "the model file is cut off at byte \(offset)")
    }
    defer { offset += n }
    return bytes[offset..<(offset + n)]
  }

  mutating func u32() throws(ModelError) -> UInt32 {
    let b = try bytes(4)
    return b.reversed().reduce(0) { $0 << 8 | UInt32($1) }
  }

  mutating func f32() throws(ModelError) -> Float { Float(bitPattern: try u32()) }
}

/// A model file that cannot be read.
public struct ModelError: Error, CustomStringConvertible, Sendable, Equatable {
  public var source: String
  public var message: String

  public init(source: String, message: String) {
    self.source = source
    self.message = message
  }

  public var description: String { "\(source): error: \(message)" }
}
