/// One line of JSON Lines input: a JSON object whose string fields can be read and whose other
/// members are kept as raw text to pass through.
struct JSONObjectLine {
  /// A member: its key and the raw JSON text of its value.
  struct Member {
    var key: String
    var rawValue: ArraySlice<UInt8>
  }

  /// A syntax error, with the 1-based column where it was found.
  struct SyntaxError: Error {
    var column: Int
    var message: String
  }

  private(set) var members: [Member] = []

  /// Parses `bytes` as one JSON object.
  init(parsing bytes: UnsafeBufferPointer<UInt8>) throws(SyntaxError) {
    var parser = Parser(bytes: bytes)
    parser.skipSpace()
    try parser.expect(UInt8(ascii: "{"), "expected '{' at the start of a JSON object")
    parser.skipSpace()
    if parser.peek == UInt8(ascii: "}") {
      parser.position += 1
    } else {
      while true {
        parser.skipSpace()
        guard parser.peek == UInt8(ascii: "\"") else { throw parser.error("expected a string key") }
        let key = try parser.string()
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
  func string(_ key: String) throws(SyntaxError) -> String? {
    guard let member = members.first(where: { $0.key == key }) else { return nil }
    return try member.rawValue.withUnsafeBufferPointer { raw throws(SyntaxError) -> String? in
      var parser = Parser(bytes: raw)
      if parser.peek == UInt8(ascii: "n") { return nil }
      guard parser.peek == UInt8(ascii: "\"") else {
        throw SyntaxError(column: 1, message: "\"\(key)\" must be a string")
      }
      return try parser.string()
    }
  }

  /// The value of `key` when it is an array of strings.
  func stringArray(_ key: String) throws(SyntaxError) -> [String]? {
    guard let member = members.first(where: { $0.key == key }) else { return nil }
    return try member.rawValue.withUnsafeBufferPointer { raw throws(SyntaxError) -> [String]? in
      var parser = Parser(bytes: raw)
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

  // MARK: - Parser

  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    func error(_ message: String) -> SyntaxError { SyntaxError(column: position + 1, message: message) }

    mutating func skipSpace() {
      while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { position += 1 }
    }

    mutating func expect(_ byte: UInt8, _ message: String) throws(SyntaxError) {
      guard peek == byte else { throw error(message) }
      position += 1
    }

    mutating func skipValue(depth: Int) throws(SyntaxError) {
      guard depth < 512 else { throw error("JSON nested too deeply") }
      guard let b = peek else { throw error("expected a value") }
      switch b {
      case UInt8(ascii: "\""): _ = try string()
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipSpace()
        if peek == close {
          position += 1
          return
        }
        while true {
          skipSpace()
          if b == UInt8(ascii: "{") {
            guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
            _ = try string()
            skipSpace()
            try expect(UInt8(ascii: ":"), "expected ':' after the key")
            skipSpace()
          }
          try skipValue(depth: depth + 1)
          skipSpace()
          if peek == UInt8(ascii: ",") {
            position += 1
            continue
          }
          try expect(close, "expected ',' or '\(Character(Unicode.Scalar(close)))'")
          return
        }
      default:
        let literalStart = position
        while let c = peek, c != UInt8(ascii: ","), c != UInt8(ascii: "}"), c != UInt8(ascii: "]"),
          c != 0x20, c != 0x09, c != 0x0A, c != 0x0D
        {
          position += 1
        }
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[literalStart..<position]), as: UTF8.self)
        if literal == "true" || literal == "false" || literal == "null" { return }
        if Double(literal) != nil, literal.first.map({ $0 == "-" || $0.isNumber }) == true { return }
        position = literalStart
        throw error("invalid value")
      }
    }

    /// Reads a string literal, decoding escapes; invalid UTF-8 and lone surrogates become U+FFFD.
    mutating func string() throws(SyntaxError) -> String {
      position += 1
      var out: [UInt8] = []
      while true {
        guard let b = peek else { throw error("unterminated string") }
        position += 1
        if b == UInt8(ascii: "\"") { break }
        if b == UInt8(ascii: "\\") {
          guard let e = peek else { throw error("unterminated string") }
          position += 1
          switch e {
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "u"):
            var scalar = try hex4()
            if scalar >= 0xD800 && scalar < 0xDC00, peek == UInt8(ascii: "\\"), position + 1 < bytes.count,
              bytes[position + 1] == UInt8(ascii: "u")
            {
              position += 2
              let low = try hex4()
              if low >= 0xDC00 && low < 0xE000 {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
              } else {
                scalar = 0xFFFD
              }
            }
            let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(Character(value)).utf8))
          default:
            throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'")
          }
        } else {
          out.append(b)
        }
      }
      return String(decoding: out, as: UTF8.self)
    }

    mutating func hex4() throws(SyntaxError) -> UInt32 {
      guard position + 4 <= bytes.count else { throw error("invalid \\u escape") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let c = bytes[position]
        position += 1
        let digit: UInt32
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
        default: throw error("invalid \\u escape")
        }
        value = value << 4 | digit
      }
      return value
    }
  }
}
