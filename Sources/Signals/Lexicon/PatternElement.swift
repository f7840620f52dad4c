/// One alternative inside a pattern element: what a single token may be.
enum PatternAtom: Sendable, Equatable {
  /// A word of the vocabulary.
  case word(Int32)
  /// Any word whose normalized text starts with this prefix id.
  case prefix(Int32)
  /// Any word of a named class (a bit of the class mask).
  case wordClass(Int)
  /// A capitalized word the lexicon does not know: most likely a name.
  case name
  /// A number.
  case number
  /// Any one word.
  case any
}

/// One step of a compiled pattern.
enum PatternElement: Sendable, Equatable {
  /// One token matching any of the atoms; optional elements may be skipped.
  case token([PatternAtom], optional: Bool)
  /// Skip up to this many tokens inside the sentence (`...`).
  case gap(Int)
  /// The match starts a sentence (`^`).
  case sentenceStart
  /// The match ends a sentence (`$`), or a question (`$?`).
  case sentenceEnd(questionOnly: Bool)
}

/// What a lexicon entry contributes when its pattern matches.
enum EntryCategory: Sendable, Equatable, Hashable {
  /// Evidence for a taxonomy signal.
  case signal(SignalID)
  /// An idiom or non-literal phrase: signal matches lying inside it are dropped.
  case mask
  /// Filler ("not gonna lie", "to be honest"): its words never negate anything.
  case filler
  /// A sarcasm or irony cue.
  case sarcasm
  /// A phrase that avoids answering ("I don't know", "next question").
  case evasive
  /// An affirmative answer cue.
  case yes
  /// A negative answer cue.
  case no
  /// A warmth cue; the weight is its valence in [-1, 1].
  case tone
  /// Sympathy about a third person ("sorry to hear about your mom"): not about the breakup.
  case thirdParty

  /// The category's name in lexicon files.
  var name: String {
    switch self {
    case .signal(let id): return id.rawValue
    case .mask: return "mask"
    case .filler: return "filler"
    case .sarcasm: return "sarcasm"
    case .evasive: return "evasive"
    case .yes: return "yes"
    case .no: return "no"
    case .tone: return "tone"
    case .thirdParty: return "third_party"
    }
  }

  /// Parses a category name, or nil when unknown.
  init?(name: String) {
    if let id = SignalID(rawValue: name) {
      self = .signal(id)
      return
    }
    switch name {
    case "mask": self = .mask
    case "filler": self = .filler
    case "sarcasm": self = .sarcasm
    case "evasive": self = .evasive
    case "yes": self = .yes
    case "no": self = .no
    case "tone": self = .tone
    case "third_party": self = .thirdParty
    default: return nil
    }
  }

  /// Every category name, for error messages and did-you-mean.
  static var allNames: [String] {
    SignalID.allCases.map(\.rawValue)
      + ["mask", "filler", "sarcasm", "evasive", "yes", "no", "tone", "third_party"]
  }
}

/// A compiled lexicon entry.
struct LexiconPattern: Sendable {
  var category: EntryCategory
  var weight: Double
  var elements: [PatternElement]
  /// Whether a negator just before the match cancels it.
  var negatable: Bool
  /// A word the question must contain for the entry to apply, or -1.
  var questionWord: Int32
  /// The lexicon entry it was compiled from (one entry may compile to several variants).
  var entry: Int32
  /// The pattern as written, for reasons and lint.
  var source: String
  /// An optional reason written beside the pattern.
  var reason: String?
  /// Where it was written.
  var location: SourceLocation
}
