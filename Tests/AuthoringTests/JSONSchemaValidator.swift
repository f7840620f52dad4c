import JSONText
import Authoring

/// A validator for the part of JSON Schema the script schema uses: `$ref` (to `#/$defs/...`), `type`,
/// `const`, `enum`, `properties`, `required`, `additionalProperties`, `minProperties`, `items`, `minItems`,
/// `minimum`, `maximum`, `minLength` and `oneOf`. Annotations (`description`, `format`...) are ignored.
struct JSONSchemaValidator {
  let root: JSONValue

  /// The keywords the validator understands; the schema may use no others (besides annotations).
  static let keywords: Set<String> = [
    "$ref", "type", "const", "enum", "properties", "required", "additionalProperties", "minProperties", "items",
    "minItems", "minimum", "maximum", "minLength", "oneOf",
  ]
  static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description", "format"]

  /// The problems found, as "path: message"; empty when `instance` is valid.
  func validate(_ instance: JSONValue) -> [String] {
    validate(instance, against: root, at: "$")
  }

  private func validate(_ instance: JSONValue, against schema: JSONValue, at path: String) -> [String] {
    if case .bool(let allowed) = schema { return allowed ? [] : ["\(path): not allowed"] }
    guard case .object(let keywords) = schema else { return ["\(path): schema is not an object"] }
    var problems: [String] = []
    for (keyword, value) in keywords {
      switch keyword {
      case "$ref":
        guard case .string(let ref) = value, ref.hasPrefix("#/$defs/"),
          let target = root["$defs"]?[String(ref.dropFirst("#/$defs/".count))]
        else { return ["\(path): unresolved $ref \(value)"] }
        problems += validate(instance, against: target, at: path)
      case "type":
        let types: [String]
        switch value {
        case .string(let one): types = [one]
        case .array(let many): types = many.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
        default: types = []
        }
        if !types.contains(where: { Self.has(instance, type: $0) }) { problems.append("\(path): not of type \(types)") }
      case "const":
        if instance != value { problems.append("\(path): should be \(value.compact)") }
      case "enum":
        guard case .array(let allowed) = value else { break }
        if !allowed.contains(instance) {
          problems.append("\(path): \(instance.compact) is not one of \(value.compact)")
        }
      case "properties":
        guard case .object(let members) = instance, case .object(let properties) = value else { break }
        for (name, member) in members {
          if let property = properties.first(where: { $0.0 == name })?.1 {
            problems += validate(member, against: property, at: "\(path).\(name)")
          }
        }
      case "required":
        guard case .object(let members) = instance, case .array(let names) = value else { break }
        for case .string(let name) in names where !members.contains(where: { $0.0 == name }) {
          problems.append("\(path): missing \(name)")
        }
      case "additionalProperties":
        guard case .object(let members) = instance else { break }
        var known: [String] = []
        if case .object(let properties)? = schema["properties"] { known = properties.map(\.0) }
        for (name, member) in members where !known.contains(name) {
          problems += validate(member, against: value, at: "\(path).\(name)")
        }
      case "minProperties":
        if case .object(let members) = instance, case .int(let minimum) = value, members.count < minimum {
          problems.append("\(path): fewer than \(minimum) properties")
        }
      case "items":
        guard case .array(let items) = instance else { break }
        for (index, item) in items.enumerated() { problems += validate(item, against: value, at: "\(path)[\(index)]") }
      case "minItems":
        if case .array(let items) = instance, case .int(let minimum) = value, items.count < minimum {
          problems.append("\(path): fewer than \(minimum) items")
        }
      case "minLength":
        if case .string(let text) = instance, case .int(let minimum) = value, text.unicodeScalars.count < minimum {
          problems.append("\(path): shorter than \(minimum)")
        }
      case "minimum":
        if let number = Self.number(instance), let bound = Self.number(value), number < bound {
          problems.append("\(path): below \(bound)")
        }
      case "maximum":
        if let number = Self.number(instance), let bound = Self.number(value), number > bound {
          problems.append("\(path): above \(bound)")
        }
      case "oneOf":
        guard case .array(let choices) = value else { break }
        let matching = choices.filter { validate(instance, against: $0, at: path).isEmpty }.count
        if matching != 1 { problems.append("\(path): matches \(matching) of the oneOf choices, not exactly one") }
      default:
        if !Self.annotations.contains(keyword) { problems.append("\(path): unsupported keyword \(keyword)") }
      }
    }
    return problems
  }

  private static func has(_ value: JSONValue, type: String) -> Bool {
    switch (value, type) {
    case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"): return true
    case (.int, "integer"), (.int, "number"), (.number, "number"): return true
    case (.number(let x), "integer"): return x == x.rounded()
    default: return false
    }
  }

  private static func number(_ value: JSONValue) -> Double? {
    switch value {
    case .int(let x): return Double(x)
    case .number(let x): return x
    default: return nil
    }
  }
}
