/// Why a conversation ended.
public enum EndReason: String, Sendable, Codable, Equatable, CaseIterable {
  /// The script reached a `kind: end` state.
  case end
  /// A reply triggered the safety rule (or the script reached a `kind: safety` state).
  case safety
  /// The user stopped early (`finish()`: Ctrl-D, `/quit`).
  case stopped
}
