import Signals

/// A call made when the conversation cannot take it, or a snapshot that does not fit.
public enum DialogueError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `reply`, `back` or `skip` before `start()`.
  case notStarted
  /// `start()` called twice.
  case alreadyStarted
  /// A call after the conversation ended.
  case ended
  /// `back()` with no reply or skip to undo.
  case nothingToUndo
  /// `skip()` in a state without an unconditional transition.
  case cannotSkip(String)
  /// `overrule(_:)` of a sign the last reply does not show.
  case nothingToOverrule(SignalID)
  /// The snapshot was made with a different script (fingerprints differ).
  case scriptMismatch(expected: String, found: String)
  /// The snapshot is damaged or from an unknown version.
  case invalidSnapshot(String)

  /// A sentence for the user.
  public var description: String {
    switch self {
    case .notStarted: return "the conversation has not started"
    case .alreadyStarted: return "the conversation has already started"
    case .ended: return "the conversation has ended"
    case .nothingToUndo: return "there is no reply to undo"
    case .nothingToOverrule(let id): return "the last reply does not show `\(id.rawValue)`"
    case .cannotSkip(let state):
      return "the question in state `\(state)` cannot be skipped: it has no transition without `when`"
    case .scriptMismatch(let expected, let found):
      return
        "the saved conversation belongs to a different version of the script (fingerprint \(found), expected \(expected))"
    case .invalidSnapshot(let reason): return "the saved conversation cannot be restored: \(reason)"
    }
  }
}
