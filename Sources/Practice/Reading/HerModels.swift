import Signals

/// The her-side models embedded in the binary (trained by `Scripts/train-model.sh`), decoded on first use.
public enum HerModels {
  /// The tone model: one output per ``HerSign`` and one for danger; nil only in a build made before it was trained.
  public static let tone: SignalModel? = decode(BuiltInHerModels.tone, "<built-in her-side model>", HerLineAnalyzer.outputs)

  /// The question model of the built-in conversation, with the fingerprint of the phrasings it was
  /// trained for (``QuestionRecognizer/fingerprint(of:)``); nil before it was trained.
  public static let questions: (model: SignalModel, fingerprint: String)? = {
    guard let model = decode(BuiltInHerModels.questions, "<built-in question model>", BuiltInHerModels.questionOutputs)
    else { return nil }
    return (model, phrasingsFingerprint(model) ?? "")
  }()

  /// The fingerprint a question model names in its provenance ("question model for phrasings HEX").
  public static func phrasingsFingerprint(_ model: SignalModel) -> String? {
    let words = model.provenance.split(separator: " ")
    guard let at = words.firstIndex(of: "phrasings"), at + 1 < words.count else { return nil }
    let hex = words[at + 1].prefix(16)
    return hex.count == 16 && hex.allSatisfy({ $0.isHexDigit }) ? String(hex) : nil
  }

  private static func decode(_ base64: String, _ source: String, _ outputs: Int) -> SignalModel? {
    guard !base64.isEmpty else { return nil }
    do {
      return try SignalModel(base64: base64, source: source, outputs: outputs)
    } catch {
      preconditionFailure("\(error)")
    }
  }
}
