import Signals

/// Reads whether what she types in practice speaks of danger (threats, violence, control, stalking,
/// self-harm), so the practice can stop as chat does. Pure.
public struct HerSafetyCheck: Sendable {
  public let herAnalyzer: HerLineAnalyzer
  public let analyzer: Analyzer

  public init(herAnalyzer: HerLineAnalyzer, analyzer: Analyzer) {
    self.herAnalyzer = herAnalyzer
    self.analyzer = analyzer
  }

  /// How much what she says speaks of danger.
  public enum Concern: Sendable, Equatable {
    case none
    /// One reader found it: at a terminal she is asked first; piped, the practice stops.
    case possible
    /// Both readers found it: the practice stops.
    case clear
  }

  /// The reply model's probability from which her line counts as danger on the reply lexicon's cue,
  /// and on the reply model alone. The reply readers learned his side; on her questions ("what were
  /// you up to all those months?", "you just vanished on me!") their own levels fire far too often,
  /// so hers are higher. Her own danger reading comes from the her-side model (its `safety` output).
  public static let replyCueLevel = 0.75
  public static let replyModelLevel = 0.97

  /// Whether her line speaks of danger: read by the her-side model (trained on her lines, with
  /// look-alikes) and by the reply analyzer at the levels above.
  public func concern(of line: String) -> Concern {
    switch readings(of: line) {
    case (true, true): return .clear
    case (false, false): return .none
    default: return .possible
    }
  }

  /// What each reader makes of her line: the her-side model, and the reply analyzer at her levels.
  public func readings(of line: String) -> (her: Bool, reply: Bool) {
    let hers = herAnalyzer.read(line, before: nil)
    let herFinds = hers.danger >= hers.dangerLevel
    var replyFinds = false
    if let concern = analyzer.analyze(line, question: nil).signals.first(where: { $0.id == .safety }) {
      let p = concern.confidence ?? (concern.uncertain ? 0 : 1)
      replyFinds = p >= (concern.uncertain ? Self.replyModelLevel : Self.replyCueLevel)
    }
    return (herFinds, replyFinds)
  }
}
