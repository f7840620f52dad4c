/// A learned linear model over ``ReplyFeatures``: for each output (the fifteen signals of a reply, or
/// the labels of another taxonomy, at most sixteen), a probability from the weighted sum of the
/// features, and a threshold chosen on a development set.
///
/// Weights are stored quantized (8 bits, one scale per signal) in an open-addressing table keyed by
/// feature hash, so a model of tens of thousands of features takes a few hundred kilobytes.
/// Immutable; one instance serves any number of analyses at once.
public struct SignalModel: Sendable {
  /// The number of outputs of a reply model, one per signal in taxonomy order.
  public static let replyOutputs = SignalID.allCases.count
  /// The fewest words of a reply the model's safety reading alone is asked about; shorter replies need a
  /// lexicon cue ("I see.", "Keep going." are too little to read harm from).
  public static let fewestWordsForSafety = 3
  /// The most outputs a model may have.
  public static let maxOutputs = 256

  /// The number of outputs (1 to 256), in the order of the taxonomy the model was trained on.
  public let outputs: Int
  /// Weights per row in memory: the outputs padded to a multiple of 16, so a row is whole 16-byte
  /// vector loads (one for a reply model).
  let stride: Int
  /// Table slots (at most three quarters used): the feature key in the low 32 bits (0 = empty) and the
  /// entry's row in `weights` in the high 32, so a lookup reads one word per probe.
  let slots: [UInt64]
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
  /// A hash of the weights by feature: models with equal fingerprints read alike (a
  /// ``CharacterRowCache`` keeps rows for one fingerprint).
  let fingerprint: UInt64

  /// The weight table being built: slots and quantized rows, `stride` weights per row.
  struct Table {
    let outputs: Int
    let stride: Int
    var slots: [UInt64]
    var weights: [Int8]

    /// An empty table for `count` rows of `outputs` weights.
    init(outputs: Int, count: Int) {
      self.outputs = outputs
      stride = (outputs + 15) / 16 * 16
      // At most three quarters full: a lookup of a feature the model does not have (most word
      // triples) stops at the next empty slot, a few slots on; a table twice the size would cost
      // megabytes of memory for little speed.
      slots = [UInt64](repeating: 0, count: max(16, count + count / 3 + 1))
      weights = [Int8](repeating: 0, count: count * stride)
    }

    /// Stores row `row` (its `outputs` weights as bytes) under `key`; false when `key` is already there.
    mutating func insert<C: Collection>(key: UInt32, row: Int, weights row8: C) -> Bool where C.Element == UInt8 {
      var slot = SignalModel.home(key, slots.count)
      while UInt32(truncatingIfNeeded: slots[slot]) != 0 {
        if UInt32(truncatingIfNeeded: slots[slot]) == key { return false }
        slot = slot + 1 == slots.count ? 0 : slot + 1
      }
      slots[slot] = UInt64(key) | UInt64(row) << 32
      var k = row * stride
      for b in row8.prefix(outputs) {
        weights[k] = Int8(bitPattern: b)
        k += 1
      }
      return true
    }
  }

  /// A model from its rows: `rowKeys[i]` is the feature key of row `i`, whose `outputs` weights start
  /// at `rowWeights[i * outputs]`.
  init(
    outputs: Int, rowKeys: [UInt32], rowWeights: [Int8], scales: [Float], biases: [Float], thresholds: [Float],
    safetyAskThreshold: Float, provenance: String
  ) {
    var table = Table(outputs: outputs, count: rowKeys.count)
    for (row, key) in rowKeys.enumerated() {
      _ = table.insert(
        key: key, row: row, weights: rowWeights[(row * outputs)..<(row * outputs + outputs)].lazy.map { UInt8(bitPattern: $0) })
    }
    self.init(
      outputs: outputs, table: table, scales: scales, biases: biases, thresholds: thresholds,
      safetyAskThreshold: safetyAskThreshold, provenance: provenance)
  }

  /// A model from a filled table.
  init(
    outputs: Int, table: Table, scales: [Float], biases: [Float], thresholds: [Float], safetyAskThreshold: Float,
    provenance: String
  ) {
    self.outputs = outputs
    stride = table.stride
    slots = table.slots
    weights = table.weights
    self.scales = scales
    self.biases = biases
    self.thresholds = thresholds
    self.safetyAskThreshold = safetyAskThreshold
    self.provenance = provenance
    fingerprint = Self.fingerprint(slots: table.slots, weights: table.weights)
  }

  /// A hash of the table: its slots (keys and rows) and its weights, eight bytes at a time.
  private static func fingerprint(slots: [UInt64], weights: [Int8]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) func mix(_ v: UInt64) { h = (h ^ v) &* 0x0000_0100_0000_01B3 ^ (h >> 29) }
    for v in slots { mix(v) }
    weights.withUnsafeBytes { bytes in
      var k = 0
      while k + 8 <= bytes.count {
        mix(bytes.loadUnaligned(fromByteOffset: k, as: UInt64.self))
        k += 8
      }
      while k < bytes.count {
        mix(UInt64(bytes[k]))
        k += 1
      }
    }
    return h
  }

  /// The same weights with other thresholds.
  init(copying model: SignalModel, thresholds: [Float], safetyAskThreshold: Float) {
    outputs = model.outputs
    stride = model.stride
    slots = model.slots
    weights = model.weights
    scales = model.scales
    biases = model.biases
    self.thresholds = thresholds
    self.safetyAskThreshold = safetyAskThreshold
    provenance = model.provenance
    fingerprint = model.fingerprint
  }

  /// The same weights with other thresholds (one per output).
  public func replacingThresholds(_ thresholds: [Float]) -> SignalModel {
    SignalModel(copying: self, thresholds: thresholds, safetyAskThreshold: safetyAskThreshold)
  }

  /// The number of features with weights.
  public var featureCount: Int { weights.count / stride }

  /// The slot where a lookup of `key` starts in a table of `count` slots (the key scaled to the
  /// table: any size works, not only powers of two).
  @inline(__always)
  static func home(_ key: UInt32, _ count: Int) -> Int {
    Int(truncatingIfNeeded: (UInt64(key) &* UInt64(count)) >> 32)
  }

  /// The row of `key` in `table` (the model's slots), or -1: the one lookup of the table.
  @inline(__always)
  static func row(_ key: UInt32, in table: UnsafeBufferPointer<UInt64>) -> Int {
    let count = table.count
    var slot = home(key, count)
    while true {
      let entry = table[slot]
      let k = UInt32(truncatingIfNeeded: entry)
      if k == key { return Int(entry >> 32) }
      if k == 0 { return -1 }
      slot = slot + 1 == count ? 0 : slot + 1
    }
  }

  /// The row of `key`, or -1.
  @inline(__always)
  func row(_ key: UInt32) -> Int {
    slots.withUnsafeBufferPointer { Self.row(key, in: $0) }
  }

  /// The probability of each signal (taxonomy order) for the features; without the question's
  /// features when `replyOnly`, to tell a sign in what he said from one the question only suggests.
  public func probabilities(_ features: ReplyFeatures, replyOnly: Bool = false) -> [Double] {
    var cache = CharacterRowCache()
    return probabilities(features, replyOnly: replyOnly, cache: &cache)
  }

  /// The probabilities, with the character n-gram sums of compactly extracted features kept in `cache`.
  ///
  /// Features of equal value in a row (a group: all of a group have the same value) are summed as
  /// integers and scaled once, so the result does not depend on how the character n-grams were
  /// extracted: listed, or named by their words and summed per word.
  func probabilities(_ features: ReplyFeatures, replyOnly: Bool = false, cache: inout CharacterRowCache) -> [Double] {
    var probabilities: [Double] = []
    probabilities.reserveCapacity(outputs)
    let list = features.features
    let (characterStart, characterEnd) = (features.characterStart, features.characterEnd)
    for block in Swift.stride(from: 0, to: outputs, by: 16) {
      var sums = SIMD16<Float>(repeating: 0)
      weights.withUnsafeBytes { w in
        slots.withUnsafeBufferPointer { table in
          var run = SIMD16<Int32>(repeating: 0)
          var runValue: Float = 0
          @inline(__always) func flush() {
            if runValue != 0 { sums += runValue * Self.floats(run) }
            run = SIMD16<Int32>(repeating: 0)
            runValue = 0
          }
          @inline(__always) func add(_ range: Range<Int>) {
            for i in range {
              let f = list[i]
              if replyOnly && f.fromQuestion { continue }
              let r = Self.row(f.key, in: table)
              guard r >= 0 else { continue }
              if f.value != runValue { flush(); runValue = f.value }
              run &+= Self.widened(w.loadUnaligned(fromByteOffset: r * self.stride + block, as: SIMD16<Int8>.self))
            }
            flush()
          }
          add(0..<characterStart)
          if !features.characterWords.isEmpty {
            for i in features.characterWords {
              run &+= Self.widened(characterRow(features, word: Int(i), block: block, table: table, weights: w, cache: &cache))
            }
            runValue = features.characterValue
            flush()
          }
          add(characterStart..<characterEnd)
          add(characterEnd..<list.count)
        }
      }
      for s in block..<min(outputs, block + 16) {
        probabilities.append(Double(Self.sigmoid(biases[s] + sums[s - block] * scales[s])))
      }
    }
    return probabilities
  }

  /// The sum of the weights (outputs `block` to `block + 15`) of the character n-grams of word `i`
  /// of compactly extracted features: from `cache` for a model of 16 outputs or fewer, else computed.
  @inline(__always)
  private func characterRow(
    _ features: ReplyFeatures, word i: Int, block: Int, table: UnsafeBufferPointer<UInt64>, weights w: UnsafeRawBufferPointer,
    cache: inout CharacterRowCache
  ) -> SIMD16<Int16> {
    features.withWord(i) { word in
      let compute = { self.characterRow(word, block: block, table: table, weights: w) }
      guard stride == 16 else { return compute() }
      return cache.row(for: word, key: features.wordKeys[i], model: fingerprint, compute: compute)
    }
  }

  /// The sum of the weights of the character 3- to 5-grams of `word` padded with its boundary marks,
  /// hashed as ``ReplyFeatures`` hashes them.
  private func characterRow(
    _ word: UnsafeBufferPointer<UInt8>, block: Int, table: UnsafeBufferPointer<UInt64>, weights w: UnsafeRawBufferPointer
  ) -> SIMD16<Int16> {
    var sum = SIMD16<Int16>(repeating: 0)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count + 2) { p in
      p[0] = UInt8(ascii: "<")
      for k in 0..<word.count { p[k + 1] = word[k] }
      p[word.count + 1] = UInt8(ascii: ">")
      ReplyFeatures.forEachCharacterGram(of: UnsafeBufferPointer(rebasing: p[0..<(word.count + 2)])) { _, key in
        let r = Self.row(key, in: table)
        guard r >= 0 else { return }
        let row = w.loadUnaligned(fromByteOffset: r * stride + block, as: SIMD16<Int8>.self)
        for lane in 0..<16 { sum[lane] &+= Int16(row[lane]) }
      }
    }
    return sum
  }

  /// The words that pushed `signal` up the most, as ranges of words (indexes into the features'
  /// words), strongest first: at most `limit`, each at least a quarter of the strongest.
  func evidenceWords(_ features: ReplyFeatures, signal: SignalID, limit: Int = 3) -> [Int] {
    evidenceWords(features, output: signal.order, limit: limit)
  }

  /// The words that pushed output `s` up the most, as in ``evidenceWords(_:signal:limit:)``; function
  /// words ("I", "and") are left out, since they are evidence of nothing on their own.
  func evidenceWords(_ features: ReplyFeatures, output s: Int, limit: Int = 3) -> [Int] {
    var cache = CharacterRowCache()
    return strongest(contributions(features, output: s, cache: &cache), features, limit: limit)
  }

  /// How much each word pushed output `s` up (or down): each feature's contribution shared among
  /// the words it came from.
  private func contributions(_ features: ReplyFeatures, output s: Int, cache: inout CharacterRowCache) -> [Float] {
    var perWord = [Float](repeating: 0, count: features.words.count)
    // Compactly extracted character n-grams: each word's n-grams are all its own.
    if !features.characterWords.isEmpty {
      let block = s / 16 * 16
      weights.withUnsafeBytes { w in
        slots.withUnsafeBufferPointer { table in
          for i in features.characterWords {
            let row = characterRow(features, word: Int(i), block: block, table: table, weights: w, cache: &cache)
            perWord[Int(i)] += features.characterValue * Float(row[s - block]) * scales[s]
          }
        }
      }
    }
    for f in features.features where f.endWord > f.firstWord {
      let r = row(f.key)
      if r < 0 { continue }
      let contribution = f.value * Float(weights[r * stride + s]) * scales[s]
      let share = contribution / Float(f.endWord - f.firstWord)
      for k in Int(f.firstWord)..<Int(f.endWord) { perWord[k] += share }
    }
    // The meaning features are a scaled sum of the words' vectors: each word's share is exact.
    if features.meaningFactor > 0, let vectors = WordVectors.builtIn {
      var perDimension = [Float](repeating: 0, count: vectors.dimensions)
      for d in 0..<vectors.dimensions {
        let r = row(ReplyFeatures.meaningKeys[d])
        if r >= 0 { perDimension[d] = Float(weights[r * stride + s]) * scales[s] }
      }
      for (k, wordRow) in features.meaningRows.enumerated() where wordRow >= 0 {
        perWord[k] += features.meaningFactor * vectors.dot(row: Int(wordRow), perDimension)
      }
    }
    return perWord
  }

  /// The content words with the largest contributions, strongest first: at most `limit`, each at
  /// least a quarter of the strongest.
  private func strongest(_ perWord: [Float], _ features: ReplyFeatures, limit: Int) -> [Int] {
    let ranked = perWord.indices.filter { perWord[$0] > 0 && !ReplyFeatures.functionWords.contains(features.wordKeys[$0]) }
      .sorted { perWord[$0] > perWord[$1] }
    guard let best = ranked.first else { return [] }
    return Array(ranked.prefix(limit).filter { perWord[$0] >= perWord[best] / 4 })
  }

  /// The words that weighed most for output `s`, as byte spans of the text (neighbouring words joined),
  /// in text order. Up to two function words next to a chosen word join its span when they pushed
  /// the output up too: "you made me", not "made".
  func evidenceSpans(_ features: ReplyFeatures, output s: Int) -> [(Int, Int)] {
    var cache = CharacterRowCache()
    return evidenceSpans(features, output: s, cache: &cache)
  }

  /// The evidence spans, with the character n-gram sums of compactly extracted features kept in `cache`.
  func evidenceSpans(_ features: ReplyFeatures, output s: Int, cache: inout CharacterRowCache) -> [(Int, Int)] {
    let perWord = contributions(features, output: s, cache: &cache)
    let chosen = strongest(perWord, features, limit: 3)
    var selected = Set(chosen)
    // A function word joins when it pushed the output up and only a space separates it from the word it joins.
    func joins(_ k: Int, _ neighbour: Int) -> Bool {
      guard k >= 0, k < perWord.count, perWord[k] > 0, ReplyFeatures.functionWords.contains(features.wordKeys[k]) else {
        return false
      }
      let (first, second) = k < neighbour ? (k, neighbour) : (neighbour, k)
      return features.words[second].start - features.words[first].end <= 1
    }
    for w in chosen {
      var k = w - 1
      while w - k <= 2 && joins(k, k + 1) { selected.insert(k); k -= 1 }
      k = w + 1
      while k - w <= 2 && joins(k, k - 1) { selected.insert(k); k += 1 }
    }
    let words = selected.sorted()
    var spans: [(Int, Int)] = []
    for w in words {
      let word = features.words[w]
      if !spans.isEmpty, w > 0, selected.contains(w - 1) {
        spans[spans.count - 1].1 = Int(word.end)
      } else {
        spans.append((Int(word.start), Int(word.end)))
      }
    }
    return spans
  }

  /// The words of `text` (the text `features` were read from) that weighed most for output `s`.
  public func evidence(_ features: ReplyFeatures, output s: Int, in text: String) -> [Evidence] {
    let spans = evidenceSpans(features, output: s)
    var text = text
    return text.withUTF8 { EvidenceBuilder.evidence(forSortedByteSpans: spans, in: $0) }
  }

  /// 16 summed weights as floats, converted lane by lane so the compiler vectorizes it inline.
  @inline(__always)
  static func floats(_ sums: SIMD16<Int32>) -> SIMD16<Float> {
    var out = SIMD16<Float>()
    for i in 0..<16 { out[i] = Float(sums[i]) }
    return out
  }

  /// 16 weights widened to 32 bits, lane by lane so the compiler vectorizes it inline.
  @inline(__always)
  static func widened(_ row: SIMD16<Int8>) -> SIMD16<Int32> {
    var out = SIMD16<Int32>()
    for i in 0..<16 { out[i] = Int32(row[i]) }
    return out
  }

  /// 16 summed weights widened to 32 bits.
  @inline(__always)
  static func widened(_ row: SIMD16<Int16>) -> SIMD16<Int32> {
    var out = SIMD16<Int32>()
    for i in 0..<16 { out[i] = Int32(row[i]) }
    return out
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
