import Signals

extension DialogueEngine {
  /// The conversation as it stands, ready to encode.
  public var snapshot: DialogueSnapshot {
    DialogueSnapshot(
      version: DialogueSnapshot.currentVersion, title: script.title, fingerprint: script.fingerprint, turns: turns,
      state: state, undo: undo, notes: notes)
  }

  /// An engine that continues a saved conversation.
  /// - Throws: ``DialogueError/scriptMismatch(expected:found:)`` when the snapshot was made with another
  ///   script; ``DialogueError/invalidSnapshot(_:)`` when it is damaged.
  public init(script: DialogueScript, analyzer: Analyzer = Analyzer(), restoring snapshot: DialogueSnapshot)
    throws(DialogueError)
  {
    guard snapshot.version == DialogueSnapshot.currentVersion else {
      throw .invalidSnapshot("unknown snapshot version \(snapshot.version)")
    }
    guard snapshot.fingerprint == script.fingerprint else {
      throw .scriptMismatch(expected: script.fingerprint, found: snapshot.fingerprint)
    }
    for saved in [snapshot.state] + snapshot.undo.map({ $0.restoring(snapshot.state) }) {
      if let problem = Self.problem(in: saved, turnCount: snapshot.turns.count, script: script) {
        throw .invalidSnapshot(problem)
      }
    }
    if snapshot.undo.contains(where: { $0.visitCount > snapshot.state.visits.count }) {
      throw .invalidSnapshot("its undo points do not add up")
    }
    guard snapshot.state.turnCount == snapshot.turns.count else {
      throw .invalidSnapshot("it records \(snapshot.state.turnCount) turns but holds \(snapshot.turns.count)")
    }
    self.init(script: script, analyzer: analyzer)
    state = snapshot.state
    turns = snapshot.turns
    undo = snapshot.undo
    notes = snapshot.notes
  }

  /// Why a saved state cannot belong to `script`, if it cannot.
  private static func problem(in saved: ConversationState, turnCount: Int, script: DialogueScript) -> String? {
    if case .awaitingReply(let id) = saved.phase, script.state(id)?.kind != .question {
      return "it waits in `\(id)`, which is not a question state of the script"
    }
    if let visit = saved.visits.first(where: { script.state($0.stateID) == nil }) {
      return "it visited `\(visit.stateID)`, which the script does not have"
    }
    if saved.turnCount > turnCount || saved.visits.contains(where: { $0.firstTurn > turnCount }) {
      return "its turn counts do not add up"
    }
    return nil
  }
}
