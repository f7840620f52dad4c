import Dialogue
/// A cheap, conservative estimate of how deeply a YAML text nests, made before parsing.
///
/// The YAML composer recurses once per nesting level, so a few thousand `[` (or indentation steps)
/// would overflow the stack. The scan counts open flow collections outside quotes, comments and block
/// scalars, plus the block levels implied by increasing indentation and compact `- ` / `? ` indicators.
/// It errs towards counting too deep, never too shallow, for what the parser would treat as nesting.
struct NestingScan {
  private var indents: [Int] = []
  private var flow = 0
  private var quote: Character?
  private var escaped = false
  private var blockScalarParent: Int?

  /// The line and column where the estimated depth first exceeds `limit`, if it does; otherwise
  /// where a plain count of brackets and leading indicators, ignoring quotes and comments, first
  /// exceeds `backstop` (a misread quote must not hide a bomb: the fuzzer found three ways it could).
  static func firstTooDeep(_ yaml: String, limit: Int, backstop: Int) -> (line: Int, column: Int)? {
    firstTooDeepByScan(yaml, limit: limit) ?? firstOverBackstop(yaml, limit: max(limit, backstop))
  }

  /// The count that ignores quotes and comments: unclosed `[`/`{` over the whole text, plus the
  /// run of `- ` / `? ` indicators that opens each line.
  static func firstOverBackstop(_ yaml: String, limit: Int) -> (line: Int, column: Int)? {
    var flow = 0
    var lineNumber = 1
    var column = 0
    var atLineStart = true
    var leading = 0
    var previous: UInt8 = 0x20
    for byte in yaml.utf8 {
      if byte == 0x0A || byte == 0x0D {
        if !(byte == 0x0A && previous == 0x0D) { lineNumber += 1 }
        column = 0
        atLineStart = true
        leading = 0
        previous = byte
        continue
      }
      column += 1
      switch byte {
      case UInt8(ascii: "["), UInt8(ascii: "{"): flow += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"): flow = max(0, flow - 1)
      case UInt8(ascii: "-"), UInt8(ascii: "?"): if atLineStart { leading += 1 }
      case UInt8(ascii: " "), UInt8(ascii: "\t"): break
      default: atLineStart = false
      }
      if flow + leading > limit { return (lineNumber, column) }
      previous = byte
    }
    return nil
  }

  /// The scan proper: quotes, comments, block scalars and indentation read as the parser would.
  private static func firstTooDeepByScan(_ yaml: String, limit: Int) -> (line: Int, column: Int)? {
    var scan = NestingScan()
    var lineNumber = 0
    // Every line break YAML knows ends a line here too: LF, CR, CRLF, NEL, LS and PS. A lone CR
    // counted as part of a comment line once hid a few thousand `{` from the scan.
    for line in yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      if let column = scan.scanLine(Array(line), limit: limit) { return (lineNumber, column) }
    }
    return nil
  }

  /// Scans one line; returns the 1-based column where the depth went over `limit`.
  private mutating func scanLine(_ chars: [Character], limit: Int) -> Int? {
    let indent = chars.prefix { $0 == " " }.count
    let blank = indent == chars.count || chars[indent] == "#" || chars[indent] == "\r"
    if let parent = blockScalarParent {
      if blank || indent > parent { return nil }
      blockScalarParent = nil
    }
    if quote == nil, flow == 0, !blank {
      while let last = indents.last, last >= indent { indents.removeLast() }
      indents.append(indent)
    }
    var valueStart = quote == nil
    var previous: Character = " "
    var index = indent
    while index < chars.count {
      let c = chars[index]
      let next: Character = index + 1 < chars.count ? chars[index + 1] : " "
      defer { previous = c }
      index += 1
      if let open = quote {
        if escaped {
          escaped = false
        } else if c == "\\" && open == "\"" {
          escaped = true
        } else if c == open {
          if open == "'" && next == "'" { index += 1 } else { quote = nil }
        }
        continue
      }
      if c == "#" && (previous == " " || previous == "\t") { return nil }
      let atValueStart = valueStart
      if atValueStart {
        if c == " " || c == "\t" { continue }
        let endsToken = next == " " || next == "\t" || next == "\r" || index == chars.count
        if (c == "-" || c == "?") && endsToken {
          if flow == 0 { indents.append(index) }
          // Checked here too: a line of nothing but indicators ("? ? ? ...") nests as deep.
          if indents.count + flow > limit { return index }
          continue
        }
        if c == "&" || c == "!" {  // an anchor or tag before the value: skip it
          while index < chars.count, chars[index] != " " { index += 1 }
          continue
        }
        if (c == "|" || c == ">") && flow == 0 {
          blockScalarParent = indent
          return nil
        }
        valueStart = false
        if c == "\"" || c == "'" {
          quote = c
          continue
        }
      }
      switch c {
      case "[", "{":
        if atValueStart || flow > 0 {
          flow += 1
          valueStart = true
        }
      case "]", "}": if flow > 0 { flow -= 1 }
      // A quote opens a quoted scalar only where a value can start. Not after a bare ':' ("d:\"..."
      // is one plain scalar to the parser): taking it for a quote hid the brackets after it.
      case "\"", "'": if flow > 0 && " [{,".contains(previous) { quote = c }
      case ",": if flow > 0 { valueStart = true }
      case ":": if " \t\r[{".contains(next) || index == chars.count { valueStart = true }
      default: break
      }
      if indents.count + flow > limit { return index }
    }
    return nil
  }
}
