/// Turns the raw pattern matches of one reply into an ``Analysis`` by applying the rules:
/// idiom masks, negation scope, contrast weighting, sarcasm, third-person sympathy,
/// brush-offs, evasiveness, the yes/no answer and tone.
struct RuleEvaluation {
  let lexicon: Lexicon
  let classes: RuleClasses
  let tokens: [Token]
  let matches: [PatternMatch]
  let context: QuestionContext

  /// Buffers reused from one reply to the next.
  var scratch: RuleScratch
  private var sarcasmEvidence: PatternMatch?
  private var noWord: Int32 { lexicon.ruleWords.no }
  private var sayWords: [Int32] { lexicon.ruleWords.say }
  private var sarcastic = false

  init(
    lexicon: Lexicon, classes: RuleClasses, tokens: [Token], matches: [PatternMatch], context: QuestionContext,
    scratch: RuleScratch
  ) {
    self.lexicon = lexicon
    self.classes = classes
    self.tokens = tokens
    self.matches = matches
    self.context = context
    self.scratch = scratch
  }

  private var sentence: [Int32] {
    get { scratch.sentence }
    _modify { yield &scratch.sentence }
  }
  private var firstContrast: [Int32] {
    get { scratch.firstContrast }
    _modify { yield &scratch.firstContrast }
  }
  private var lastContrast: [Int32] {
    get { scratch.lastContrast }
    _modify { yield &scratch.lastContrast }
  }
  private var startsWithContrast: [Bool] {
    get { scratch.startsWithContrast }
    _modify { yield &scratch.startsWithContrast }
  }
  private var filler: [Bool] {
    get { scratch.filler }
    _modify { yield &scratch.filler }
  }
  private var masks: [(Int32, Int32)] {
    get { scratch.masks }
    _modify { yield &scratch.masks }
  }
  /// Per sentence: a short question echoing her words ("Hard for you?", "Slow?"): kind words in it
  /// are not his own.
  private var echoQuestion: [Bool] {
    get { scratch.echoQuestion }
    _modify { yield &scratch.echoQuestion }
  }
  private var thirdPartySentences: [Int32] {
    get { scratch.thirdPartySentences }
    _modify { yield &scratch.thirdPartySentences }
  }

  // MARK: - Structure of the reply

  private mutating func mapSentences() {
    sentence.removeAll(keepingCapacity: true)
    var s: Int32 = 0
    var firstInSentence = true
    firstContrast.removeAll(keepingCapacity: true)
    lastContrast.removeAll(keepingCapacity: true)
    startsWithContrast.removeAll(keepingCapacity: true)
    firstContrast.append(-1)
    lastContrast.append(-1)
    startsWithContrast.append(false)
    echoQuestion.removeAll(keepingCapacity: true)
    var words = 0
    var firstWord: Token?
    for (i, t) in tokens.enumerated() {
      sentence.append(s)
      if t.isEnd {
        let isEcho = t.flags.contains(.question) && words <= 5
          && (firstWord.map { $0.classes & classes.aux == 0 } ?? false)
        echoQuestion.append(isEcho)
        words = 0
        firstWord = nil
        s += 1
        firstContrast.append(-1)
        lastContrast.append(-1)
        startsWithContrast.append(false)
        firstInSentence = true
        continue
      }
      if t.classes & classes.contrast != 0 {
        if firstInSentence {
          startsWithContrast[Int(s)] = true
        } else {
          if firstContrast[Int(s)] < 0 { firstContrast[Int(s)] = Int32(i) }
          lastContrast[Int(s)] = Int32(i)
        }
      }
      if !t.flags.contains(.expanded) {
        if firstInSentence { firstWord = t }
        firstInSentence = false
        words += 1
      }
    }
  }

  private mutating func collectStructure() {
    filler.removeAll(keepingCapacity: true)
    filler.append(contentsOf: repeatElement(false, count: tokens.count))
    masks.removeAll(keepingCapacity: true)
    thirdPartySentences.removeAll(keepingCapacity: true)
    scratch.thirdPartySet.removeAll(keepingCapacity: true)
    for m in matches {
      switch lexicon.tables.headers[Int(m.pattern)].category {
      case .mask: masks.append((m.start, m.end))
      case .filler: for k in Int(m.start)..<Int(m.end) { filler[k] = true }
      case .thirdParty:
        thirdPartySentences.append(sentence[Int(m.start)])
        scratch.thirdPartySet.insert(sentence[Int(m.start)])
      case .sarcasm:
        if !isNegated(m) {
          sarcastic = true
          if sarcasmEvidence == nil { sarcasmEvidence = m }
        }
      default: break
      }
    }
    // For long replies with many idioms: per token, the farthest end of a mask starting at or before it.
    if masks.count > 8 {
      scratch.maskReach.removeAll(keepingCapacity: true)
      scratch.maskReach.append(contentsOf: repeatElement(-1, count: tokens.count + 1))
      for (start, end) in masks { scratch.maskReach[Int(start)] = max(scratch.maskReach[Int(start)], end) }
      for k in 1..<scratch.maskReach.count { scratch.maskReach[k] = max(scratch.maskReach[k], scratch.maskReach[k - 1]) }
    }
    // "Because it's ALL my fault, right?": capitals in a question that ends on "right".
    let right = lexicon.wordID("right")
    for (i, t) in tokens.enumerated() where t.isEnd && t.flags.contains(.question) && i >= 1 && tokens[i - 1].word == right {
      let s = sentence[i]
      var k = i - 1
      while k >= 0 && sentence[k] == s {
        if tokens[k].flags.contains(.allCaps) {
          sarcastic = true
          if sarcasmEvidence == nil { sarcasmEvidence = PatternMatch(pattern: -1, start: Int32(k), end: Int32(i), weight: 1) }
        }
        k -= 1
      }
    }
  }

  /// Whether a negator stands just before the match in the same clause: "not" or "never" up to
  /// four words before it, "no" only right before it ("no rush"), never the "no" of "say no".
  private func isNegated(_ m: PatternMatch) -> Bool {
    var k = Int(m.start)
    if tokens[k].flags.contains(.clauseStart) { return false }
    k -= 1
    var steps = 0
    while k >= 0 && steps < 4 {
      let t = tokens[k]
      if t.isEnd { return false }
      if t.classes & classes.negator != 0 && !filler[k] {
        if t.word != noWord { return true }
        let said = k > 0 && sayWords.contains(tokens[k - 1].word)
        if steps == 0 && !said { return true }
      }
      if t.flags.contains(.clauseStart) { return false }
      k -= 1
      steps += 1
    }
    return false
  }

  /// Whether a mask (an idiom) covers the whole match: some mask starting at or before it ends at or after it.
  private func isMasked(_ m: PatternMatch) -> Bool {
    if masks.isEmpty { return false }
    if masks.count <= 8 { return masks.contains { $0.0 <= m.start && m.end <= $0.1 } }
    return scratch.maskReach[Int(m.start)] >= m.end
  }

  private func isThirdParty(_ s: Int32) -> Bool {
    thirdPartySentences.count <= 8 ? thirdPartySentences.contains(s) : scratch.thirdPartySet.contains(s)
  }

  /// Weight factor for contrast: what follows "but" weighs more, what precedes it less.
  private func contrastFactor(_ m: PatternMatch) -> (Double, String?) {
    let s = Int(sentence[Int(m.start)])
    if startsWithContrast[s] || (firstContrast[s] >= 0 && firstContrast[s] < m.start) {
      return (1.25, "after 'but', which weighs more")
    }
    if lastContrast[s] >= m.end || (s + 1 < startsWithContrast.count && startsWithContrast[s + 1]) {
      return (0.75, nil)
    }
    return (1, nil)
  }

  // MARK: - Evaluation

  mutating func evaluate(reply: UnsafeBufferPointer<UInt8>) -> Analysis {
    mapSentences()
    collectStructure()

    var contributions = scratch.contributions
    contributions.removeAll(keepingCapacity: true)
    defer { scratch.contributions = contributions }
    var notes = SignalNotes()
    var evasiveMatch: PatternMatch?
    var answerMatch: (PatternMatch, YesNoAnswer)?
    var toneSum = 0.0

    for m in matches where m.pattern >= 0 {
      let pattern = lexicon.tables.headers[Int(m.pattern)]
      let negated = pattern.negatable && isNegated(m)
      switch pattern.category {
      case .signal(var id):
        if negated || isMasked(m) { continue }
        if (id == .empathy || id == .remorse) && isThirdParty(sentence[Int(m.start)]) { continue }
        let s = Int(sentence[Int(m.start)])
        if id.kind == .hopeful && s < echoQuestion.count && echoQuestion[s] { continue }
        if sarcastic && id.kind == .hopeful {
          guard id == .remorse else { continue }
          id = .blame
          notes[.blame] = "sarcastic self-blame, read as blame"
        }
        let (factor, note) = contrastFactor(m)
        if let note, notes[id] == nil { notes[id] = note }
        if notes[id] == nil, let reason = lexicon.patterns[Int(m.pattern)].reason { notes[id] = reason }
        contributions.append((id, m, m.weight * factor))
      case .evasive:
        if !negated && evasiveMatch == nil { evasiveMatch = m }
      case .yes, .no:
        // Without a question, only a reply that opens with yes or no has an answer.
        if isMasked(m) || (!context.isPresent && m.start != 0) { continue }
        var answer: YesNoAnswer = pattern.category == .yes ? .yes : .no
        if negated { answer = answer == .yes ? .no : .yes }
        if answerMatch.map({ m.start < $0.0.start }) ?? true { answerMatch = (m, answer) }
      case .tone:
        toneSum += negated ? -0.5 * m.weight : m.weight
      default:
        break
      }
    }

    var scored: [(SignalID, Double, [PatternMatch])] = []
    for id in SignalID.ordered {
      var best = 0.0
      var sum = 0.0
      var count = 0
      for c in contributions where c.0 == id {
        best = max(best, c.2)
        sum += c.2
        count += 1
      }
      if count == 0 { continue }
      let score = min(1, best + 0.25 * (sum - best))
      if score >= Analyzer.threshold {
        scored.append((id, score, contributions.compactMap { $0.0 == id ? $0.1 : nil }))
      }
    }

    // A threat or self-harm statement is not softened by kind words next to it.
    if scored.contains(where: { $0.0 == .safety }) {
      scored.removeAll { $0.0.kind == .hopeful }
    }

    let wordCount = tokens.reduce(0) { $0 + ($1.isEnd || $1.flags.contains(.expanded) || $1.flags.contains(.emoji) ? 0 : 1) }

    // Sarcasm with no other caution sign reads as coldness.
    if sarcastic, let cue = sarcasmEvidence, !scored.contains(where: { $0.0.kind != .hopeful }) {
      scored.append((.coldness, 0.6, [cue]))
      notes[.coldness] = "sarcasm"
    }

    // Evasiveness.
    var evasiveReason: String?
    if evasiveMatch != nil {
      evasiveReason = "does not answer"
    } else if context.isOpen && wordCount <= 2 && !scored.contains(where: { $0.0 != .coldness }) {
      evasiveReason = "one or two words to an open question"
      if scored.isEmpty, wordCount > 0 {
        let last = tokens.lastIndex { !$0.isEnd } ?? 0
        scored.append((.coldness, 0.6, [PatternMatch(pattern: -1, start: 0, end: Int32(last + 1), weight: 0.6)]))
        notes[.coldness] = "a one- or two-word brush-off"
      }
    } else if context.isPresent && answersWithQuestion() && !scored.contains(where: { $0.0.kind == .hopeful }) {
      evasiveReason = "answers with a question"
    }

    // Yes/no answer.
    var answer = YesNoAnswer.unclear
    if !context.isPresent || context.isYesNo, evasiveMatch == nil, let found = answerMatch {
      answer = found.1
    }

    // Tone.
    for (id, score, _) in scored {
      switch id.kind {
      case .hopeful: toneSum += 0.4 * score
      case .caution: toneSum -= 0.4 * score
      case .safety: toneSum -= 1.0
      }
    }
    if tokens.contains(where: { $0.flags.contains(.allCaps) }) { toneSum *= 1.2 }
    if tokens.contains(where: { $0.flags.contains(.exclamation) }) { toneSum *= 1.1 }
    let tone = toneSum == 0 ? 0 : max(-1, min(1, toneSum / (abs(toneSum) + 0.8)))

    let evidence = EvidenceBuilder(reply: reply, tokens: tokens)
    let signals = scored.sorted { $0.0 < $1.0 }.map { id, score, parts in
      let base = SignalReasons.reason(for: id)
      let reason = notes[id].map { $0 == base ? base : "\(base) (\($0))" } ?? base
      return DetectedSignal(
        id: id, evidence: evidence.evidence(for: parts.map { ($0.start, $0.end) }), reason: reason,
        score: (score * 100).rounded() / 100)
    }
    return Analysis(
      signals: signals, answer: answer, evasive: evasiveReason != nil, evasiveReason: evasiveReason,
      tone: (tone * 100).rounded() / 100)
  }

  /// Every sentence is a question and the reply opens like a counter-question.
  private func answersWithQuestion() -> Bool {
    var sawEnd = false
    for t in tokens where t.isEnd {
      sawEnd = true
      if !t.flags.contains(.question) { return false }
    }
    guard sawEnd, let first = tokens.first, !first.isEnd else { return false }
    let about = lexicon.wordID("about")
    if tokens.count > 1 && tokens[1].word == about { return false }  // "How about Sunday?" is a proposal
    return first.classes & (classes.wh | classes.aux) != 0 || first.word == lexicon.wordID("and")
      || first.word == lexicon.wordID("you")
  }
}
