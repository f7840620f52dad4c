/// Who "he" is in a practice: his name and story, and for each question of the script his replies,
/// by how she asked. Read from YAML by `DialogueFormat`'s `PersonaLoader`; a value, no I/O.
public struct Persona: Sendable, Equatable {
  /// How she asked, which chooses the reply.
  public enum Variant: String, Sendable, CaseIterable, Comparable {
    /// Calm and open: he tells more of the story.
    case open
    /// With heat (accusing, pressing, sarcastic, contemptuous, firing questions): he closes down or pushes back.
    case guarded
    /// A closed yes/no question: a short answer.
    case closed
    /// The same question again, or "go on": he goes further.
    case again

    public static func < (lhs: Variant, rhs: Variant) -> Bool {
      allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
  }

  /// The variants every question must have.
  public static let requiredVariants: [Variant] = [.open, .guarded, .again]

  /// The id (`persona:`), used by `--persona`.
  public let id: String
  /// What he is called.
  public let name: String
  /// One or two sentences about him, shown at the start.
  public let about: String
  /// His first line.
  public let opening: String
  /// His last line when she ends the practice.
  public let closing: String
  /// His replies by question state id and variant, each variant's lines used in turn.
  public let answers: [String: [Variant: [String]]]
  /// In-character replies to a line that asks none of the questions, used in turn.
  public let offScript: [String]
  /// The file it was read from (`<built-in>/rebound` for a built-in one).
  public let file: String
  /// The 1-based line of each question's entry in the file, for diagnostics.
  public let lines: [String: Int]

  public init(
    id: String, name: String, about: String, opening: String, closing: String,
    answers: [String: [Variant: [String]]], offScript: [String], file: String, lines: [String: Int] = [:]
  ) {
    self.id = id
    self.name = name
    self.about = about
    self.opening = opening
    self.closing = closing
    self.answers = answers
    self.offScript = offScript
    self.file = file
    self.lines = lines
  }

  /// A stable hash of everything that changes how he answers (hex, 16 digits): a record made with
  /// one persona replays only with the same one.
  public var fingerprint: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    func add(_ text: String) {
      for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      hash = (hash ^ 0xff) &* 0x100_0000_01b3
    }
    add(id)
    add(opening)
    add(closing)
    for question in answers.keys.sorted() {
      add(question)
      for variant in Variant.allCases {
        guard let lines = answers[question]?[variant] else { continue }
        add(variant.rawValue)
        lines.forEach(add)
      }
    }
    offScript.forEach(add)
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The variants he has for `question`, in order.
  public func variants(of question: String) -> [Variant] {
    Variant.allCases.filter { answers[question]?[$0]?.isEmpty == false }
  }
}
