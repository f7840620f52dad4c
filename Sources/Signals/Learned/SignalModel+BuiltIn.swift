extension SignalModel {
  /// The model embedded in the binary (trained on the project's corpus by `Scripts/train-model.sh`),
  /// decoded on first use; nil only in a build made before any model was trained.
  public static let builtIn: SignalModel? = {
    guard !BuiltInModel.base64.isEmpty else { return nil }
    guard let bytes = Base64.decodeOnce(BuiltInModel.base64) else {
      preconditionFailure("the built-in model is not valid base64")
    }
    do {
      return try SignalModel(encoded: bytes, source: "<built-in model>")
    } catch {
      preconditionFailure("the built-in model does not decode: \(error)")
    }
  }()
}
