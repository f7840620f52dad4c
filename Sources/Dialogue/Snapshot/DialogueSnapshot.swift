/// A saved conversation: enough to restore an engine exactly, including what `back()` can undo.
///
/// Encode it with any `Encoder` (JSON works well); restore with
/// ``DialogueEngine/init(script:analyzer:restoring:)`` and the same script.
public struct DialogueSnapshot: Sendable, Codable, Equatable {
  /// The snapshot format this build writes and reads.
  public static let currentVersion = 2

  /// The snapshot format version.
  public var version: Int
  /// The title of the script the conversation used.
  public var title: String
  /// The fingerprint of that script (``DialogueScript/fingerprint``).
  public var fingerprint: String
  /// Every reply so far.
  public var turns: [Turn]
  /// Phase, variables, follow-up counters, pending follow-up and question outcomes.
  var state: ConversationState
  /// The states `back()` can return to.
  var undo: [UndoPoint]
  /// Her notes, by question state.
  public var notes: [String: [String]] = [:]

  /// Where the saved conversation stood.
  public var phase: DialogueEngine.Phase { state.phase }
  /// The variables set when it was saved.
  public var vars: [String: String] { state.vars }
}
