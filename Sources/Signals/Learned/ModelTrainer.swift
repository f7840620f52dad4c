/// Trains a ``SignalModel``: logistic regression, one output per signal, over hashed reply features
/// (and the lexicon's findings), with AdaGrad and L2 regularisation. Deterministic for a given seed.
public struct ModelTrainer: Sendable {
  /// Settings of a training run.
  public struct Options: Sendable, Equatable {
    public var epochs = 12
    public var learningRate: Float = 0.1
    public var l2: Float = 1e-5
    /// Features seen in fewer replies than this are left out.
    public var minCount = 2
    public var seed: UInt64 = 1
    /// Independent passes with different example orders (seeds `seed`, `seed + 1`, ...) whose weights
    /// are averaged: less dependent on one order's luck, at that many times the training time.
    public var orders = 1

    public init() {}
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// One reply's features as (row, value) pairs.
  private struct Example {
    var rows: [Int32]
    var values: [Float]
    var labels: [Bool]
  }

  /// Trains on `examples`, whose features are read by `featurize` (the reply features, including
  /// the lexicon's findings). Thresholds start at 0.5; tune them with ``ThresholdTuner``.
  public func train(_ examples: [LabeledReply], featurize: (LabeledReply) -> ReplyFeatures, provenance: String)
    -> SignalModel
  {
    train(
      featureSets: examples.map(featurize),
      labels: examples.map { example in SignalID.ordered.map { example.signals.contains($0) } },
      provenance: provenance)
  }

  /// Trains a model of `labels[0].count` outputs (1 to 256) on feature sets and their labels, one row
  /// of labels per feature set, for any taxonomy (her side of the practice uses its own).
  public func train(featureSets: [ReplyFeatures], labels: [[Bool]], provenance: String) -> SignalModel {
    let n = labels.first?.count ?? SignalModel.replyOutputs
    precondition((1...SignalModel.maxOutputs).contains(n) && labels.count == featureSets.count)
    // Keep the features seen in at least minCount replies, numbered in first-seen order.
    var documentCount: [UInt32: Int32] = [:]
    for set in featureSets {
      var seen = Set<UInt32>()
      for f in set.features where seen.insert(f.key).inserted { documentCount[f.key, default: 0] += 1 }
    }
    var index: [UInt32: Int32] = [:]
    var keysInOrder: [UInt32] = []
    for set in featureSets {
      for f in set.features where index[f.key] == nil && documentCount[f.key, default: 0] >= Int32(options.minCount) {
        index[f.key] = Int32(keysInOrder.count)
        keysInOrder.append(f.key)
      }
    }
    let data: [Example] = zip(labels, featureSets).map { labels, set in
      var merged: [Int32: Float] = [:]
      for f in set.features { if let r = index[f.key] { merged[r, default: 0] += f.value } }
      let rows = merged.keys.sorted()
      return Example(
        rows: rows, values: rows.map { merged[$0] ?? 0 },
        labels: labels)
    }
    // Rare signals weigh more: up to 4x for a positive.
    var positiveWeight = [Float](repeating: 1, count: n)
    for s in 0..<n {
      let positives = data.filter { $0.labels[s] }.count
      let negatives = data.count - positives
      if positives > 0 { positiveWeight[s] = min(4, max(1, (Float(negatives) / Float(positives)).squareRoot())) }
    }

    var weights = [Float](repeating: 0, count: keysInOrder.count * n)
    var biases = [Float](repeating: 0, count: n)
    let orders = max(1, options.orders)
    for k in 0..<orders {
      let run = descend(
        data, features: keysInOrder.count, outputs: n, positiveWeight: positiveWeight,
        seed: options.seed &+ UInt64(k))
      for i in weights.indices { weights[i] += run.weights[i] / Float(orders) }
      for s in 0..<n { biases[s] += run.biases[s] / Float(orders) }
    }
    return Self.quantize(
      outputs: n, keys: keysInOrder, weights: weights, biases: biases, provenance: provenance)
  }

  /// One run of AdaGrad over the examples in an order drawn from `seed`.
  private func descend(
    _ data: [Example], features: Int, outputs n: Int, positiveWeight: [Float], seed: UInt64
  ) -> (weights: [Float], biases: [Float]) {
    var weights = [Float](repeating: 0, count: features * n)
    var squares = [Float](repeating: 1e-6, count: features * n)
    var biases = [Float](repeating: 0, count: n)
    var biasSquares = [Float](repeating: 1e-6, count: n)
    var order = Array(data.indices)
    var random = SplitMix64(seed: seed)
    let rate = options.learningRate
    let l2 = options.l2
    var gradient = [Float](repeating: 0, count: n)
    for _ in 0..<options.epochs {
      order.shuffle(using: &random)
      for i in order {
        let example = data[i]
        for s in 0..<n {
          var z = biases[s]
          for (k, r) in example.rows.enumerated() { z += example.values[k] * weights[Int(r) * n + s] }
          let p = SignalModel.sigmoid(z)
          let y: Float = example.labels[s] ? 1 : 0
          gradient[s] = (p - y) * (example.labels[s] ? positiveWeight[s] : 1)
          biasSquares[s] += gradient[s] * gradient[s]
          biases[s] -= rate * gradient[s] / biasSquares[s].squareRoot()
        }
        for (k, r) in example.rows.enumerated() {
          let v = example.values[k]
          let base = Int(r) * n
          for s in 0..<n {
            let g = gradient[s] * v + l2 * weights[base + s]
            squares[base + s] += g * g
            weights[base + s] -= rate * g / squares[base + s].squareRoot()
          }
        }
      }
    }
    return (weights, biases)
  }

  /// Rounds the weights to 8 bits with one scale per signal, dropping features whose weights all round to 0.
  static func quantize(outputs n: Int, keys: [UInt32], weights: [Float], biases: [Float], provenance: String)
    -> SignalModel
  {
    var scales = [Float](repeating: 1, count: n)
    for s in 0..<n {
      var largest: Float = 0
      for r in keys.indices { largest = max(largest, abs(weights[r * n + s])) }
      scales[s] = largest > 0 ? largest / 127 : 1
    }
    var rowKeys: [UInt32] = []
    var rowWeights: [Int8] = []
    for (r, key) in keys.enumerated() {
      let q = (0..<n).map { s in Int8(max(-127, min(127, (weights[r * n + s] / scales[s]).rounded()))) }
      if q.contains(where: { $0 != 0 }) {
        rowKeys.append(key)
        rowWeights.append(contentsOf: q)
      }
    }
    return SignalModel(
      outputs: n, rowKeys: rowKeys, rowWeights: rowWeights, scales: scales, biases: biases,
      thresholds: [Float](repeating: 0.5, count: n),
      safetyAskThreshold: 0.5, provenance: provenance)
  }
}

/// A small, fast, seedable random number generator (SplitMix64), so training is reproducible.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
