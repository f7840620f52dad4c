import DialogueFormat
import JSONText
import Dialogue

/// The JSON Schema (draft 2020-12) of the dialogue script format, generated from ``ScriptFormat``, for
/// editors that validate and complete YAML with a schema (a script converted to JSON validates against it).
public enum ScriptSchema {
  /// The dialect the schema is written in.
  public static let dialect = "https://json-schema.org/draft/2020-12/schema"

  /// The schema as a JSON value.
  public static var json: JSONValue {
    var definitions: [(String, JSONValue)] = []
    var seen: Set<String> = []
    for record in [
      ScriptFormat.safety, ScriptFormat.questionState, ScriptFormat.finalState, ScriptFormat.transition,
      ScriptFormat.guardRecord, ScriptFormat.signals, ScriptFormat.tone,
    ] where seen.insert(record.name).inserted {
      definitions.append((record.name, object(record)))
    }
    definitions.append(
      (
        "state",
        .object([
          ("description", .string("A question state, or a final state (`kind: end` or `kind: safety`).")),
          ("oneOf", .array([ref(ScriptFormat.questionState.name), ref(ScriptFormat.finalState.name)])),
        ])
      ))
    definitions.append(
      (
        "signal",
        .object([
          ("description", .string("A signal id of the taxonomy.")),
          ("enum", .array(ScriptFormat.signalIDs.map(JSONValue.string))),
        ])
      ))
    var root: [(String, JSONValue)] = [
      ("$schema", .string(dialect)),
      ("$id", .string("urn:rekindle:schema:dialogue:1")),
      ("title", .string("Rekindle dialogue script (\(DialogueScript.format))")),
    ]
    if case .object(let pairs) = object(ScriptFormat.root) { root += pairs }
    root.append(("$defs", .object(definitions)))
    return .object(root)
  }

  /// The schema as indented JSON text, ending with a newline.
  public static var text: String { json.pretty + "\n" }

  // MARK: - Building

  private static func ref(_ name: String) -> JSONValue {
    .object([("$ref", .string("#/$defs/\(name)"))])
  }

  private static func object(_ record: Record) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("description", .string(record.summary)),
      ("type", .string("object")),
      ("properties", .object(record.fields.map { ($0.name, property($0)) })),
    ]
    if !record.required.isEmpty { pairs.append(("required", .array(record.required.map(JSONValue.string)))) }
    pairs.append(("additionalProperties", .bool(false)))
    if record.nonEmpty { pairs.append(("minProperties", .int(1))) }
    return .object(pairs)
  }

  private static func property(_ field: Field) -> JSONValue {
    var pairs: [(String, JSONValue)] = [("description", .string(field.summary))]
    if case .object(let shape) = schema(field.shape) { pairs += shape }
    return .object(pairs)
  }

  private static func schema(_ shape: ValueShape) -> JSONValue {
    switch shape {
    case .text:
      return .object([("type", .string("string"))])
    case .scalar:
      return .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
    case .integer(let min, let max):
      var pairs: [(String, JSONValue)] = [("type", .string("integer")), ("minimum", .int(min))]
      if let max { pairs.append(("maximum", .int(max))) }
      return .object(pairs)
    case .number(let min, let max):
      return .object([("type", .string("number")), ("minimum", .number(min)), ("maximum", .number(max))])
    case .boolean:
      return .object([("type", .string("boolean"))])
    case .constant(let value):
      return .object([("const", .string(value))])
    case .choice(let words, let booleans):
      let values = words.map(JSONValue.string) + (booleans ? [.bool(true), .bool(false)] : [])
      return .object([("enum", .array(values))])
    case .pattern:
      return .object([("type", .string("string")), ("format", .string("regex"))])
    case .signal:
      return ref("signal")
    case .stateName:
      return .object([("type", .string("string")), ("minLength", .int(1))])
    case .list(let item, let nonEmpty, _):
      var pairs: [(String, JSONValue)] = [("type", .string("array")), ("items", schema(item))]
      if nonEmpty { pairs.append(("minItems", .int(1))) }
      return .object(pairs)
    case .record(let record):
      return ref(record.name)
    case .dictionary(let value):
      return .object([("type", .string("object")), ("additionalProperties", schema(value))])
    case .reactions:
      let text = schema(.text)
      return .object([
        ("type", .string("object")),
        ("properties", .object(ScriptFormat.signalIDs.map { ($0, text) })),
        ("additionalProperties", .bool(false)),
      ])
    case .states:
      return .object([
        ("type", .string("object")), ("minProperties", .int(1)), ("additionalProperties", ref("state")),
      ])
    }
  }
}
