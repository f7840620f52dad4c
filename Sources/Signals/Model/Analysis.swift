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

  public init(id: SignalID, evidence: [Evidence], reason: String, score: Double) {
    self.id = id
    self.evidence = evidence
    self.reason = reason
    self.score = score
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

  /// The analysis of an empty reply.
  public static let empty = Analysis()
}
