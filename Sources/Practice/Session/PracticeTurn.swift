import Signals

/// One of her lines in a practice and what came of it.
public struct PracticeTurn: Sendable, Equatable {
  /// What she said, as typed.
  public var line: String
  /// How she said it.
  public var signs: [HerSignFinding]
  /// The question recognised, if any (a "go on" is resolved to the question it followed).
  public var question: String?
  /// Whether she asked him to say more, or asked the same question again.
  public var isFollowUp: Bool
  /// The reply variant chosen; nil when her line asked none of the questions.
  public var variant: Persona.Variant?
  /// His answer.
  public var reply: String
  /// The reply analyzer's reading of his answer.
  public var replyAnalysis: Analysis
  /// The one-line coaching shown after her line, if any.
  public var coaching: String?

  public init(
    line: String, signs: [HerSignFinding], question: String?, isFollowUp: Bool, variant: Persona.Variant?,
    reply: String, replyAnalysis: Analysis, coaching: String?
  ) {
    self.line = line
    self.signs = signs
    self.question = question
    self.isFollowUp = isFollowUp
    self.variant = variant
    self.reply = reply
    self.replyAnalysis = replyAnalysis
    self.coaching = coaching
  }

  /// Whether any of her signs is helpful / unhelpful.
  public var hasHelpfulSign: Bool { signs.contains { $0.sign.isHelpful } }
  public var hasUnhelpfulSign: Bool { signs.contains { !$0.sign.isHelpful } }
}
