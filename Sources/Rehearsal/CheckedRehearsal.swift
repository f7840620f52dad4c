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
}

extension CheckedRehearsal {
  public var passed: Bool { mismatches.isEmpty }
}

extension RehearsalResult: CheckedRehearsal {
  public var file: String { transcript.file }
  public var title: String { transcript.title }
}

extension PracticeRehearsalResult: CheckedRehearsal {
  public var file: String { transcript.file }
  public var title: String { transcript.title }
}
