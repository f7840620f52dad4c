/// A JSON value whose object keys keep the order they were given in, so output is stable and readable.
///
/// Used for the JSON Schema, `lint --format json` and session records; reading and rendering need
/// no Foundation.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// The value for `key` in an object (the first one, when keys repeat); nil otherwise.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// Compact JSON text on one line.
  public var compact: String {
    var out = ""
    write(to: &out, indent: nil, level: 0)
    return out
  }

  /// JSON text indented by two spaces per level, ending without a newline.
  public var pretty: String {
    var out = ""
    write(to: &out, indent: "  ", level: 0)
    return out
  }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  private func write(to out: inout String, indent: String?, level: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .number(let value): out += Self.format(value)
    case .string(let value): Self.quote(value, to: &out)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        Self.newline(&out, indent: indent, level: level + 1)
        item.write(to: &out, indent: indent, level: level + 1)
      }
      Self.newline(&out, indent: indent, level: level)
      out += "]"
    case .object(let pairs):
      if pairs.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out += "," }
        Self.newline(&out, indent: indent, level: level + 1)
        Self.quote(key, to: &out)
        out += indent == nil ? ":" : ": "
        value.write(to: &out, indent: indent, level: level + 1)
      }
      Self.newline(&out, indent: indent, level: level)
      out += "}"
    }
  }

  private static func newline(_ out: inout String, indent: String?, level: Int) {
    guard let indent else { return }
    out += "\n"
    out += String(repeating: indent, count: level)
  }

  /// Whole numbers without a fraction ("1", "-1"), others as Swift prints them ("0.25").
  private static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
  }

  /// Appends `text` as a JSON string literal.
  static func quote(_ text: String, to out: inout String) {
    out += JSONEscape.quoted(text)
  }
}

extension JSONValue {
  /// Reads one JSON value from `text` (nothing but spaces may follow it).
  public init(parsing text: String) throws(JSONSyntaxError) {
    var copy = text
    let result = copy.withUTF8 { bytes in Result { () throws(JSONSyntaxError) in try JSONValue(parsing: bytes) } }
    self = try result.get()
  }

  /// Reads one JSON value from UTF-8 bytes (nothing but spaces may follow it).
  public init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.position < bytes.count { throw parser.error("unexpected text after the JSON value") }
    self = value
  }

  /// The string, when this is one.
  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The whole number, when this is one.
  public var intValue: Int? {
    if case .int(let i) = self { return i }
    return nil
  }

  /// The Boolean, when this is one.
  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  /// The items, when this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }
}
