/// One way out of a question state: a guard and what to do when it matches.
public struct Transition: Sendable, Equatable {
  /// The guard; nil when the transition always matches.
  public let condition: Guard?
  /// The state to go to.
  public let goto: String
  /// A follow-up question to ask instead of moving on, while retries last.
  public let followUp: String?
  /// How many follow-ups this transition may ask in one visit; nil means unlimited.
  public let retries: Int?
  /// Coaching shown when the transition is taken (with the follow-up, when there is one).
  public let coach: String?
  /// Variables to set when the transition moves on.
  public let set: [String: String]
  /// Sample replies that should take this transition (kept for verifiers; not interpreted).
  public let examples: [String]
  /// The 1-based line where the transition starts in the script.
  public let line: Int

  package init(
    condition: Guard?, goto: String, followUp: String?, retries: Int?, coach: String?,
    set: [String: String], examples: [String], line: Int
  ) {
    self.condition = condition
    self.goto = goto
    self.followUp = followUp
    self.retries = retries
    self.coach = coach
    self.set = set
    self.examples = examples
    self.line = line
  }

  /// Whether the transition may ask another follow-up after `asked` follow-ups.
  func allowsFollowUp(after asked: Int) -> Bool {
    guard followUp != nil else { return false }
    return retries.map { asked < $0 } ?? true
  }
}
