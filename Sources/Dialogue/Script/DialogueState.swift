/// One state of a dialogue script: a question to ask, or a final state that ends the conversation.
public struct DialogueState: Sendable, Equatable {
  /// What a state does.
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// Asks a question and waits for the reply.
    case question
    /// Ends the conversation normally with a closing text.
    case end
    /// Ends the conversation with a safety message.
    case safety
  }

  /// The state id (its key under `states:`).
  public let id: String
  /// Whether the state asks a question or ends the conversation.
  public let kind: Kind
  /// The question group (1 to 7) for question states; nil for final states.
  public let group: Int?
  /// Coaching shown before the question.
  public let coach: String?
  /// The question to ask; nil for final states.
  public let ask: String?
  /// Whether the question is a yes/no question (`yes_no: true`).
  public let yesNo: Bool
  /// The transitions, in the order they are tried.
  public let transitions: [Transition]
  /// The closing or safety text of a final state; nil for question states.
  public let say: String?
  /// The 1-based line of the state's id in the script.
  public let line: Int
  /// Other phrasings of the question (`intents:`), for recognising it in her own words in practice.
  public let intents: [String]

  /// Whether the state ends the conversation.
  public var isFinal: Bool { kind != .question }

  /// The index of the unconditional transition (the one without `when`), if there is one.
  public var fallbackIndex: Int? {
    transitions.firstIndex { $0.condition == nil }
  }

  package init(
    id: String, kind: Kind, group: Int?, coach: String?, ask: String?, yesNo: Bool,
    transitions: [Transition], say: String?, line: Int, intents: [String] = []
  ) {
    self.intents = intents
    self.id = id
    self.kind = kind
    self.group = group
    self.coach = coach
    self.ask = ask
    self.yesNo = yesNo
    self.transitions = transitions
    self.say = say
    self.line = line
  }
}
