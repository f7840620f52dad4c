import Dialogue
import Signals

/// The practice runtime: she says a line, the engine reads how she said it and which question it
/// asks, chooses his answer from the persona, and reads his answer with the reply analyzer.
///
/// A value with no I/O, like ``DialogueEngine``: inputs in (``apply(_:)``), events out. Every choice
/// follows from the inputs so far, so a record of the inputs replays the practice exactly.
public struct PracticeEngine: Sendable {
  /// Where the practice stands.
  public enum Phase: Sendable, Equatable {
    case notStarted, talking, ended, stoppedForSafety
  }

  /// Her lines in one practice at most: a conversation, not a corpus; memory stays bounded.
  public static let maximumTurns = 1000

  public let script: DialogueScript
  public let persona: Persona
  public let herAnalyzer: HerLineAnalyzer
  public let recognizer: QuestionRecognizer
  public let analyzer: Analyzer
  /// Her lines so far and what came of them.
  public private(set) var turns: [PracticeTurn] = []
  /// His opening line's reading.
  public private(set) var openingAnalysis: Analysis?
  public private(set) var phase: Phase = .notStarted
  /// The text of her line that stopped the practice, if one did.
  public private(set) var safetyLine: String?

  public init(
    script: DialogueScript, persona: Persona, herAnalyzer: HerLineAnalyzer = HerLineAnalyzer(),
    recognizer: QuestionRecognizer? = nil, analyzer: Analyzer = Analyzer()
  ) {
    self.script = script
    self.persona = persona
    self.herAnalyzer = herAnalyzer
    self.recognizer = recognizer ?? QuestionRecognizer(script: script)
    self.analyzer = analyzer
  }

  /// An engine that has replayed `inputs` in order (a resumed practice).
  public init(
    script: DialogueScript, persona: Persona, herAnalyzer: HerLineAnalyzer = HerLineAnalyzer(),
    recognizer: QuestionRecognizer? = nil, analyzer: Analyzer = Analyzer(), replaying inputs: some Sequence<PracticeInput>
  ) {
    self.init(script: script, persona: persona, herAnalyzer: herAnalyzer, recognizer: recognizer, analyzer: analyzer)
    for input in inputs { _ = apply(input) }
  }

  /// Whether the practice is over.
  public var isOver: Bool { phase == .ended || phase == .stoppedForSafety }

  /// How much her line speaks of danger, read by both readers (``HerSafetyCheck``).
  public func safetyConcern(of line: String) -> HerSafetyCheck.Concern {
    HerSafetyCheck(herAnalyzer: herAnalyzer, analyzer: analyzer).concern(of: line)
  }

  /// Whether her line stops the practice: a clear concern, or a possible one she did not dismiss.
  public func stopsForSafety(_ concern: HerSafetyCheck.Concern, check: Turn.SafetyCheck?) -> Bool {
    switch concern {
    case .none: return false
    case .possible: return check != .dismissed
    case .clear: return true
    }
  }

  /// Applies one input; an input that does not fit where the practice stands gives a notice.
  public mutating func apply(_ input: PracticeInput) -> [PracticeEvent] {
    switch (input, phase) {
    case (.start, .notStarted):
      phase = .talking
      // His opening answers no question: it is shown as said, not read for signs.
      let analysis = Analysis()
      openingAnalysis = analysis
      return [.opening(name: persona.name, about: persona.about, line: persona.opening, analysis: analysis)]
    case (.line(let text, let check), .talking):
      return say(text, safetyCheck: check)
    case (.back, .talking):
      guard let last = turns.popLast() else { return [.notice("There is nothing to take back yet.")] }
      return [.wentBack(line: last.line)]
    case (.end, .talking):
      phase = .ended
      return [.ended(name: persona.name, closing: persona.closing)]
    case (.start, _):
      return [.notice("The practice has already begun.")]
    default:
      return [.notice(phase == .notStarted ? "The practice has not begun." : "The practice is over.")]
    }
  }

  private mutating func say(_ text: String, safetyCheck: Turn.SafetyCheck?) -> [PracticeEvent] {
    if stopsForSafety(safetyConcern(of: text), check: safetyCheck) {
      phase = .stoppedForSafety
      safetyLine = text
      return [.safetyStop(text: safetyText)]
    }
    let before = turns.last?.reply ?? persona.opening
    let signs = herAnalyzer.analyze(text, before: before)
    let match = recognizer.recognise(text)
    var question = match?.id
    var isFollowUp = false
    let previous = turns.last?.question
    if question == QuestionRecognizer.followUp {
      question = previous
      isFollowUp = previous != nil
    } else if let question, question == previous {
      isFollowUp = true
    }
    let variant = question.map { chooseVariant(question: $0, signs: signs, isFollowUp: isFollowUp) }
    let reply = replyText(question: question, variant: variant)
    // His lines come from a persona linted to read as no danger; a possible concern at the model's
    // "ask her" level is set aside, as she would dismiss it in chat.
    var analysis = analyzer.analyze(reply, question: text)
    if analysis.safetyIsUncertain { analysis = analysis.resolvingSafety(confirmed: false) }
    let coaching = coachingNote(signs: signs, question: question, isFollowUp: isFollowUp)
    turns.append(
      PracticeTurn(
        line: text, signs: signs, question: question, isFollowUp: isFollowUp, variant: variant, reply: reply,
        replyAnalysis: analysis, coaching: coaching))
    var events: [PracticeEvent] = [.read(signs: signs, question: question, isFollowUp: isFollowUp)]
    if let coaching { events.append(.coaching(coaching)) }
    events.append(.answered(name: persona.name, text: reply, analysis: analysis, variant: variant))
    if turns.count >= Self.maximumTurns {
      phase = .ended
      events.append(.notice("That is \(Self.maximumTurns) lines, the most one practice holds."))
      events.append(.ended(name: persona.name, closing: persona.closing))
    }
    return events
  }

  /// The script's safety text (its safety state's `say`), or a plain one.
  private var safetyText: String {
    if let goto = script.safety?.goto, let say = script.state(goto)?.say { return say }
    return "What you wrote speaks of danger. This practice is not the right tool now: please reach out to local emergency services or a crisis line."
  }

  /// How she asked chooses his reply: heat puts him on guard; asking again gets more; a closed
  /// question gets a short answer where the persona has one.
  func chooseVariant(question: String, signs: [HerSignFinding], isFollowUp: Bool) -> Persona.Variant {
    let available = persona.variants(of: question)
    if signs.contains(where: { $0.sign.putsHimOnGuard }), available.contains(.guarded) { return .guarded }
    if isFollowUp, available.contains(.again) { return .again }
    if signs.contains(where: { $0.sign == .closedQuestion }), available.contains(.closed) { return .closed }
    return .open
  }

  /// The next line of `variant` for `question` (lines used in turn), or the next off-script line.
  private func replyText(question: String?, variant: Persona.Variant?) -> String {
    if let question, let variant, let lines = persona.answers[question]?[variant] ?? persona.answers[question]?[.open],
      !lines.isEmpty
    {
      let used = turns.filter { $0.question == question && $0.variant == variant }.count
      return lines[used % lines.count]
    }
    let lines = persona.offScript.isEmpty ? [persona.opening] : persona.offScript
    let used = turns.filter { $0.variant == nil }.count
    return lines[used % lines.count]
  }

  /// One line of coaching when something is worth saying, never the same note twice in a row.
  private func coachingNote(signs: [HerSignFinding], question: String?, isFollowUp: Bool) -> String? {
    let lastNote = turns.last?.coaching
    let unhelpful = signs.filter { !$0.sign.isHelpful }.sorted { $0.confidence > $1.confidence }
    for finding in unhelpful {
      if let note = finding.sign.coaching, note != lastNote { return note }
    }
    if let last = turns.last, last.replyAnalysis.evasive, !isFollowUp, question != nil, question != last.question {
      return "His last answer was vague. You could ask him to say more before moving on."
    }
    if unhelpful.isEmpty, signs.contains(where: { $0.sign == .openQuestion }), question != nil,
      !turns.contains(where: { $0.coaching == Self.praise })
    {
      return Self.praise
    }
    return nil
  }

  static let praise = "That is the guide's way: an open question, asked so he can tell it in his own words."

  /// What to ask next: a question of the guide she has not asked yet, in the script's order.
  public func nextQuestion() -> DialogueState? {
    let asked = Set(turns.compactMap(\.question))
    return script.states.first { $0.kind == .question && !asked.contains($0.id) }
  }
}
