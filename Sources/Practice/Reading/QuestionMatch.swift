/// Which of the script's questions her line asks, and how sure the recognizer is.
public struct QuestionMatch: Sendable, Equatable {
  /// The question state id, or ``QuestionRecognizer/followUp`` when she asks him to go on.
  public var id: String
  /// The recognizer's probability for it (0 to 1, three decimals).
  public var confidence: Double

  public init(id: String, confidence: Double) {
    self.id = id
    self.confidence = confidence
  }
}
