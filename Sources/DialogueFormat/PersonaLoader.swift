import Dialogue
import Practice
import Signals
import Yams

/// Loads personas (the "him" of `rekindle practice`) from YAML text, reporting problems with their
/// `file:line:column`. The format is described in `Scripts/personas/README.md`.
public enum PersonaLoader {
  /// The top-level keys of a persona file.
  package static let keys = ["persona", "name", "about", "opening", "closing", "answers", "off_script"]
  /// The longest reply or text a persona may hold, in characters.
  package static let maximumTextLength = 600
  /// The built-in personas' ids, in the order they are listed.
  public static let builtInIDs = ["remorseful", "rebound", "blamer", "cold", "pressurer", "evasive"]

  /// The built-in personas (embedded from `Scripts/personas/`), in ``builtInIDs`` order.
  public static var builtIn: [Persona] { BuiltInPersonaSet.shared.personas }

  /// The built-in persona called `id`, if there is one.
  public static func builtIn(_ id: String) -> Persona? { builtIn.first { $0.id == id } }

  /// The YAML text of a built-in persona.
  public static func builtInText(_ id: String) -> String? { BuiltInPersonas.all.first { $0.id == id }?.text }

  /// Parses and checks a persona against `script` (every question it answers must be one of the
  /// script's question states, and every question state must be answered).
  /// - Throws: ``ScriptError`` pointing at the first problem found.
  public static func load(_ yaml: String, file: String, script: DialogueScript) throws(ScriptError) -> Persona {
    let root = try ScriptLoader.parseYAML(yaml, file: file, what: "persona")
    return try decode(root, reader: NodeReader(file: file), script: script)
  }

  private static func decode(_ root: Node, reader: NodeReader, script: DialogueScript) throws(ScriptError) -> Persona {
    let entries = try reader.entries(root, of: "the persona")
    try reader.checkKeys(entries, allowed: keys, in: "the persona")
    func required(_ key: String) throws(ScriptError) -> Entry {
      guard let entry = entries.first(where: { $0.key == key }) else {
        throw ScriptError(
          "the persona needs `\(key)`", at: SourceLocation(file: reader.file, line: root.mark?.line ?? 1, column: 1))
      }
      return entry
    }
    func text(_ node: Node, _ what: String) throws(ScriptError) -> String {
      let value = try reader.text(node, of: what).trimmingSpaces()
      if value.isEmpty { throw reader.error("\(what) is empty", at: node) }
      if value.count > maximumTextLength {
        throw reader.error("\(what) is \(value.count) characters; at most \(maximumTextLength)", at: node)
      }
      return value
    }
    let idEntry = try required("persona")
    let id = try text(idEntry.value, "`persona`")
    guard id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }),
      id.count <= 40
    else {
      throw reader.error("`persona` should be lower-case letters, digits, - and _ (at most 40), not `\(id)`", at: idEntry.value)
    }
    let name = try text(try required("name").value, "`name`")
    let about = try text(try required("about").value, "`about`")
    let opening = try text(try required("opening").value, "`opening`")
    let closing = try text(try required("closing").value, "`closing`")
    var offScript: [String] = []
    let offEntry = try required("off_script")
    for item in try reader.items(offEntry.value, of: "`off_script`") { offScript.append(try text(item, "an `off_script` line")) }
    if offScript.isEmpty { throw reader.error("`off_script` needs at least one line", at: offEntry.value) }

    let answersEntry = try required("answers")
    let questionIDs = script.states.filter { $0.kind == .question }.map(\.id)
    var answers: [String: [Persona.Variant: [String]]] = [:]
    var lines: [String: Int] = [:]
    for question in try reader.entries(answersEntry.value, of: "`answers`") {
      guard questionIDs.contains(question.key) else {
        var message = "`\(question.key)` is not a question of the script"
        if let near = Suggestion.closest(to: question.key, in: questionIDs) { message += "; did you mean `\(near)`?" }
        throw reader.error(message, at: question.keyNode)
      }
      guard answers[question.key] == nil else { throw reader.error("`\(question.key)` is answered twice", at: question.keyNode) }
      lines[question.key] = question.keyNode.mark?.line ?? 1
      var variants: [Persona.Variant: [String]] = [:]
      for variant in try reader.entries(question.value, of: "`\(question.key)`") {
        guard let kind = Persona.Variant(rawValue: variant.key) else {
          let known = Persona.Variant.allCases.map(\.rawValue)
          var message = "`\(variant.key)` is not a variant; use \(known.joined(separator: ", "))"
          if let near = Suggestion.closest(to: variant.key, in: known) { message += " (did you mean `\(near)`?)" }
          throw reader.error(message, at: variant.keyNode)
        }
        var texts: [String] = []
        for item in try reader.items(variant.value, of: "`\(question.key).\(variant.key)`") {
          texts.append(try text(item, "a `\(question.key).\(variant.key)` reply"))
        }
        if texts.isEmpty { throw reader.error("`\(question.key).\(variant.key)` has no replies", at: variant.value) }
        variants[kind] = texts
      }
      for needed in Persona.requiredVariants where variants[needed] == nil {
        throw reader.error("`\(question.key)` needs `\(needed.rawValue)` replies", at: question.keyNode)
      }
      answers[question.key] = variants
    }
    if let missing = questionIDs.first(where: { answers[$0] == nil }) {
      throw reader.error("`answers` has no replies for `\(missing)`, a question of the script", at: answersEntry.keyNode)
    }
    return Persona(
      id: id, name: name, about: about, opening: opening, closing: closing, answers: answers, offScript: offScript,
      file: reader.file, lines: lines)
  }
}

/// The built-in personas, loaded once; the embedded texts are checked by the tests, so failure here
/// is a build mistake.
private struct BuiltInPersonaSet: Sendable {
  static let shared = BuiltInPersonaSet()
  let personas: [Persona]

  init() {
    var personas: [Persona] = []
    for (id, text) in BuiltInPersonas.all {
      do {
        personas.append(try PersonaLoader.load(text, file: "Scripts/personas/\(id).yaml", script: ScriptLoader.builtIn))
      } catch {
        preconditionFailure("the built-in persona \(id) does not load: \(error)")
      }
    }
    self.personas = personas
  }
}
