/// Chooses each signal's threshold on a development set: the one with the best F1. Safety gets two
/// operating points instead: the practice stops outright from the lowest threshold whose precision
/// reaches `safetyStopPrecision`, and the user is asked first from the lowest threshold at which no
/// more than `safetyAskRate` of the replies without a safety concern would be asked about.
public enum ThresholdTuner {
  /// Scored dev replies: the model's probabilities and the true signals.
  public struct Scored: Sendable {
    public var probabilities: [Double]
    public var labels: Set<SignalID>

    public init(probabilities: [Double], labels: Set<SignalID>) {
      self.probabilities = probabilities
      self.labels = labels
    }
  }

  static let candidates: [Double] = stride(from: 0.05, through: 0.95, by: 0.025).map { $0 }

  /// `model` with thresholds chosen on `dev`; signals without positives in `dev` keep theirs.
  public static func tune(
    _ model: SignalModel, on dev: [Scored], safetyStopPrecision: Double = 0.85, safetyAskRate: Double = 0.10
  ) -> SignalModel {
    var thresholds = bestF1Thresholds(
      probabilities: dev.map(\.probabilities),
      labels: dev.map { d in SignalID.ordered.map { d.labels.contains($0) } }, fallback: model.thresholds)
    thresholds[SignalID.safety.order] = model.thresholds[SignalID.safety.order]
    var ask = model.safetyAskThreshold
    if dev.contains(where: { $0.labels.contains(.safety) }) {
      let stop = candidates.first { score(dev, signal: .safety, threshold: $0).precision >= safetyStopPrecision }
      thresholds[SignalID.safety.order] = Float(stop ?? candidates[candidates.count - 1])
      let harmless = dev.filter { !$0.labels.contains(.safety) }
      let rate = { (t: Double) in
        Double(harmless.filter { $0.probabilities[SignalID.safety.order] >= t }.count) / Double(max(1, harmless.count))
      }
      ask = Float(candidates.first { rate($0) <= safetyAskRate } ?? candidates[candidates.count - 1])
    }
    ask = min(ask, thresholds[SignalID.safety.order])
    return SignalModel(copying: model, thresholds: thresholds, safetyAskThreshold: ask)
  }

  /// For each output of a model of any taxonomy, the candidate threshold with the best F1 on `probabilities`
  /// against `labels` (rows of one per output); an output without positives keeps `fallback`.
  public static func bestF1Thresholds(probabilities: [[Double]], labels: [[Bool]], fallback: [Float]) -> [Float] {
    var thresholds = fallback
    for s in fallback.indices where labels.contains(where: { $0[s] }) {
      var best = (f1: -1.0, threshold: 0.5)
      for t in candidates {
        var tp = 0
        var fp = 0
        var fn = 0
        for (p, l) in zip(probabilities, labels) {
          let predicted = p[s] >= t
          if predicted && l[s] { tp += 1 } else if predicted { fp += 1 } else if l[s] { fn += 1 }
        }
        let f1 = tp == 0 ? 0 : 2 * Double(tp) / Double(2 * tp + fp + fn)
        // The lower threshold wins ties: recall first.
        if f1 > best.f1 + 1e-9 { best = (f1, t) }
      }
      thresholds[s] = Float(best.threshold)
    }
    return thresholds
  }

  /// `model` with the thresholds of ``bestF1Thresholds(probabilities:labels:fallback:)`` chosen on dev.
  public static func tuneF1(_ model: SignalModel, probabilities: [[Double]], labels: [[Bool]]) -> SignalModel {
    let thresholds = bestF1Thresholds(probabilities: probabilities, labels: labels, fallback: model.thresholds)
    return SignalModel(copying: model, thresholds: thresholds, safetyAskThreshold: model.safetyAskThreshold)
  }

  /// Precision, recall and F1 of one signal at one threshold.
  public static func score(_ dev: [Scored], signal: SignalID, threshold: Double) -> (precision: Double, recall: Double, f1: Double) {
    var tp = 0
    var fp = 0
    var fn = 0
    for d in dev {
      let predicted = d.probabilities[signal.order] >= threshold
      let actual = d.labels.contains(signal)
      if predicted && actual { tp += 1 } else if predicted { fp += 1 } else if actual { fn += 1 }
    }
    let p = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
    let r = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
    return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
  }
}
