import Dialogue
import Signals

/// The end of a practice, both sides: which of the guide's question groups she covered and which
/// she skipped, how she asked over time, the signs he showed, and a few suggestions drawn from her
/// own lines. A value; ``markdown`` renders it for a file.
public struct PracticeSummary: Sendable, Equatable {
  /// One question group of the script.
  public struct Group: Sendable, Equatable {
    public var number: Int
    /// The group's questions: id, the script's wording, and whether she asked it.
    public var questions: [(id: String, ask: String, asked: Bool)]
    public var covered: Bool { questions.contains { $0.asked } }

    public static func == (a: Group, b: Group) -> Bool {
      a.number == b.number && a.questions.map(\.id) == b.questions.map(\.id)
        && a.questions.map(\.asked) == b.questions.map(\.asked)
    }
  }

  /// How one of her lines was said, for the row of marks.
  public enum Tone: String, Sendable, Equatable {
    /// Only helpful signs.
    case helpful
    /// Only unhelpful ones.
    case unhelpful
    /// Both.
    case mixed
    /// No sign.
    case plain
  }

  public var title: String
  public var personaName: String
  public var personaID: String
  public var groups: [Group]
  /// Per line of hers, in order.
  public var tones: [Tone]
  /// How often each of her signs showed, in taxonomy order (only those that did).
  public var herSigns: [(sign: HerSign, count: Int)]
  /// How often each sign showed in his answers, in taxonomy order (only those that did).
  public var hisSigns: [(signal: SignalID, count: Int)]
  /// Her lines that asked none of the guide's questions.
  public var offScriptLines: Int
  /// Two or three concrete suggestions for next time.
  public var suggestions: [String]
  /// Whether the practice stopped for safety.
  public var stoppedForSafety: Bool

  public static func == (a: PracticeSummary, b: PracticeSummary) -> Bool {
    a.title == b.title && a.personaID == b.personaID && a.groups == b.groups && a.tones == b.tones
      && a.herSigns.map(\.sign) == b.herSigns.map(\.sign) && a.herSigns.map(\.count) == b.herSigns.map(\.count)
      && a.hisSigns.map(\.signal) == b.hisSigns.map(\.signal) && a.hisSigns.map(\.count) == b.hisSigns.map(\.count)
      && a.offScriptLines == b.offScriptLines && a.suggestions == b.suggestions && a.stoppedForSafety == b.stoppedForSafety
  }

  /// The summary of `engine`'s practice so far.
  public init(of engine: PracticeEngine) {
    let turns = engine.turns
    title = engine.script.title
    personaName = engine.persona.name
    personaID = engine.persona.id
    let asked = Set(turns.compactMap(\.question))
    var groups: [Group] = []
    for number in engine.script.groups {
      let questions = engine.script.states.filter { $0.kind == .question && $0.group == number }
        .map { (id: $0.id, ask: $0.ask ?? $0.id, asked: asked.contains($0.id)) }
      groups.append(Group(number: number, questions: questions))
    }
    self.groups = groups
    tones = turns.map { turn in
      switch (turn.hasHelpfulSign, turn.hasUnhelpfulSign) {
      case (true, true): return .mixed
      case (true, false): return .helpful
      case (false, true): return .unhelpful
      case (false, false): return .plain
      }
    }
    herSigns = HerSign.ordered.compactMap { sign in
      let n = turns.filter { $0.signs.contains { $0.sign == sign } }.count
      return n > 0 ? (sign, n) : nil
    }
    hisSigns = SignalID.ordered.compactMap { id in
      let n = turns.filter { $0.replyAnalysis.signals.contains { $0.id == id } }.count
      return n > 0 ? (id, n) : nil
    }
    offScriptLines = turns.filter { $0.question == nil }.count
    stoppedForSafety = engine.phase == .stoppedForSafety
    suggestions = Self.suggestions(turns: turns, groups: groups)
  }

  /// Up to three suggestions: her most frequent unhelpful signs, each with one of her own lines that
  /// showed it; then the question groups she left out; then praise for what worked.
  static func suggestions(turns: [PracticeTurn], groups: [Group]) -> [String] {
    var out: [String] = []
    var counts: [HerSign: Int] = [:]
    for turn in turns { for finding in turn.signs where !finding.sign.isHelpful { counts[finding.sign, default: 0] += 1 } }
    let ranked = counts.keys.sorted { (counts[$0] ?? 0, $1) > (counts[$1] ?? 0, $0) }
    for sign in ranked.prefix(2) {
      guard let turn = turns.first(where: { $0.signs.contains { $0.sign == sign } }), let tip = sign.coaching else { continue }
      let quoted = turn.line.count > 90 ? String(turn.line.prefix(87)) + "..." : turn.line
      let times = counts[sign] ?? 0
      out.append("\(sign.label.prefix(1).uppercased() + sign.label.dropFirst()) (\(times) \(times == 1 ? "line" : "lines")), e.g. \"\(quoted)\". \(tip)")
    }
    let skipped = groups.filter { !$0.covered }
    if out.count < 3, let first = skipped.first, let question = first.questions.first {
      let more = skipped.count > 1 ? " (\(skipped.count) groups were left out; this is the first)" : ""
      out.append("Next time, ask about group \(first.number)\(more): \"\(question.ask)\"")
    }
    let followUps = turns.filter(\.isFollowUp).count
    if out.count < 3, followUps == 0, turns.contains(where: { $0.replyAnalysis.evasive }) {
      out.append("Some of his answers were vague; asking \"Can you tell me more about that?\" before moving on lets him fill them in.")
    }
    if out.count < 3, let good = turns.first(where: { $0.hasHelpfulSign && !$0.hasUnhelpfulSign && $0.question != nil }) {
      let quoted = good.line.count > 90 ? String(good.line.prefix(87)) + "..." : good.line
      out.append("Keep asking the way you did in \"\(quoted)\": it left him room to tell his side.")
    }
    return Array(out.prefix(3))
  }
}
