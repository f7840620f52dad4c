/// Chooses each signal's threshold on a development set: the one with the best F1; for safety,
/// also the "ask her" threshold: the highest that still reaches the wanted recall.
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

  /// `model` with thresholds chosen on `dev`; signals without positives in `dev` keep 0.5.
  public static func tune(_ model: SignalModel, on dev: [Scored], safetyRecall: Double = 0.98) -> SignalModel {
    var thresholds = model.thresholds
    for signal in SignalID.ordered {
      let s = signal.order
      let positives = dev.filter { $0.labels.contains(signal) }.count
      guard positives > 0 else { continue }
      var best = (f1: -1.0, threshold: 0.5)
      for t in candidates {
        let f1 = score(dev, signal: signal, threshold: t).f1
        // Prefer the lower threshold on ties: recall first.
        if f1 > best.f1 + 1e-9 { best = (f1, t) }
      }
      thresholds[s] = Float(best.threshold)
    }
    // Safety: ask her from the highest threshold that still finds `safetyRecall` of the dev concerns.
    let flag = thresholds[SignalID.safety.order]
    var ask = flag
    if dev.contains(where: { $0.labels.contains(.safety) }) {
      ask = Float(candidates[0])
      for t in candidates.reversed() where score(dev, signal: .safety, threshold: t).recall >= safetyRecall {
        ask = Float(t)
        break
      }
      ask = min(ask, flag)
    }
    return SignalModel(
      copying: model, thresholds: thresholds, safetyAskThreshold: ask)
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

extension SignalModel {
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
}
