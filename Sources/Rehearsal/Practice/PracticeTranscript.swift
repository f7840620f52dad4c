import Practice
import Signals

/// A scripted practice of her side: her lines, played against a persona, with optional expectations.
public struct PracticeTranscript: Sendable, Equatable {
  /// How a practice transcript should end.
  public enum Ending: String, Sendable, CaseIterable {
    /// Her lines ran out and the practice ended with the summary.
    case summary
    /// One of her lines spoke of danger and the practice stopped.
    case safety
  }

  public var file: String
  public var title: String
  /// The persona played: a built-in id, or a path relative to the transcript.
  public var persona: String
  /// The dialogue script, as written (nil: the built-in one).
  public var script: String?
  public var notes: String?
  public var turns: [PracticeTranscriptTurn]
  public var end: Ending?
  public var endLine: Int?

  public init(
    file: String, title: String, persona: String, script: String? = nil, notes: String? = nil,
    turns: [PracticeTranscriptTurn] = [], end: Ending? = nil, endLine: Int? = nil
  ) {
    self.file = file
    self.title = title
    self.persona = persona
    self.script = script
    self.notes = notes
    self.turns = turns
    self.end = end
    self.endLine = endLine
  }
}

/// One step of a practice transcript: a line she says, or `/back`.
public struct PracticeTranscriptTurn: Sendable, Equatable {
  public enum Action: Sendable, Equatable {
    case say(String)
    case back
  }

  public var action: Action
  public var expect: PracticeExpectation
  /// The 1-based line of the turn in its file.
  public var line: Int
  /// Her answer when her line is read as a possible danger and, at a terminal, she would be asked
  /// whether it is (`confirms_harm`); nil: not given, so the practice stops (safety first).
  public var confirmsHarm: Bool?

  public init(action: Action, expect: PracticeExpectation = PracticeExpectation(), line: Int, confirmsHarm: Bool? = nil) {
    self.action = action
    self.expect = expect
    self.line = line
    self.confirmsHarm = confirmsHarm
  }
}

/// What should be observed for one of her lines; nil or empty fields are not checked.
public struct PracticeExpectation: Sendable, Equatable {
  /// The question recognised (`none` for none of the guide's).
  public var question: String?
  /// Her signs that must be read.
  public var tone: [HerSign]?
  /// Her signs that must not be read.
  public var notTone: [HerSign] = []
  /// The reply variant he answers with (`off_script` when her line asked none of the questions).
  public var variant: String?
  /// Signs that must be read in his answer.
  public var hisSignals: [SignalID]?

  public init() {}

  public var isEmpty: Bool {
    question == nil && tone == nil && notTone.isEmpty && variant == nil && hisSignals == nil
  }
}
