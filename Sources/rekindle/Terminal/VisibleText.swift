/// Makes untrusted text safe to print on a terminal: control characters and escape sequences are
/// shown as visible `^X` / `\u{...}` notation instead of being sent raw.
enum VisibleText {
  static func sanitize(_ text: String, keepingNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
      if keepingNewlines && scalar == "\n" {
        out.unicodeScalars.append(scalar)
      } else if scalar.value < 0x20 && scalar != "\t" {
        out += "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
      } else if isControl(scalar) {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  private static func isControl(_ s: Unicode.Scalar) -> Bool {
    (s.value < 0x20 && s != "\t") || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0)
      || s.value == 0x202E || s.value == 0x2066 || s.value == 0x2067 || s.value == 0x2068 || s.value == 0x2069
  }
}
