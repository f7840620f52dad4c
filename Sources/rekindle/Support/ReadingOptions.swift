import ArgumentParser
import Signals

/// The options that choose how replies are read: lexicon files, and the learned model.
struct ReadingOptions: ParsableArguments {
  @Option(help: ArgumentHelp("A lexicon file adding to or overriding the built-in one (repeatable).", valueName: "file"))
  var lexicon: [String] = []

  @Option(help: ArgumentHelp("A model trained with 'rekindle train', used instead of the built-in one.", valueName: "file"))
  var model: String?

  @Flag(help: "Read replies with the lexicon and its rules alone, without the learned model.")
  var noModel = false

  func validate() throws {
    if model != nil && noModel { throw ValidationError("--model and --no-model cannot be used together") }
  }

  /// The analyzer these options describe.
  func analyzer() throws(UserFacingError) -> Analyzer {
    let lexicon = self.lexicon.isEmpty ? nil : try LexiconLoader.load(self.lexicon)
    if noModel { return Analyzer(lexicon: lexicon, reading: .lexiconOnly) }
    if let model { return Analyzer(lexicon: lexicon, reading: .model(try Self.loadModel(model))) }
    return Analyzer(lexicon: lexicon, reading: .builtInModel)
  }

  /// Reads a model file with `outputs` outputs (a reply model's by default).
  static func loadModel(_ path: String, outputs: Int = SignalModel.replyOutputs) throws(UserFacingError) -> SignalModel {
    let bytes = try FileReader.read(path)
    do {
      return try SignalModel(encoded: bytes, source: path, outputs: outputs)
    } catch {
      throw UserFacingError(error.description, code: .dataError)
    }
  }
}
