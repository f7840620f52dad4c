/// Where a question stands among the script's question groups: "question 3 of 7", and which part
/// of that group when the group asks several questions in a row ("question 3 of 7, part 2").
public struct QuestionProgress: Sendable, Equatable, Codable {
  /// The 1-based group of the question (0 before the start).
  public var number: Int
  /// How many question groups the script has.
  public var total: Int
  /// The 1-based place of this question among the questions of its group asked in a row.
  public var part: Int

  /// A position `number` of `total`, `part` within its group.
  public init(number: Int, total: Int, part: Int = 1) {
    self.number = number
    self.total = total
    self.part = part
  }

  /// "Question 3 of 7", or "Question 3 of 7, part 2".
  public var label: String {
    "Question \(number) of \(total)" + (part > 1 ? ", part \(part)" : "")
  }
}

extension QuestionProgress {
  /// The progress of the visit at `index` among `visits` (0 of the total when there is none).
  static func of(visit index: Int, in visits: [QuestionVisit], script: DialogueScript) -> QuestionProgress {
    let groups = script.groups
    guard visits.indices.contains(index), let group = script.state(visits[index].stateID)?.group,
      let position = groups.firstIndex(of: group)
    else { return QuestionProgress(number: 0, total: groups.count) }
    var part = 1
    var earlier = index - 1
    while earlier >= 0, script.state(visits[earlier].stateID)?.group == group {
      part += 1
      earlier -= 1
    }
    return QuestionProgress(number: position + 1, total: groups.count, part: part)
  }
}
