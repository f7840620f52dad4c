import Signals

/// Something the person did in a conversation. A session record is the log of these; replaying
/// them through an engine with the same script and analyzer rebuilds the conversation exactly.
public enum DialogueInput: Sendable, Equatable {
  /// The conversation began.
  case start
  /// A reply, with her answer when it was a possible safety concern she was asked about.
  case reply(String, safetyCheck: Turn.SafetyCheck?)
  /// She went back one answer.
  case back
  /// She skipped the question.
  case skip
  /// She overruled a sign flagged in the last reply (`/not SIGNAL`).
  case overrule(SignalID)
  /// She added a note to the current question (`/note TEXT`).
  case note(String)
}

extension DialogueEngine {
  /// Applies one input as the live conversation did: a reply is analysed here, and an uncertain
  /// safety reading is resolved by the recorded answer.
  public mutating func apply(_ input: DialogueInput) throws(DialogueError) -> [DialogueEvent] {
    switch input {
    case .start:
      return try start()
    case .reply(let text, let check):
      var analysis = analyze(text)
      if let check, analysis.safetyIsUncertain {
        analysis = analysis.resolvingSafety(confirmed: check == .confirmed)
      }
      return try reply(text, analysis: analysis, safetyCheck: check)
    case .back:
      return try back()
    case .skip:
      return try skip()
    case .overrule(let id):
      return try overrule(id)
    case .note(let text):
      return try note(text)
    }
  }

  /// An engine that has replayed `inputs` in order (a resumed session).
  /// - Throws: the ``DialogueError`` of the first input that does not fit where the replay stands.
  public init(script: DialogueScript, analyzer: Analyzer = Analyzer(), replaying inputs: some Sequence<DialogueInput>)
    throws(DialogueError)
  {
    self.init(script: script, analyzer: analyzer)
    for input in inputs { _ = try apply(input) }
  }
}
