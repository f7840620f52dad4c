/// The analyzer: reads one reply (and optionally the question it answers) and returns the signals
/// present with their evidence and confidence, the yes/no answer, evasiveness and tone.
///
/// Two readers work together. The lexicon and its rules find signs that are named and handle what
/// makes keyword lookup fail (negation scope, contrast, sarcasm, idioms, third-person sympathy,
/// brush-offs). The learned ``SignalModel`` reads the reply by its words, word pairs and word
/// pieces, with the lexicon's findings as features, and makes the decision; the evidence is the
/// lexicon's words where it found the sign, otherwise the words that weighed most in the model.
///
/// Pure: no I/O. The built-in lexicon and model are decoded once, on first use.
public struct Analyzer: Sendable {
  /// Which learned model, if any, makes the decision.
  public enum Reading: Sendable {
    /// The lexicon and its rules alone.
    case lexiconOnly
    /// The lexicon with the model embedded in the binary.
    case builtInModel
    /// The lexicon with this model.
    case model(SignalModel)
  }

  /// A lexicon given at init; nil means the built-in one, compiled on first use.
  private let custom: Lexicon?
  private let reading: Reading

  /// The learned model in use, if any.
  public var model: SignalModel? {
    switch reading {
    case .lexiconOnly: return nil
    case .builtInModel: return SignalModel.builtIn
    case .model(let model): return model
    }
  }

  /// The compiled lexicon in use.
  public var lexicon: Lexicon { custom ?? .builtIn }

  /// The score a signal needs to be reported.
  public static let threshold = 0.5

  /// An analyzer using the built-in lexicon. It is compiled on the first analysis, not before, so a
  /// program that shows a question first does not wait for it.
  public init() {
    custom = nil
    reading = .builtInModel
  }

  /// An analyzer using `lexicon` (nil: the built-in one) and reading by `reading`.
  public init(lexicon: Lexicon?, reading: Reading = .builtInModel) {
    custom = lexicon.flatMap { $0 === Lexicon.builtInIfCompiled ? nil : $0 }
    self.reading = reading
  }

  /// An analyzer using `lexicon` with the built-in model.
  public init(lexicon: Lexicon) {
    self.init(lexicon: lexicon, reading: .builtInModel)
  }

  /// Analyzes one reply.
  public func analyze(_ reply: String, question: String? = nil) -> Analysis {
    var workspace = AnalysisWorkspace()
    return analyze(reply, question: question, workspace: &workspace)
  }

  /// Analyzes one reply, reusing `workspace`'s buffers.
  public func analyze(_ reply: String, question: String?, workspace: inout AnalysisWorkspace) -> Analysis {
    var text = reply
    var questionText = question ?? ""
    return text.withUTF8 { replyBytes in
      questionText.withUTF8 { questionBytes in
        analyze(utf8: replyBytes, question: question == nil ? nil : questionBytes, workspace: &workspace)
      }
    }
  }

  /// The most bytes of a reply (or question) that are read: 1 MiB. Analysing takes about 21 bytes
  /// per byte of reply, so the rest of a longer one is left unread and memory stays bounded.
  public static let maximumReplyBytes = 1 << 20

  /// `text` cut to at most `maximumReplyBytes`, at a character boundary.
  static func bounded(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard text.count > maximumReplyBytes else { return text }
    var end = maximumReplyBytes
    while end > 0, text[end] & 0xC0 == 0x80 { end -= 1 }
    return UnsafeBufferPointer(rebasing: text[..<end])
  }

  /// Analyzes one reply given as valid UTF-8 bytes (at most its first ``maximumReplyBytes``).
  public func analyze(
    utf8 fullReply: UnsafeBufferPointer<UInt8>, question fullQuestion: UnsafeBufferPointer<UInt8>?,
    workspace ws: inout AnalysisWorkspace
  ) -> Analysis {
    let reply = Self.bounded(fullReply)
    let question = fullQuestion.map(Self.bounded)
    let lexicon = self.lexicon
    let classes = lexicon.ruleClasses
    let tokenizer = Tokenizer(lexicon: lexicon)
    var context = QuestionContext()
    if let question {
      tokenizer.tokenize(question, into: &ws.questionTokens, scratch: &ws.scratch)
      context = QuestionContext(tokens: ws.questionTokens, lexicon: lexicon)
    }
    tokenizer.tokenize(reply, into: &ws.tokens, scratch: &ws.scratch)
    if ws.tokens.isEmpty { return .empty }
    ws.matches.removeAll(keepingCapacity: true)
    PatternMatcher(tables: lexicon.tables).findAll(
      in: ws.tokens, questionWords: context.words, present: &ws.present, viable: &ws.viable,
      candidates: &ws.candidates, into: &ws.matches)
    var rules = RuleEvaluation(
      lexicon: lexicon, classes: classes, tokens: ws.tokens, matches: ws.matches, context: context,
      scratch: ws.rules)
    ws.rules = RuleScratch()
    let analysis = rules.evaluate(reply: reply)
    ws.rules = rules.scratch
    guard let model else { return analysis }
    return ModelDecision(model: model, reply: reply).combine(
      analysis, question: question, features: &ws.features, cache: &ws.characterRows)
  }
}

/// Class masks and word ids the rules read, looked up once per lexicon.
struct RuleClasses: Sendable {
  let negator: UInt64
  let contrast: UInt64
  let intensifier: UInt64
  let dampener: UInt64
  let wh: UInt64
  let aux: UInt64
  let content: UInt64

  init(classBits: [String: Int]) {
    func mask(_ name: String) -> UInt64 { classBits[name].map { UInt64(1) << UInt64($0) } ?? 0 }
    negator = mask("neg")
    contrast = mask("contrast")
    intensifier = mask("intensifier")
    dampener = mask("dampener")
    wh = mask("wh")
    aux = mask("aux")
    content = mask("function")
  }

}

/// Word ids the rules read, looked up once per lexicon.
struct RuleWords: Sendable {
  let no: Int32
  let say: [Int32]

  init(vocabulary: [String: Int32]) {
    no = vocabulary["no"] ?? Token.unknown
    say = ["say", "said", "says", "saying"].compactMap { vocabulary[$0] }
  }
}
