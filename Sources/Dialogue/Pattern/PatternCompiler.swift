/// Compiles a `matches:` pattern (regular-expression syntax, matched ignoring case) into a
/// ``PatternProgram``.
///
/// The syntax is the common core: literals and escapes, `.`, classes `[a-z\d]` and `[^...]`, `\w \s \d`
/// and their negations, `\b \B`, anchors `^ $ \A \z`, groups `(...)` `(?:...)` `(?<name>...)`,
/// alternation, and the quantifiers `* + ? {n} {n,} {,m} {n,m}` (lazy and possessive forms match the
/// same here). Back-references, look-around and atomic groups are refused: they are what makes a
/// regular expression slow to match.
struct PatternCompiler {
  /// The largest program a pattern may compile to (counted repetitions multiply it).
  static let maxInstructions = 20_000
  /// The largest count in `{n,m}`.
  static let maxCount = 1_000

  private indirect enum Node {
    case scalar(Unicode.Scalar), any, set(ScalarSet), start, end, boundary, notBoundary
    case concat([Node]), alternation([Node])
    case repetition(Node, min: Int, max: Int?)
  }

  private let scalars: [Unicode.Scalar]
  private var position = 0
  private var program: [PatternProgram.Instruction] = []

  /// The program for `source`, or why it cannot be compiled.
  static func compile(_ source: String) -> Result<PatternProgram, PatternError> {
    var compiler = PatternCompiler(scalars: Array(source.unicodeScalars))
    do throws(PatternError) {
      let node = try compiler.alternation(depth: 0)
      if compiler.position < compiler.scalars.count { throw compiler.error("unmatched `)`") }
      try compiler.emit(node)
      compiler.program.append(.match)
      return .success(PatternProgram(instructions: compiler.program))
    } catch {
      return .failure(error)
    }
  }

  private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

  private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

  private func error(_ message: String) -> PatternError {
    PatternError(message: "\(message) (at character \(min(position + 1, scalars.count)))")
  }

  private mutating func next() throws(PatternError) -> Unicode.Scalar {
    guard let scalar = peek else { throw error("the pattern ends too early") }
    position += 1
    return scalar
  }

  // MARK: - Parsing

  private mutating func alternation(depth: Int) throws(PatternError) -> Node {
    guard depth < 100 else { throw error("groups nested too deeply") }
    var branches = [try concatenation(depth: depth)]
    while peek == "|" {
      position += 1
      branches.append(try concatenation(depth: depth))
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func concatenation(depth: Int) throws(PatternError) -> Node {
    var items: [Node] = []
    while let scalar = peek, scalar != "|", scalar != ")" {
      var atom = try self.atom(depth: depth)
      while let quantified = try quantifier(on: atom) { atom = quantified }
      items.append(atom)
    }
    return .concat(items)
  }

  private mutating func atom(depth: Int) throws(PatternError) -> Node {
    let scalar = try next()
    switch scalar {
    case ".": return .any
    case "^": return .start
    case "$": return .end
    case "[": return .set(try characterClass())
    case "(":
      try groupPrefix()
      let inner = try alternation(depth: depth + 1)
      guard peek == ")" else { throw error("a group is not closed with `)`") }
      position += 1
      return inner
    case "*", "+", "?": throw error("`\(scalar)` has nothing to repeat")
    case "\\": return try escape()
    default: return .scalar(ScalarSet.folded(scalar))
    }
  }

  /// Reads what follows `(`: nothing, `?:`, a group name, or the `i` flag; refuses the rest.
  private mutating func groupPrefix() throws(PatternError) {
    guard peek == "?" else { return }
    position += 1
    switch try next() {
    case ":": return
    case "<", "P", "'":
      if scalars[position - 1] == "P" { guard try next() == "<" else { throw error("unsupported group") } }
      if peek == "=" || peek == "!" { throw error("look-behind groups are not supported") }
      let close: Unicode.Scalar = scalars[position - 1] == "'" ? "'" : ">"
      while try next() != close {}
    case "=", "!": throw error("look-ahead groups are not supported")
    case ">": throw error("atomic groups are not supported")
    case "i":
      let flag = try next()
      guard flag == ":" else { throw error("only the `i` flag is supported, as `(?i:...)`") }
    default: throw error("unsupported group syntax")
    }
  }

  private mutating func quantifier(on atom: Node) throws(PatternError) -> Node? {
    guard let scalar = peek else { return nil }
    let bounds: (Int, Int?)
    switch scalar {
    case "*": bounds = (0, nil)
    case "+": bounds = (1, nil)
    case "?": bounds = (0, 1)
    case "{":
      guard let counted = try countedBounds() else { return nil }
      bounds = counted
    default: return nil
    }
    if scalar != "{" { position += 1 }
    switch atom {
    case .start, .end, .boundary, .notBoundary: throw error("an anchor cannot be repeated")
    default: break
    }
    if peek == "?" || peek == "+" { position += 1 }  // lazy and possessive forms match the same here
    return .repetition(atom, min: bounds.0, max: bounds.1)
  }

  /// `{n}`, `{n,}`, `{,m}` or `{n,m}` at the current position, consumed; nil (nothing consumed) when the
  /// brace is a literal.
  private mutating func countedBounds() throws(PatternError) -> (Int, Int?)? {
    let start = position
    position += 1
    func number(_ compiler: inout PatternCompiler) -> Int? {
      var digits = ""
      while let d = compiler.peek, ("0"..."9").contains(d) {
        digits.unicodeScalars.append(d)
        compiler.position += 1
      }
      return digits.isEmpty ? nil : Int(digits.prefix(7))
    }
    let written = number(&self)
    guard written != nil || peek == "," else {
      position = start
      return nil
    }
    let low = written ?? 0
    var high: Int? = low
    if peek == "," {
      position += 1
      high = number(&self)
    }
    guard peek == "}" else {
      position = start
      return nil
    }
    position += 1
    if low > Self.maxCount || (high ?? 0) > Self.maxCount { throw error("a count above \(Self.maxCount)") }
    if let high, high < low { throw error("`{\(low),\(high)}` counts down") }
    return (low, high)
  }

  private mutating func escape() throws(PatternError) -> Node {
    let scalar = try next()
    switch scalar {
    case "w": return .set(ScalarSet(members: [.word]))
    case "W": return .set(ScalarSet(members: [.notWord]))
    case "s": return .set(ScalarSet(members: [.space]))
    case "S": return .set(ScalarSet(members: [.notSpace]))
    case "d": return .set(ScalarSet(members: [.digit]))
    case "D": return .set(ScalarSet(members: [.notDigit]))
    case "b": return .boundary
    case "B": return .notBoundary
    case "A": return .start
    case "z", "Z": return .end
    default: return .scalar(ScalarSet.folded(try escapedScalar(scalar)))
    }
  }

  /// The scalar an escape stands for (after the backslash and `scalar`), outside `\w`-like classes.
  private mutating func escapedScalar(_ scalar: Unicode.Scalar) throws(PatternError) -> Unicode.Scalar {
    switch scalar {
    case "n": return "\n"
    case "t": return "\t"
    case "r": return "\r"
    case "f": return "\u{0C}"
    case "v": return "\u{0B}"
    case "0": return "\u{0}"
    case "u", "x":
      var digits = ""
      if peek == "{" {
        position += 1
        while let d = peek, d != "}" {
          digits.unicodeScalars.append(d)
          position += 1
        }
        guard peek == "}" else { throw error("`\\\(scalar){` is not closed") }
        position += 1
      } else {
        for _ in 0..<(scalar == "u" ? 4 : 2) { digits.unicodeScalars.append(try next()) }
      }
      guard digits.count <= 8, let value = UInt32(digits, radix: 16), let result = Unicode.Scalar(value) else {
        throw error("`\\\(scalar)` needs hexadecimal digits of a Unicode scalar")
      }
      return result
    default:
      if scalar.properties.isAlphabetic || ("1"..."9").contains(scalar) {
        throw error("the escape `\\\(scalar)` is not supported")
      }
      return scalar
    }
  }

  private mutating func characterClass() throws(PatternError) -> ScalarSet {
    var set = ScalarSet(members: [])
    if peek == "^" {
      position += 1
      set.negated = true
    }
    var first = true
    while true {
      let scalar = try next()
      if scalar == "]" && !first { break }
      first = false
      if scalar == "[" { throw error("classes inside classes are not supported") }
      var low: Unicode.Scalar
      if scalar == "\\" {
        let escaped = try next()
        switch escaped {
        case "w": set.members.append(.word); continue
        case "W": set.members.append(.notWord); continue
        case "s": set.members.append(.space); continue
        case "S": set.members.append(.notSpace); continue
        case "d": set.members.append(.digit); continue
        case "D": set.members.append(.notDigit); continue
        case "b": low = "\u{08}"
        default: low = try escapedScalar(escaped)
        }
      } else {
        low = scalar
      }
      var high = low
      if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
        position += 1
        var end = try next()
        if end == "\\" { end = try escapedScalar(try next()) }
        guard end.value >= low.value else { throw error("a range in a class runs backwards") }
        high = end
      }
      let (a, b) = (ScalarSet.folded(low).value, ScalarSet.folded(high).value)
      set.members.append(.range(low.value...high.value))
      if a <= b && (a, b) != (low.value, high.value) { set.members.append(.range(a...b)) }
    }
    return set
  }

  // MARK: - Code

  private mutating func emit(_ node: Node) throws(PatternError) {
    guard program.count <= Self.maxInstructions else {
      throw PatternError(message: "the pattern is too large once its counted repetitions are written out")
    }
    switch node {
    case .scalar(let scalar): program.append(.scalar(scalar))
    case .any: program.append(.any)
    case .set(let set): program.append(.set(set))
    case .start: program.append(.assertStart)
    case .end: program.append(.assertEnd)
    case .boundary: program.append(.wordBoundary)
    case .notBoundary: program.append(.notWordBoundary)
    case .concat(let items): for item in items { try emit(item) }
    case .alternation(let branches):
      var jumps: [Int] = []
      for (index, branch) in branches.enumerated() {
        if index < branches.count - 1 {
          let split = program.count
          program.append(.split(split + 1, -1))
          try emit(branch)
          jumps.append(program.count)
          program.append(.jump(-1))
          program[split] = .split(split + 1, program.count)
        } else {
          try emit(branch)
        }
      }
      for jump in jumps { program[jump] = .jump(program.count) }
    case .repetition(let body, let min, let max):
      for _ in 0..<min { try emit(body) }
      if let max {
        var splits: [Int] = []
        for _ in min..<max {
          splits.append(program.count)
          program.append(.split(program.count + 1, -1))
          try emit(body)
        }
        for split in splits { program[split] = .split(split + 1, program.count) }
      } else {
        let loop = program.count
        program.append(.split(loop + 1, -1))
        try emit(body)
        program.append(.jump(loop))
        program[loop] = .split(loop + 1, program.count)
      }
    }
  }
}
