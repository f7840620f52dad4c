import Signals

/// A signal seen in the replies to one question, with the words that triggered it.
public struct ObservedSignal: Sendable, Codable, Equatable {
  /// The signal.
  public var id: SignalID
  /// In how many replies it was flagged.
  public var count: Int
  /// The words that triggered it, without repeats, in the order they came.
  public var evidence: [String]

  /// An observed signal with every field given.
  public init(id: SignalID, count: Int, evidence: [String]) {
    self.id = id
    self.count = count
    self.evidence = evidence
  }
}
