import Signals

/// Reads how she says a line in practice: the signs of her side's taxonomy (``HerSign``), each with
/// its evidence words.
///
/// The same machinery as the reply analyzer: her line's words, word pairs, word pieces and concepts
/// (``ReplyFeatures``), what the reply lexicon finds in it (its tone, its blame and pressure words),
/// the shape of her questions, and a learned ``SignalModel`` with one output per sign. Pure.
public struct HerLineAnalyzer: Sendable {
  /// The model's outputs: one per ``HerSign`` in taxonomy order, then whether she speaks of danger.
  public static let outputs = HerSign.ordered.count + 1
  /// The output for danger in what she says (threats, violence, control, stalking, self-harm).
  public static let safetyOutput = HerSign.ordered.count

  /// The model in use (one output per ``HerSign``, in taxonomy order); nil only in a build made
  /// before the built-in one was trained, when no sign is read.
  public let model: SignalModel?
  /// The reply lexicon, read without a model (its findings are features).
  private static let lexical = Analyzer(lexicon: nil, reading: .lexiconOnly)
  /// The reply model: its reading of danger is a feature (it learned danger from many more lines).
  private static let replyModel = SignalModel.builtIn

  /// An analyzer with the built-in her-side model, or `model`.
  public init(model: SignalModel? = nil) {
    self.model = model ?? HerModels.tone
  }

  /// The features of her line, after his line `before` (empty when she speaks first).
  public static func features(_ line: String, before: String?) -> ReplyFeatures {
    features(line, before: before, cues: HerCues.builtIn.find(in: line))
  }

  /// The features of her line, with the her-side cues already found in it.
  static func features(_ line: String, before: String?, cues: [(sign: HerSign, evidence: Evidence)]) -> ReplyFeatures {
    var workspace = AnalysisWorkspace()
    let lexicon = lexical.analyze(line, question: nil, workspace: &workspace)
    var features = ReplyFeatures(reply: line, question: before, lexicon: lexicon)
    Self.addQuestionShape(line, to: &features)
    for cue in cues { features.addTag("cue:" + cue.sign.rawValue, 0) }
    if let replyModel {
      let danger = replyModel.probabilities(ReplyFeatures(reply: line, question: nil, lexicon: lexicon))[SignalID.safety.order]
      features.addTag("reply-danger", danger >= 0.9 ? 4 : danger >= 0.6 ? 3 : danger >= 0.3 ? 2 : danger >= 0.1 ? 1 : 0)
    }
    return features
  }

  /// The signs of her line.
  public func analyze(_ line: String, before: String?) -> [HerSignFinding] {
    read(line, before: before).signs
  }

  /// The signs of her line, the model's probability that she speaks of danger with the level from
  /// which it counts, the words that raised it (when it reaches that level), and the model's
  /// probability for every output (``outputs``; empty without a model).
  public func read(_ line: String, before: String?)
    -> (signs: [HerSignFinding], danger: Double, dangerLevel: Double, dangerEvidence: [Evidence], probabilities: [Double])
  {
    guard let model else { return ([], 0, 1, [], []) }
    let cues = HerCues.builtIn.find(in: line)
    let features = Self.features(line, before: before, cues: cues)
    let probabilities = model.probabilities(features)
    let danger = probabilities[Self.safetyOutput]
    let level = Double(model.thresholds[Self.safetyOutput])
    let dangerEvidence = danger >= level ? model.evidence(features, output: Self.safetyOutput, in: line) : []
    // A sign the model reads; a cue for it gives its words as the evidence. A cue alone does not
    // name a sign: cues are features the model weighs, and on dev every line a cue alone added was
    // a false reading ("You always made the best scones": accusatory): dev tone macro-F1 0.736 -> 0.745.
    var found: [HerSignFinding] = []
    for sign in HerSign.ordered {
      guard probabilities[sign.order] >= Double(model.thresholds[sign.order]) else { continue }
      let cue = cues.first { $0.sign == sign }
      found.append(
        HerSignFinding(
          sign: sign, evidence: cue.map { [$0.evidence] } ?? model.evidence(features, output: sign.order, in: line),
          confidence: (probabilities[sign.order] * 1000).rounded() / 1000))
    }
    return (found, danger, level, dangerEvidence, probabilities)
  }

  /// How many questions she fires, and whether her first question opens like a yes/no one.
  static func addQuestionShape(_ line: String, to features: inout ReplyFeatures) {
    features.addTag("her?", UInt8(min(features.questionMarks, 3)))
    let first = line.split(whereSeparator: { !$0.isLetter && $0 != "'" }).first.map { $0.lowercased() } ?? ""
    if Self.yesNoOpeners.contains(first) { features.addTag("her:yn-open", 0) }
    if Self.openOpeners.contains(first) { features.addTag("her:wh-open", 0) }
  }

  static let yesNoOpeners: Set<String> = [
    "do", "did", "does", "are", "is", "was", "were", "will", "would", "can", "could", "have", "has", "had",
    "should", "shall", "am", "don't", "didn't", "aren't", "isn't", "won't", "wouldn't", "haven't",
  ]
  static let openOpeners: Set<String> = ["what", "how", "why", "when", "where", "who", "tell", "walk", "talk", "describe"]
}
