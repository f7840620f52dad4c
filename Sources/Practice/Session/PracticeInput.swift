import Dialogue

/// Something she did in a practice. A practice record is the log of these; replaying them through
/// an engine with the same script and persona rebuilds the practice exactly.
public enum PracticeInput: Sendable, Equatable {
  /// The practice began: he says his opening line.
  case start
  /// A line she said to him, with her answer when it was a possible safety concern she was asked about.
  case line(String, safetyCheck: Turn.SafetyCheck?)
  /// She took back her last line (and his answer).
  case back
  /// She ended the practice.
  case end
}
