import Signals

/// One sign found in her line, with the words that weighed most for it and the model's probability.
public struct HerSignFinding: Sendable, Equatable {
  /// The sign.
  public var sign: HerSign
  /// The words of her line that weighed most for it, in line order.
  public var evidence: [Evidence]
  /// The model's probability for it (0 to 1, three decimals).
  public var confidence: Double

  public init(sign: HerSign, evidence: [Evidence], confidence: Double) {
    self.sign = sign
    self.evidence = evidence
    self.confidence = confidence
  }
}
