import Dialogue
import Signals

/// What happened at one turn of a rehearsal.
public struct ObservedTurn: Sendable, Equatable {
  /// The turn as written.
  public var turn: TranscriptTurn
  /// The state the reply answered (nil when the conversation had already ended).
  public var stateID: String?
  /// The question (or follow-up) the reply answered.
  public var question: String?
  /// The analysis of the reply.
  public var analysis: Analysis?
  /// Whether a follow-up came right after.
  public var followUp: Bool
  /// The events the engine returned for this turn.
  public var events: [DialogueEvent]
  /// Whether the turn was played (false once the conversation had ended).
  public var played: Bool
}

/// An expectation that did not hold, with the transcript line it was written on.
public struct Mismatch: Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  /// The 1-based turn number (0 for the end of the conversation).
  public var turn: Int
  public var field: String
  public var expected: String
  public var got: String

  public var description: String {
    "\(file):\(line): \(turn > 0 ? "turn \(turn): \(field)" : "end of the conversation"): expected \(expected), got \(got)"
  }
}

/// Identifies a transition of a script: a state and its index, or the safety rule (index -1).
public struct TransitionKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var state: String
  public var index: Int

  public init(state: String, index: Int) {
    self.state = state
    self.index = index
  }

  /// The global safety rule counts as one transition, whichever state it leaves.
  public static let safetyRule = TransitionKey(state: "*", index: -1)

  public var description: String { index < 0 ? "safety rule" : "\(state)[\(index)]" }

  public static func < (a: TransitionKey, b: TransitionKey) -> Bool {
    (a.state, a.index) < (b.state, b.index)
  }
}

/// The outcome of replaying one transcript.
public struct RehearsalResult: Sendable {
  public var transcript: Transcript
  /// Events from starting the conversation (coaching and the first question).
  public var startEvents: [DialogueEvent]
  public var turns: [ObservedTurn]
  /// Events from ending it when the replies ran out (summary), if it had not ended.
  public var finalEvents: [DialogueEvent]
  /// How it ended.
  public var ending: EndExpectation
  /// The summary of the conversation.
  public var summary: ConversationSummary
  public var mismatches: [Mismatch]
  /// The transitions taken (for coverage).
  public var transitions: Set<TransitionKey>
  /// States where a question was asked.
  public var visitedStates: Set<String>

  /// Whether every expectation held.
  /// Turns with expectations that all held / that failed.
  public var failedTurns: Int { Set(mismatches.filter { $0.turn > 0 }.map(\.turn)).count }
  public var checkedTurns: Int { turns.filter { !$0.turn.expect.isEmpty }.count }
}
