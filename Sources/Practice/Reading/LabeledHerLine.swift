/// One labeled line of hers (the her-side corpus): what she said after his line `before`, the signs a
/// reader found in it, and the question it asks.
public struct LabeledHerLine: Sendable, Equatable {
  public var id: String
  public var writer: String
  /// His line just before, or empty.
  public var before: String
  public var line: String
  public var signs: Set<HerSign>
  /// A question state id, ``QuestionRecognizer/followUp``, or nil for none.
  public var question: String?
  /// Whether she speaks of danger (the practice must stop).
  public var safety: Bool

  public init(
    id: String, writer: String, before: String, line: String, signs: Set<HerSign>, question: String?, safety: Bool = false
  ) {
    self.safety = safety
    self.id = id
    self.writer = writer
    self.before = before
    self.line = line
    self.signs = signs
    self.question = question
  }
}
