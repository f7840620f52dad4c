/// Scores of the analyzer against labeled replies: per-signal precision, recall and F1, and the misses.
public struct EvaluationReport: Sendable {
  /// One labeled reply and what the analyzer found.
  public struct Case: Sendable {
    public var id: String
    public var reply: String
    public var expected: Set<SignalID>
    public var got: Set<SignalID>
    public var isMiss: Bool { expected != got }
  }

  /// Counts and scores for one signal.
  public struct SignalScore: Sendable {
    public var id: SignalID
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var support: Int { truePositives + falseNegatives }
    public var precision: Double {
      truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    public var recall: Double { support == 0 ? 1 : Double(truePositives) / Double(support) }
    public var f1: Double {
      let p = precision
      let r = recall
      return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    /// Whether the signal took part at all (labeled or predicted).
    public var isScored: Bool { support > 0 || falsePositives > 0 }
  }

  public private(set) var cases: [Case] = []
  public private(set) var scores: [SignalID: SignalScore] = [:]
  /// Safety counted only where the practice stops outright (not where the user is asked first).
  public private(set) var safetyStops = SignalScore(id: .safety)

  public init() {
    for id in SignalID.allCases { scores[id] = SignalScore(id: id) }
  }

  /// Adds one labeled reply and the analyzer's signals for it; `uncertainSafety` when its safety
  /// flag is one the user would be asked to confirm.
  public mutating func add(
    id: String, reply: String, expected: Set<SignalID>, got: Set<SignalID>, uncertainSafety: Bool = false
  ) {
    cases.append(Case(id: id, reply: reply, expected: expected, got: got))
    let stops = got.contains(.safety) && !uncertainSafety
    if expected.contains(.safety) {
      if stops { safetyStops.truePositives += 1 } else { safetyStops.falseNegatives += 1 }
    } else if stops {
      safetyStops.falsePositives += 1
    }
    for signal in SignalID.allCases {
      let e = expected.contains(signal)
      let g = got.contains(signal)
      if e && g { scores[signal]?.truePositives += 1 }
      if !e && g { scores[signal]?.falsePositives += 1 }
      if e && !g { scores[signal]?.falseNegatives += 1 }
    }
  }

  /// The mean F1 over the signals that were labeled or predicted.
  public var macroF1: Double {
    let scored = scores.values.filter(\.isScored)
    return scored.isEmpty ? 1 : scored.map(\.f1).reduce(0, +) / Double(scored.count)
  }

  /// F1 over all signal decisions pooled.
  public var microF1: Double {
    let tp = scores.values.map(\.truePositives).reduce(0, +)
    let fp = scores.values.map(\.falsePositives).reduce(0, +)
    let fn = scores.values.map(\.falseNegatives).reduce(0, +)
    return tp == 0 ? (fp + fn == 0 ? 1 : 0) : 2 * Double(tp) / Double(2 * tp + fp + fn)
  }

  /// The share of replies whose signals were exactly right.
  public var exactMatch: Double {
    cases.isEmpty ? 1 : Double(cases.filter { !$0.isMiss }.count) / Double(cases.count)
  }

  /// Per-signal scores in taxonomy order.
  public var orderedScores: [SignalScore] { SignalID.allCases.compactMap { scores[$0] } }

  /// The replies where the analyzer differed from the labels.
  public var misses: [Case] { cases.filter(\.isMiss) }
}
