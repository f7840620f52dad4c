/// Where a question stands among the script's question groups: "question 3 of 7".
public struct QuestionProgress: Sendable, Equatable, Codable {
  /// The 1-based group of the question (0 before the start).
  public var number: Int
  /// How many question groups the script has.
  public var total: Int

  /// A position `number` of `total`.
  public init(number: Int, total: Int) {
    self.number = number
    self.total = total
  }
}
