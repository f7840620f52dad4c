import Signals

/// The condition of a transition or of the safety rule. Every part that is set must hold.
public struct Guard: Sendable, Equatable {
  /// At least one of these signals must be present (ignored when empty).
  public let anySignals: [SignalID]
  /// All of these signals must be present.
  public let allSignals: [SignalID]
  /// None of these signals may be present.
  public let noneSignals: [SignalID]
  /// The yes/no answer the reply must give.
  public let answer: YesNoAnswer?
  /// Whether the reply must (or must not) be evasive.
  public let evasive: Bool?
  /// The tone must be strictly above this value.
  public let toneAbove: Double?
  /// The tone must be strictly below this value.
  public let toneBelow: Double?
  /// A case-insensitive regular expression the reply must match somewhere.
  public let pattern: ReplyPattern?
  /// Variables that must hold exactly these values (an unset variable never matches).
  public let vars: [String: String]

  package init(
    anySignals: [SignalID] = [], allSignals: [SignalID] = [], noneSignals: [SignalID] = [],
    answer: YesNoAnswer? = nil, evasive: Bool? = nil, toneAbove: Double? = nil, toneBelow: Double? = nil,
    pattern: ReplyPattern? = nil, vars: [String: String] = [:]
  ) {
    self.anySignals = anySignals
    self.allSignals = allSignals
    self.noneSignals = noneSignals
    self.answer = answer
    self.evasive = evasive
    self.toneAbove = toneAbove
    self.toneBelow = toneBelow
    self.pattern = pattern
    self.vars = vars
  }

  /// Whether the guard holds for a reply, its analysis and the conversation's variables.
  public func matches(reply: String, analysis: Analysis, vars current: [String: String]) -> Bool {
    if !anySignals.isEmpty, !anySignals.contains(where: analysis.has) { return false }
    if !allSignals.allSatisfy(analysis.has) { return false }
    if noneSignals.contains(where: analysis.has) { return false }
    if let answer, analysis.answer != answer { return false }
    if let evasive, analysis.evasive != evasive { return false }
    if let toneAbove, !(analysis.tone > toneAbove) { return false }
    if let toneBelow, !(analysis.tone < toneBelow) { return false }
    if let pattern, !pattern.matches(reply) { return false }
    return vars.allSatisfy { current[$0.key] == $0.value }
  }
}
