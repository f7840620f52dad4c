/// One line of JSON Lines input: a JSON object whose string fields can be read and whose other
/// members are kept as raw text to pass through.
public struct JSONObjectLine {
  /// A member: its key and the raw JSON text of its value.
  public struct Member: Sendable {
    /// The key, decoded.
    public var key: String
    /// The value as it was written.
    public var rawValue: ArraySlice<UInt8>
  }

  /// The members in the order written.
  public private(set) var members: [Member] = []

  /// Parses `bytes` as one JSON object.
  public init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) {
    var parser = JSONParser(bytes: bytes)
    var seen: Set<String> = []
    parser.skipSpace()
    try parser.expect(UInt8(ascii: "{"), "expected '{' at the start of a JSON object")
    parser.skipSpace()
    if parser.peek == UInt8(ascii: "}") {
      parser.position += 1
    } else {
      while true {
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "\"") else { throw parser.error("expected a string key") }
        let keyStart = parser.position
        let key = try parser.string()
        if !seen.insert(key).inserted {
          throw JSONSyntaxError(column: keyStart + 1, message: "the key \"\(key)\" is given twice")
        }
        parser.skipSpace()
        try parser.expect(UInt8(ascii: ":"), "expected ':' after the key")
        parser.skipSpace()
        let valueStart = parser.position
        try parser.skipValue(depth: 0)
        members.append(Member(key: key, rawValue: ArraySlice(bytes[valueStart..<parser.position])))
        parser.skipSpace()
        if parser.peek == UInt8(ascii: ",") {
          parser.position += 1
          continue
        }
        try parser.expect(UInt8(ascii: "}"), "expected ',' or '}' after a value")
        break
      }
    }
    parser.skipSpace()
    if parser.position < bytes.count { throw parser.error("unexpected text after the JSON object") }
  }

  /// The value of `key` when it is a string; nil when absent or null.
  /// Throws when present with another type.
  public func string(_ key: String) throws(JSONSyntaxError) -> String? {
    guard let member = members.first(where: { $0.key == key }) else { return nil }
    return try member.rawValue.withUnsafeBufferPointer { raw throws(JSONSyntaxError) -> String? in
      var parser = JSONParser(bytes: raw)
      if parser.peek == UInt8(ascii: "n") { return nil }
      guard parser.peek == UInt8(ascii: "\"") else {
        throw JSONSyntaxError(column: 1, message: "\"\(key)\" must be a string")
      }
      return try parser.string()
    }
  }

  /// The value of `key` when it is `true` or `false`; nil when absent or null.
  /// Throws when present with another type.
  public func bool(_ key: String) throws(JSONSyntaxError) -> Bool? {
    guard let member = members.first(where: { $0.key == key }) else { return nil }
    let raw = member.rawValue
    if raw.elementsEqual("true".utf8) { return true }
    if raw.elementsEqual("false".utf8) { return false }
    if raw.elementsEqual("null".utf8) { return nil }
    throw JSONSyntaxError(column: 1, message: "\"\(key)\" must be true or false")
  }

  /// The value of `key` when it is an array of strings.
  public func stringArray(_ key: String) throws(JSONSyntaxError) -> [String]? {
    guard let member = members.first(where: { $0.key == key }) else { return nil }
    return try member.rawValue.withUnsafeBufferPointer { raw throws(JSONSyntaxError) -> [String]? in
      var parser = JSONParser(bytes: raw)
      try parser.expect(UInt8(ascii: "["), "\"\(key)\" must be an array of strings")
      var result: [String] = []
      parser.skipSpace()
      if parser.peek == UInt8(ascii: "]") { return result }
      while true {
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "\"") else { throw parser.error("\"\(key)\" must be an array of strings") }
        result.append(try parser.string())
        parser.skipSpace()
        if parser.peek == UInt8(ascii: ",") {
          parser.position += 1
          continue
        }
        try parser.expect(UInt8(ascii: "]"), "expected ',' or ']' in \"\(key)\"")
        return result
      }
    }
  }
}
