import Signals

/// A scripted transcript: replies to replay through the dialogue engine, with optional expectations.
public struct Transcript: Sendable, Equatable {
  /// The file it was read from (for locations).
  public var file: String
  /// A short title ("The rebound").
  public var title: String
  /// The dialogue script it is for, as written (nil: the built-in one).
  public var script: String?
  /// Notes for the person rehearsing.
  public var notes: String?
  /// The turns, in order.
  public var turns: [TranscriptTurn]
  /// How the conversation should end, and the line that says so.
  public var end: EndExpectation?
  public var endLine: Int?
  /// Whether it came from a plain text file (one reply per line, no expectations).
  public var isPlainText: Bool

  /// A transcript with every field given.
  public init(
    file: String, title: String, script: String? = nil, notes: String? = nil, turns: [TranscriptTurn],
    end: EndExpectation? = nil, endLine: Int? = nil, isPlainText: Bool = false
  ) {
    self.file = file
    self.title = title
    self.script = script
    self.notes = notes
    self.turns = turns
    self.end = end
    self.endLine = endLine
    self.isPlainText = isPlainText
  }
}

/// One step of a transcript: a reply, or a `/back` or `/skip`.
public struct TranscriptTurn: Sendable, Equatable {
  /// What the step does.
  public enum Action: Sendable, Equatable {
    case reply(String)
    case back
    case skip
  }

  public var action: Action
  public var expect: TurnExpectation
  /// The 1-based line of the turn in its file.
  public var line: Int
  /// Her answer when the reply is a possible safety concern and she is asked whether it sounded like
  /// real harm (`confirms_harm`); nil: not given, so the practice stops (safety first).
  public var confirmsHarm: Bool?

  public init(action: Action, expect: TurnExpectation = TurnExpectation(), line: Int, confirmsHarm: Bool? = nil) {
    self.action = action
    self.expect = expect
    self.line = line
    self.confirmsHarm = confirmsHarm
  }
}

/// What should be observed for a turn; nil or empty fields are not checked.
public struct TurnExpectation: Sendable, Equatable {
  /// The state the reply answers.
  public var state: String?
  /// Text the question asked should contain.
  public var question: String?
  /// Signals that must be flagged.
  public var signals: [SignalID]?
  /// Signals that must not be flagged.
  public var notSignals: [SignalID]
  /// Whether the reply is evasive.
  public var evasive: Bool?
  /// Whether a follow-up question comes right after this reply.
  public var followUp: Bool?

  public init(
    state: String? = nil, question: String? = nil, signals: [SignalID]? = nil, notSignals: [SignalID] = [],
    evasive: Bool? = nil, followUp: Bool? = nil
  ) {
    self.state = state
    self.question = question
    self.signals = signals
    self.notSignals = notSignals
    self.evasive = evasive
    self.followUp = followUp
  }

  /// Whether nothing is expected.
  public var isEmpty: Bool {
    state == nil && question == nil && signals == nil && notSignals.isEmpty && evasive == nil && followUp == nil
  }
}

/// How a rehearsed conversation ends.
public enum EndExpectation: String, Sendable, Equatable, CaseIterable {
  /// It reached the closing words and the summary.
  case summary
  /// It left the script for the safety exit.
  case safety
  /// The replies ran out before the end.
  case stopped
}
