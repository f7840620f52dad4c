/// A cursor over JSON text: the one JSON reader, shared by ``JSONObjectLine`` and ``JSONValue``.
struct JSONParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0

  var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

  func error(_ message: String) -> JSONSyntaxError { JSONSyntaxError(column: position + 1, message: message) }

  mutating func skipSpace() {
    while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { position += 1 }
  }

  mutating func expect(_ byte: UInt8, _ message: String) throws(JSONSyntaxError) {
    guard peek == byte else { throw error(message) }
    position += 1
  }

  mutating func skipValue(depth: Int) throws(JSONSyntaxError) {
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
  mutating func string() throws(JSONSyntaxError) -> String {
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

  mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
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

extension JSONParser {
  /// Reads any JSON value; an object with a key given twice is an error (readers disagree on which
  /// one wins, so neither is taken).
  mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
    guard depth < 512 else { throw error("JSON nested too deeply") }
    skipSpace()
    guard let b = peek else { throw error("expected a value") }
    switch b {
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "["):
      position += 1
      var items: [JSONValue] = []
      skipSpace()
      if peek == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      while true {
        items.append(try value(depth: depth + 1))
        skipSpace()
        if peek == UInt8(ascii: ",") {
          position += 1
          continue
        }
        try expect(UInt8(ascii: "]"), "expected ',' or ']'")
        return .array(items)
      }
    case UInt8(ascii: "{"):
      position += 1
      var pairs: [(String, JSONValue)] = []
      var keys: Set<String> = []
      skipSpace()
      if peek == UInt8(ascii: "}") {
        position += 1
        return .object(pairs)
      }
      while true {
        skipSpace()
        let keyStart = position
        guard peek == UInt8(ascii: "\"") else { throw error("expected a string key") }
        let key = try string()
        guard keys.insert(key).inserted else {
          position = keyStart
          throw error("the key \"\(key)\" is given twice")
        }
        skipSpace()
        try expect(UInt8(ascii: ":"), "expected ':' after the key")
        pairs.append((key, try value(depth: depth + 1)))
        skipSpace()
        if peek == UInt8(ascii: ",") {
          position += 1
          continue
        }
        try expect(UInt8(ascii: "}"), "expected ',' or '}' after a value")
        return .object(pairs)
      }
    default:
      let start = position
      try skipValue(depth: depth)
      let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      switch literal {
      case "true": return .bool(true)
      case "false": return .bool(false)
      case "null": return .null
      default:
        if !literal.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let int = Int(literal) { return .int(int) }
        if let number = Double(literal), number.isFinite { return .number(number) }
        position = start
        throw error("number out of range")
      }
    }
  }
}
