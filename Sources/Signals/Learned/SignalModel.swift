/// A learned linear model over ``ReplyFeatures``: for each of the fifteen signals, a probability
/// from the weighted sum of the reply's features, and a threshold chosen on a development set.
///
/// Weights are stored quantized (8 bits, one scale per signal) in an open-addressing table keyed by
/// feature hash, so a model of tens of thousands of features takes a few hundred kilobytes.
/// Immutable; one instance serves any number of analyses at once.
public struct SignalModel: Sendable {
  /// The number of outputs, one per signal in taxonomy order.
  static let outputs = 15
  /// Weights per row in memory: the outputs padded to 16, so one row is one 16-byte vector load.
  static let stride = 16

  /// Table slots: feature keys (0 = empty); `capacity` is a power of two.
  let keys: [UInt32]
  /// Per slot: the entry's row in `weights`.
  let rows: [Int32]
  /// Quantized weights, `stride` per row (the last of each row is 0).
  let weights: [Int8]
  /// Per signal: the value of one quantization step.
  let scales: [Float]
  /// Per signal: the bias.
  let biases: [Float]
  /// Per signal: the probability at or above which the signal is reported.
  public let thresholds: [Float]
  /// For safety: the probability at or above which a reply is flagged as a possible concern that
  /// the user is asked to confirm (below `thresholds` for safety, where it is flagged outright).
  public let safetyAskThreshold: Float
  /// What the model was trained on, for `--version`-style reports (free text).
  public let provenance: String

  /// A model from its rows: `rowKeys[i]` is the feature key of row `i`, whose `outputs` weights start
  /// at `rowWeights[i * outputs]`.
  init(
    rowKeys: [UInt32], rowWeights: [Int8], scales: [Float], biases: [Float], thresholds: [Float],
    safetyAskThreshold: Float, provenance: String
  ) {
    var capacity = 16
    while capacity < rowKeys.count * 2 { capacity <<= 1 }
    var keys = [UInt32](repeating: 0, count: capacity)
    var rows = [Int32](repeating: -1, count: capacity)
    var weights = [Int8](repeating: 0, count: rowKeys.count * Self.stride)
    for (row, key) in rowKeys.enumerated() {
      var slot = Int(key) & (capacity - 1)
      while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
      keys[slot] = key
      rows[slot] = Int32(row)
      for s in 0..<Self.outputs { weights[row * Self.stride + s] = rowWeights[row * Self.outputs + s] }
    }
    self.keys = keys
    self.rows = rows
    self.weights = weights
    self.scales = scales
    self.biases = biases
    self.thresholds = thresholds
    self.safetyAskThreshold = safetyAskThreshold
    self.provenance = provenance
  }

  /// The same weights with other thresholds.
  init(copying model: SignalModel, thresholds: [Float], safetyAskThreshold: Float) {
    keys = model.keys
    rows = model.rows
    weights = model.weights
    scales = model.scales
    biases = model.biases
    self.thresholds = thresholds
    self.safetyAskThreshold = safetyAskThreshold
    provenance = model.provenance
  }

  /// The number of features with weights.
  public var featureCount: Int { weights.count / Self.stride }

  /// The row of `key`, or -1.
  @inline(__always)
  func row(_ key: UInt32) -> Int {
    let mask = keys.count - 1
    var slot = Int(key) & mask
    while true {
      let k = keys[slot]
      if k == key { return Int(rows[slot]) }
      if k == 0 { return -1 }
      slot = (slot + 1) & mask
    }
  }

  /// The probability of each signal (taxonomy order) for the features; without the question's
  /// features when `replyOnly`, to tell a sign in what he said from one the question only suggests.
  public func probabilities(_ features: ReplyFeatures, replyOnly: Bool = false) -> [Double] {
    var sums = SIMD16<Float>(repeating: 0)
    weights.withUnsafeBytes { w in
      keys.withUnsafeBufferPointer { k in
        rows.withUnsafeBufferPointer { r in
          let mask = k.count - 1
          for f in features.features where !(replyOnly && f.fromQuestion) {
            var slot = Int(f.key) & mask
            while k[slot] != f.key && k[slot] != 0 { slot = (slot + 1) & mask }
            guard k[slot] != 0 else { continue }
            let row = w.loadUnaligned(fromByteOffset: Int(r[slot]) * Self.stride, as: SIMD16<Int8>.self)
            sums += f.value * SIMD16<Float>(row)
          }
        }
      }
    }
    return (0..<Self.outputs).map { s in Double(Self.sigmoid(biases[s] + sums[s] * scales[s])) }
  }

  /// The words that pushed `signal` up the most, as ranges of words (indexes into the features'
  /// words), strongest first: at most `limit`, each at least a quarter of the strongest.
  func evidenceWords(_ features: ReplyFeatures, signal: SignalID, limit: Int = 3) -> [Int] {
    let s = signal.order
    var perWord = [Float](repeating: 0, count: features.words.count)
    for f in features.features where f.endWord > f.firstWord {
      let r = row(f.key)
      if r < 0 { continue }
      let contribution = f.value * Float(weights[r * Self.stride + s]) * scales[s]
      let share = contribution / Float(f.endWord - f.firstWord)
      for k in Int(f.firstWord)..<Int(f.endWord) { perWord[k] += share }
    }
    let ranked = perWord.indices.filter { perWord[$0] > 0 }.sorted { perWord[$0] > perWord[$1] }
    guard let best = ranked.first else { return [] }
    return Array(ranked.prefix(limit).filter { perWord[$0] >= perWord[best] / 4 })
  }

  @inline(__always)
  static func sigmoid(_ x: Float) -> Float {
    if x >= 0 { return 1 / (1 + (-x).exponential) }
    let e = x.exponential
    return e / (1 + e)
  }
}

extension Float {
  /// e raised to this power, without Foundation.
  @inline(__always)
  var exponential: Float {
    // exp(x) = 2^(x / ln 2): split into an integer power of two and a polynomial for the rest.
    let t = Swift.max(-80, Swift.min(80, self)) * 1.442_695_04
    let whole = t.rounded(.down)
    let f = t - whole
    // 2^f on [0, 1): a degree-6 polynomial, error below 1e-7.
    var p: Float = 1.535_336_2e-4
    p = p * f + 1.339_887_4e-3
    p = p * f + 9.618_437_4e-3
    p = p * f + 5.550_332_5e-2
    p = p * f + 2.402_264_7e-1
    p = p * f + 6.931_472_1e-1
    p = p * f + 1
    return Float(sign: .plus, exponent: Int(whole), significand: p)
  }
}
