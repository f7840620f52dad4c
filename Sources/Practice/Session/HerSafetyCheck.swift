import Signals

/// Reads whether what she types in practice speaks of danger (threats, violence, control, stalking,
/// self-harm), so the practice can stop as chat does. Pure.
public struct HerSafetyCheck: Sendable {
  public let herAnalyzer: HerLineAnalyzer
  public let analyzer: Analyzer

  public init(herAnalyzer: HerLineAnalyzer, analyzer: Analyzer) {
    self.herAnalyzer = herAnalyzer
    self.analyzer = analyzer
  }

  /// How much what she says speaks of danger.
  public enum Concern: Sendable, Equatable {
    case none
    /// One reader found it: at a terminal she is asked first; piped, the practice stops.
    case possible
    /// Both readers found it: the practice stops.
    case clear
  }

  /// The reply model's probability from which her line counts as danger when the reply lexicon has a
  /// danger cue in it ("kill myself", "hit me"), and on the reply model alone. The reply readers
  /// learned his side: on her questions ("what were you up to all those months?") the model alone
  /// fires far too often, and a cue alone ("you just vanished on me") too, so a cue needs the model's
  /// own "ask her" level and the model alone a very high one. Her own danger reading comes from the
  /// her-side model (its `safety` output), which learned danger and look-alikes from her lines.
  public static let replyCueLevel = 0.3
  public static let replyModelLevel = 0.97
  /// The reply readers' finding counts only when the her-side model does not rule it out: its
  /// probability is at least this (it learned her look-alikes, "you just vanished on me", from her lines).
  public static let herSecondOpinion = 0.1
  /// Below this her-side probability, her-side danger needs the reply readers not to rule it out: their
  /// safety probability at least `replyRulesOut` (on the line or with the persons swapped). The guide's
  /// first question once stopped a practice on an unsure her-side reading alone (0.13 at a level of 0.125;
  /// the reply model: 0.02). On dev (shipped models) this keeps all 99 of the 110 danger lines found
  /// without it and flags 35 of 430 harmless ones (37); a floor of 0.05 lost two danger lines.
  public static let herConfident = 0.5
  /// The reply readers' safety probability below which they rule her line out (see `herConfident`).
  public static let replyRulesOut = 0.03

  /// Whether her line speaks of danger: read by the her-side model (trained on her lines, with
  /// look-alikes) and by the reply analyzer at the levels above.
  public func concern(of line: String) -> Concern {
    switch readings(of: line) {
    case (true, true): return .clear
    case (false, false): return .none
    default: return .possible
    }
  }

  /// What each reader makes of her line: the her-side model, and the reply analyzer at her levels.
  public func readings(of line: String) -> (her: Bool, reply: Bool) {
    let hers = herAnalyzer.read(line, before: nil)
    // A reading with no word behind it (the length or shape of a short line: "I see.") is not danger.
    var herFinds = hers.danger >= hers.dangerLevel && !hers.dangerEvidence.isEmpty
    // The reply readers learned his words: what he did to her is told by her as "you hit me", by him
    // as "I hit you". Her line is read as said and with the persons swapped.
    var replyFinds = false
    var replyProbability = 0.0
    for text in [line, Self.swappingPersons(line)] where !replyFinds && hers.danger >= Self.herSecondOpinion {
      if let model = analyzer.model {
        let lexical = Analyzer(lexicon: analyzer.lexicon, reading: .lexiconOnly).analyze(text, question: nil)
        let features = ReplyFeatures(reply: text, question: nil, lexicon: lexical)
        // As in chat, one or two words are too little for the model alone ("Keep going.", "I see.").
        let p = features.wordCount >= SignalModel.fewestWordsForSafety || lexical.has(.safety)
          ? model.probabilities(features)[SignalID.safety.order] : 0
        replyProbability = max(replyProbability, p)
        replyFinds = p >= (lexical.has(.safety) ? Self.replyCueLevel : Self.replyModelLevel)
      } else {
        replyFinds = analyzer.analyze(text, question: nil).has(.safety)
        replyProbability = replyFinds ? 1 : 0
      }
    }
    // An unsure her-side reading that the reply readers rule out is the shape of a question, not danger:
    // "What did you do while we were apart?" once read 0.13 against a level of 0.125.
    if herFinds && hers.danger < Self.herConfident && replyProbability < Self.replyRulesOut { herFinds = false }
    return (herFinds, replyFinds)
  }

  /// `line` with first and second person swapped ("you hit me" is "I hit you"), word by word.
  static func swappingPersons(_ line: String) -> String {
    let swaps: [String: String] = [
      "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "you": "I", "your": "my",
      "yours": "mine", "yourself": "myself", "im": "you're", "i'm": "you're", "youre": "I'm", "you're": "I'm",
      "ive": "you've", "i've": "you've", "youve": "I've", "you've": "I've", "id": "you'd", "i'd": "you'd",
      "youd": "I'd", "you'd": "I'd", "ill": "you'll", "i'll": "you'll", "youll": "I'll", "you'll": "I'll",
      "u": "I", "ur": "my",
    ]
    var out = ""
    var word = ""
    func flush() {
      if !word.isEmpty { out += swaps[word.lowercased()] ?? word }
      word = ""
    }
    for c in line {
      if c.isLetter || c == "'" || c == "\u{2019}" {
        word.append(c == "\u{2019}" ? "'" : c)
      } else {
        flush()
        out.append(c)
      }
    }
    flush()
    return out
  }
}
