import Dialogue
import Signals

/// Recognises which of a dialogue script's questions her line asks, in her own words and in any
/// order: a learned ``SignalModel`` with one output per question state (and one for "go on"),
/// over the same features the analyzers read.
///
/// For the built-in conversation the model was trained on the script's `ask` and `intents:`
/// phrasings and on the her-side corpus (`Scripts/train-model.sh`); for any other script it is
/// trained when the recognizer is made, from that script's phrasings alone (a few milliseconds).
/// Pure.
public struct QuestionRecognizer: Sendable {
  /// The label of "say more about that", a follow-up that names no topic.
  public static let followUp = "follow_up"

  /// Ways of asking him to go on, for every script.
  public static let followUpPhrasings = [
    "Can you tell me more about that?", "What do you mean?", "Go on.", "And then what happened?",
    "Say more about that.", "What do you mean by that?", "How so?", "Can you explain that?",
    "Tell me more.", "What happened after that?", "Could you say a bit more?", "Keep going, I'm listening.",
  ]

  /// The questions: the question state ids in script order, then ``followUp``. The model has one
  /// output more, last: "asks none of them", learned from lines that ask none.
  public let labels: [String]
  /// The model in use.
  public let model: SignalModel

  /// A recognizer from a model whose outputs are `labels`.
  public init(labels: [String], model: SignalModel) {
    precondition(labels.count + 1 == model.outputs)
    self.labels = labels
    self.model = model
  }

  /// The recognizer for `script`: the built-in model when the script is the one it was trained for,
  /// otherwise one trained now on the script's phrasings.
  public init(script: DialogueScript) {
    let labels = Self.labels(of: script)
    if let builtIn = HerModels.questions, builtIn.fingerprint == Self.fingerprint(of: script) {
      self.init(labels: labels, model: builtIn.model)
      return
    }
    let examples = Self.phrasings(of: script)
    self.init(labels: labels, model: Self.train(examples, labels: labels, provenance: "trained on the script's phrasings"))
  }

  /// The question states' ids in script order, then ``followUp``.
  public static func labels(of script: DialogueScript) -> [String] {
    script.states.filter { $0.kind == .question }.map(\.id) + [followUp]
  }

  /// Every phrasing the script declares (each question's `ask` and `intents:`), and the follow-ups.
  public static func phrasings(of script: DialogueScript) -> [(text: String, label: String?)] {
    var out: [(text: String, label: String?)] = []
    for state in script.states where state.kind == .question {
      if let ask = state.ask { out.append((ask, state.id)) }
      for intent in state.intents { out.append((intent, state.id)) }
    }
    for phrase in followUpPhrasings { out.append((phrase, followUp)) }
    return out
  }

  /// What identifies the phrasings a built-in model was trained with (FNV-1a 64 over ids and phrasings).
  public static func fingerprint(of script: DialogueScript) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for (text, label) in phrasings(of: script) {
      for byte in (label ?? "").utf8 + [0] + text.utf8 + [0] {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The features the recognizer reads from a line.
  public static func features(_ line: String) -> ReplyFeatures {
    var features = ReplyFeatures(reply: line, question: nil, lexicon: nil, meaning: true)
    HerLineAnalyzer.addQuestionShape(line, to: &features)
    // The words of the sentences she asks in (those ending in "?", else the last one) once more on
    // their own, and their word pairs: a preamble ("take your time...") weighs less than the question.
    for sentence in askingSentences(line) {
      var previous = "^"
      for word in sentence {
        features.addTag("qw:" + word, 0)
        features.addTag("qb:" + previous + " " + word, 0)
        previous = word
      }
    }
    return features
  }

  /// The sentences of `line` that end in a question mark (or the last sentence when none does), as
  /// lower-case words.
  static func askingSentences(_ line: String) -> [[String]] {
    var sentences: [(words: [String], asks: Bool)] = []
    var words: [String] = []
    var word = ""
    func endWord() {
      if !word.isEmpty { words.append(word.lowercased()) }
      word = ""
    }
    for c in line {
      if c.isLetter || c.isNumber || c == "'" || c == "\u{2019}" {
        if c != "'" && c != "\u{2019}" { word.append(c) }
      } else {
        endWord()
        if c == "?" || c == "." || c == "!" || c == "\n" {
          if !words.isEmpty { sentences.append((words, c == "?")) }
          words = []
        }
      }
    }
    endWord()
    if !words.isEmpty { sentences.append((words, false)) }
    let asking = sentences.filter(\.asks).map(\.words)
    return asking.isEmpty ? sentences.suffix(1).map(\.words) : asking
  }

  /// A model trained on `examples` (a nil label: asks none of the questions) with outputs `labels`,
  /// every threshold 0.5.
  public static func train(
    _ examples: [(text: String, label: String?)], labels: [String], provenance: String,
    options: ModelTrainer.Options = defaultOptions
  ) -> SignalModel {
    var trainer = ModelTrainer(options: options)
    trainer.options.minCount = 1
    return trainer.train(
      featureSets: examples.map { features($0.text) },
      labels: examples.map { example in labels.map { $0 == example.label } + [example.label == nil] },
      provenance: provenance)
  }

  /// Training settings for the recognizer: more passes than the reply model, as the sets are small.
  public static let defaultOptions: ModelTrainer.Options = {
    var options = ModelTrainer.Options()
    options.epochs = 30
    return options
  }()

  /// `model` with one threshold for every question: the level the most likely question must reach to
  /// be taken, chosen for the most lines read right on a development set (`answers`: the index of the
  /// question each line asks, nil for none).
  public static func tune(_ model: SignalModel, probabilities: [[Double]], answers: [Int?]) -> SignalModel {
    var best = (correct: -1, level: 0.5)
    for level in Swift.stride(from: 0.05, through: 0.95, by: 0.025) {
      var correct = 0
      for (p, answer) in zip(probabilities, answers) where choose(p, level: level) == answer { correct += 1 }
      if correct > best.correct { best = (correct, level) }
    }
    let thresholds = [Float](repeating: Float(best.level), count: model.outputs)
    return model.replacingThresholds(thresholds)
  }

  /// The most likely output, when it is a question (not the last output, "none") at `level` or above.
  static func choose(_ p: [Double], level: Double) -> Int? {
    guard let top = p.indices.max(by: { p[$0] < p[$1] }), top < p.count - 1, p[top] >= level else { return nil }
    return top
  }

  /// The question her line asks, or nil when it asks none of them.
  public func recognise(_ line: String) -> QuestionMatch? {
    let probabilities = model.probabilities(Self.features(line))
    guard let best = Self.choose(probabilities, level: Double(model.thresholds[0])) else { return nil }
    return QuestionMatch(id: labels[best], confidence: (probabilities[best] * 1000).rounded() / 1000)
  }
}
