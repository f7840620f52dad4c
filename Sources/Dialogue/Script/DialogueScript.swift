import Signals

/// A loaded dialogue script: the question states, their transitions and the global safety rule.
///
/// Build one with ``ScriptLoader/load(_:file:)`` or take ``ScriptLoader/builtIn``.
public struct DialogueScript: Sendable, Equatable {
  /// The `format:` line the loader accepts.
  public static let format = "rekindle-dialogue/1"

  /// The file the script was loaded from, as given to the loader (used in diagnostics).
  public let file: String
  /// The title shown above the conversation and its summary.
  public let title: String
  /// The id of the first state.
  public let start: String
  /// Coaching shown whenever a signal is flagged in any reply, by signal.
  public let reactions: [SignalID: String]
  /// The global rule checked before any transition in every state.
  public let safety: SafetyRule?
  /// The states in script order.
  public let states: [DialogueState]
  /// A stable hash of everything that changes how the script behaves (hex, 16 digits).
  public let fingerprint: String

  private let indexByID: [String: Int]

  package init(
    file: String, title: String, start: String, reactions: [SignalID: String], safety: SafetyRule?,
    states: [DialogueState]
  ) {
    self.file = file
    self.title = title
    self.start = start
    self.reactions = reactions
    self.safety = safety
    self.states = states
    var index: [String: Int] = [:]
    for (position, state) in states.enumerated() where index[state.id] == nil { index[state.id] = position }
    indexByID = index
    fingerprint = ScriptFingerprint.compute(
      title: title, start: start, reactions: reactions, safety: safety, states: states)
  }

  /// The state named `id`, if the script has one.
  public func state(_ id: String) -> DialogueState? {
    indexByID[id].map { states[$0] }
  }

  /// The distinct question groups, in ascending order.
  public var groups: [Int] {
    Array(Set(states.compactMap(\.group))).sorted()
  }
}
