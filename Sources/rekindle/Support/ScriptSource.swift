import Dialogue
import DialogueFormat

/// Loads the dialogue script: the built-in one, or a file given with `--script`.
enum ScriptSource {
  static func load(_ path: String?) throws(UserFacingError) -> DialogueScript {
    guard let path else { return ScriptLoader.builtIn }
    let text = try FileReader.readText(path)
    do {
      return try ScriptLoader.load(text, file: path)
    } catch {
      throw UserFacingError(error.description, code: .dataError)
    }
  }
}
