/// The global rule checked first in every state: when it matches, the conversation leaves the script.
public struct SafetyRule: Sendable, Equatable {
  /// The guard that triggers the rule.
  public let condition: Guard
  /// The state to go to (a `kind: safety` state).
  public let goto: String
  /// The 1-based line of the `safety:` key.
  public let line: Int

  package init(condition: Guard, goto: String, line: Int) {
    self.condition = condition
    self.goto = goto
    self.line = line
  }
}
