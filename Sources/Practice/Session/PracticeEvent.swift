import Signals

/// What a practice engine tells the front end. The front end renders these and nothing else.
public enum PracticeEvent: Sendable, Equatable {
  /// The practice began: who he is, and his first line with the reply analyzer's reading of it.
  case opening(name: String, about: String, line: String, analysis: Analysis)
  /// Her line was read: its signs and the question recognised (nil: none of the guide's).
  case read(signs: [HerSignFinding], question: String?, isFollowUp: Bool)
  /// He answered, with the reply analyzer's reading of his answer.
  case answered(name: String, text: String, analysis: Analysis, variant: Persona.Variant?)
  /// One line of coaching about how she asked.
  case coaching(String)
  /// Her last line and his answer were taken back.
  case wentBack(line: String)
  /// Something to tell her that is not part of the conversation ("nothing to take back").
  case notice(String)
  /// Her line spoke of danger: the practice stops here with the script's safety text.
  case safetyStop(text: String)
  /// The practice ended with his closing line.
  case ended(name: String, closing: String)
}
