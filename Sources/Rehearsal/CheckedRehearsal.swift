/// What a `rehearse --check` report needs of one replayed transcript, of either kind.
public protocol CheckedRehearsal {
  /// The transcript's file and title.
  var file: String { get }
  var title: String { get }
  /// The expectations that did not hold.
  var mismatches: [Mismatch] { get }
  /// Turns with expectations, and how many of them failed.
  var checkedTurns: Int { get }
  var failedTurns: Int { get }
  /// Each turn with expectations: its number (from 1) and the transcript line it is written on.
  var checkedSteps: [(turn: Int, line: Int)] { get }
  /// Whether the transcript says how the conversation should end.
  var expectsEnding: Bool { get }
}

extension CheckedRehearsal {
  public var passed: Bool { mismatches.isEmpty }
}

extension RehearsalResult: CheckedRehearsal {
  public var file: String { transcript.file }
  public var title: String { transcript.title }
  public var checkedSteps: [(turn: Int, line: Int)] {
    turns.enumerated().filter { !$0.element.turn.expect.isEmpty }.map { ($0.offset + 1, $0.element.turn.line) }
  }
  public var expectsEnding: Bool { transcript.end != nil }
}

extension PracticeRehearsalResult: CheckedRehearsal {
  public var file: String { transcript.file }
  public var title: String { transcript.title }
  public var checkedSteps: [(turn: Int, line: Int)] {
    turns.enumerated().filter { !$0.element.turn.expect.isEmpty }.map { ($0.offset + 1, $0.element.turn.line) }
  }
  public var expectsEnding: Bool { transcript.end != nil }
}
