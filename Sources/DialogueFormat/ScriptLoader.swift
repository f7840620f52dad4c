import Dialogue
import Signals
import Yams

/// Loads dialogue scripts from YAML text, reporting problems with their `file:line:column`.
public enum ScriptLoader {
  /// The name used in diagnostics for the built-in script.
  public static let builtInFile = "Scripts/dialogues/default.yaml"

  /// The built-in conversation (`Scripts/dialogues/default.yaml`, embedded in the binary).
  public static var builtIn: DialogueScript {
    builtInResult.value
  }

  /// The text of the built-in script.
  public static var builtInText: String { BuiltInDialogue.text }

  /// Parses and checks a script.
  /// - Parameters:
  ///   - yaml: The script text.
  ///   - file: The name to show in error locations.
  /// - Returns: The script, with every `goto` and signal id checked.
  /// - Throws: ``ScriptError`` pointing at the first problem found.
  public static func load(_ yaml: String, file: String) throws(ScriptError) -> DialogueScript {
    try load(yaml, file: file, trusted: false)
  }

  static func load(_ yaml: String, file: String, trusted: Bool) throws(ScriptError) -> DialogueScript {
    let root = try parseYAML(yaml, file: file, what: "script", trusted: trusted)
    return try ScriptDecoder(reader: NodeReader(file: file)).decode(root)
  }

  /// Parses YAML text into its node tree with the same size, nesting and alias limits as scripts,
  /// turning syntax errors into ``ScriptError``s with `file:line:column` (used for transcripts too).
  package static func parseYAML(_ yaml: String, file: String, what: String, trusted: Bool = false) throws(ScriptError) -> Node {
    // The size and nesting pre-scan guards against hostile files; the embedded script is ours.
    if !trusted { try DocumentLimits.checkText(yaml, file: file, what: what) }
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: yaml) else {
        throw ScriptError("the \(what) is empty", at: SourceLocation(file: file, line: 1, column: 1))
      }
      root = composed
    } catch let error as ScriptError {
      throw error
    } catch {
      throw YAMLSyntax.scriptError(error, in: yaml, file: file)
    }
    try DocumentLimits.checkNodeCount(root, reader: NodeReader(file: file), what: what)
    return root
  }

  /// Loaded once; the embedded text is checked by the tests, so failure here is a build mistake.
  private static let builtInResult = BuiltInScript()
}

/// The built-in script, loaded on first use.
private struct BuiltInScript: Sendable {
  let value: DialogueScript

  init() {
    do {
      value = try ScriptLoader.load(BuiltInDialogue.text, file: ScriptLoader.builtInFile, trusted: true)
    } catch {
      preconditionFailure("the built-in dialogue script does not load: \(error)")
    }
  }
}
