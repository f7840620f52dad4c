/// One sign of how she says a line in practice (Scripts/data/her-corpus/TAXONOMY.md, her side v1).
public enum HerSign: String, CaseIterable, Sendable, Hashable, Comparable {
  // The guide's way of asking.
  case openQuestion = "open_question"
  case calm, patient, validating
  case iStatement = "i_statement"
  case boundary
  // Likely to make him close down or push back.
  case accusatory, interrogating, sarcastic, pressing
  case closedQuestion = "closed_question"
  case overAccommodating = "over_accommodating"
  case contempt

  /// Every sign in taxonomy order, allocated once.
  public static let ordered: [HerSign] = allCases

  /// The sign's position in taxonomy order (its output in the her-side model).
  public var order: Int { Self.ordered.firstIndex(of: self) ?? 0 }

  /// Whether the sign is the guide's way of asking (true) or likely to make him close down (false).
  public var isHelpful: Bool {
    switch self {
    case .openQuestion, .calm, .patient, .validating, .iStatement, .boundary: return true
    default: return false
    }
  }

  /// Whether the sign makes a guarded persona close down or push back (everything unhelpful except a
  /// closed question, which gets a short answer, and over-accommodating, which lets him off).
  public var putsHimOnGuard: Bool {
    switch self {
    case .accusatory, .interrogating, .sarcastic, .pressing, .contempt: return true
    default: return false
    }
  }

  /// A short label ("open question").
  public var label: String {
    switch self {
    case .openQuestion: return "open question"
    case .calm: return "calm"
    case .patient: return "patient"
    case .validating: return "validating"
    case .iStatement: return "\"I\" statement"
    case .boundary: return "clear boundary"
    case .accusatory: return "accusatory"
    case .interrogating: return "interrogating"
    case .sarcastic: return "sarcastic"
    case .pressing: return "pressing for an answer"
    case .closedQuestion: return "closed question"
    case .overAccommodating: return "over-accommodating"
    case .contempt: return "contempt"
    }
  }

  /// One line of coaching for an unhelpful sign: what to try instead (nil for helpful signs).
  public var coaching: String? {
    switch self {
    case .accusatory:
      return "That may land as a charge. Try asking what happened for him, and say how it was for you with \"I\"."
    case .interrogating:
      return "Several questions at once can feel like a cross-examination. Ask one, then let him answer."
    case .sarcastic:
      return "Sarcasm tends to shut a talk down. Say plainly what you mean, even if it is hard."
    case .pressing:
      return "Pushing for an answer now can get you a quick one rather than a true one. Leave room to think."
    case .closedQuestion:
      return "A yes/no question gets a word. \"What\" or \"how\" invites the story."
    case .overAccommodating:
      return "You gave up your own need there. It is fine to let a question stand and wait for his answer."
    case .contempt:
      return "Contempt makes anyone defensive. If you are angry, say so about what happened, not about who he is."
    default:
      return nil
    }
  }

  public static func < (lhs: HerSign, rhs: HerSign) -> Bool { lhs.order < rhs.order }
}
