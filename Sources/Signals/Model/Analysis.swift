/// The words in a reply that triggered a signal, with Unicode scalar offsets into the reply.
public struct Evidence: Sendable, Equatable, Codable, Hashable {
  /// The text of the reply between `start` and `end`.
  public var text: String
  /// Offset of the first Unicode scalar (code point), counted from 0.
  public var start: Int
  /// Offset one past the last Unicode scalar.
  public var end: Int

  public init(text: String, start: Int, end: Int) {
    self.text = text
    self.start = start
    self.end = end
  }
}

/// A signal found in a reply, with its evidence and a short reason.
public struct DetectedSignal: Sendable, Equatable, Codable {
  /// The taxonomy id.
  public var id: SignalID
  /// The words that triggered it, in reply order.
  public var evidence: [Evidence]
  /// A short human-readable reason.
  public var reason: String
  /// How strongly the rules weighed it (0 to 1).
  public var score: Double
  /// The learned model's probability for it (0 to 1); nil when the lexicon read the reply alone.
  public var confidence: Double?
  /// For safety: the model is unsure, so the user is asked whether it sounded like real harm.
  public var uncertain: Bool

  public init(
    id: SignalID, evidence: [Evidence], reason: String, score: Double, confidence: Double? = nil,
    uncertain: Bool = false
  ) {
    self.id = id
    self.evidence = evidence
    self.reason = reason
    self.score = score
    self.confidence = confidence
    self.uncertain = uncertain
  }

  private enum CodingKeys: String, CodingKey {
    case id, evidence, reason, score, confidence, uncertain
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(SignalID.self, forKey: .id)
    evidence = try c.decode([Evidence].self, forKey: .evidence)
    reason = try c.decode(String.self, forKey: .reason)
    score = try c.decode(Double.self, forKey: .score)
    confidence = try c.decodeIfPresent(Double.self, forKey: .confidence)
    uncertain = try c.decodeIfPresent(Bool.self, forKey: .uncertain) ?? false
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(id, forKey: .id)
    try c.encode(evidence, forKey: .evidence)
    try c.encode(reason, forKey: .reason)
    try c.encode(score, forKey: .score)
    try c.encodeIfPresent(confidence, forKey: .confidence)
    if uncertain { try c.encode(true, forKey: .uncertain) }
  }
}

/// How a reply answers a yes/no question.
public enum YesNoAnswer: String, Sendable, Codable, CaseIterable {
  case yes, no, unclear
}

/// Everything the analyzer says about one reply.
public struct Analysis: Sendable, Equatable, Codable {
  /// The signals present, in taxonomy order.
  public var signals: [DetectedSignal]
  /// The answer to a yes/no question (`unclear` when there is none).
  public var answer: YesNoAnswer
  /// True when the reply does not really answer the question.
  public var evasive: Bool
  /// Why the reply counts as evasive, when it does.
  public var evasiveReason: String?
  /// Overall warmth in [-1, 1].
  public var tone: Double
  /// The learned model's probability for every signal, in taxonomy order (empty when the lexicon read
  /// the reply alone). Not part of the coded form: records keep what was flagged, not every score.
  public var confidences: [Double] = []

  private enum CodingKeys: String, CodingKey {
    case signals, answer, evasive, evasiveReason, tone
  }

  public init(
    signals: [DetectedSignal] = [], answer: YesNoAnswer = .unclear, evasive: Bool = false,
    evasiveReason: String? = nil, tone: Double = 0
  ) {
    self.signals = signals
    self.answer = answer
    self.evasive = evasive
    self.evasiveReason = evasiveReason
    self.tone = tone
  }

  /// The ids of the signals present.
  public var signalIDs: [SignalID] { signals.map(\.id) }

  /// Whether the signal `id` is present.
  public func has(_ id: SignalID) -> Bool { signals.contains { $0.id == id } }

  /// Whether a possible safety concern awaits the user's confirmation.
  public var safetyIsUncertain: Bool { signals.contains { $0.id == .safety && $0.uncertain } }

  /// The analysis once the user has said whether the possible safety concern is real: kept as a
  /// clear concern, or removed.
  public func resolvingSafety(confirmed: Bool) -> Analysis {
    var copy = self
    if confirmed {
      for i in copy.signals.indices where copy.signals[i].id == .safety { copy.signals[i].uncertain = false }
    } else {
      copy.signals.removeAll { $0.id == .safety }
    }
    return copy
  }

  /// The analysis of an empty reply.
  public static let empty = Analysis()
}
