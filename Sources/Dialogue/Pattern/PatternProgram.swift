/// A compiled `matches:` pattern: a small instruction program run by a Pike virtual machine, so a
/// match takes time in proportion to the reply's length times the program's size, whatever the
/// pattern. (A backtracking engine can take exponential time on patterns such as `^(a+)+$`.)
struct PatternProgram: Sendable {
  enum Instruction: Sendable {
    /// One scalar, already folded to lower case.
    case scalar(Unicode.Scalar)
    /// Any scalar but a line break.
    case any
    /// A scalar in (or, negated, not in) a class.
    case set(ScalarSet)
    /// Continue at both targets.
    case split(Int, Int)
    case jump(Int)
    case assertStart, assertEnd, wordBoundary, notWordBoundary
    case match
  }

  var instructions: [Instruction]

  /// Whether the pattern matches anywhere in `text`, ignoring case.
  func matches(_ text: String) -> Bool {
    let input = text.unicodeScalars.map(ScalarSet.folded)
    let count = instructions.count
    var current = [Int]()
    var next = [Int]()
    var mark = [Int](repeating: -1, count: count)
    current.reserveCapacity(count)
    next.reserveCapacity(count)
    for position in 0...input.count {
      // A new thread starts at every position: the pattern may match anywhere.
      if add(0, at: position, input, to: &current, mark: &mark, generation: position) { return true }
      guard position < input.count else { break }
      let scalar = input[position]
      next.removeAll(keepingCapacity: true)
      for pc in current {
        let advances: Bool
        switch instructions[pc] {
        case .scalar(let expected): advances = scalar == expected
        case .any: advances = scalar != "\n" && scalar != "\r"
        case .set(let set): advances = set.contains(scalar)
        default: advances = false
        }
        if advances, add(pc + 1, at: position + 1, input, to: &next, mark: &mark, generation: position + 1) { return true }
      }
      swap(&current, &next)
    }
    return false
  }

  /// Adds the thread at `pc` and every thread its empty moves reach; true when one reaches `match`.
  private func add(
    _ pc: Int, at position: Int, _ input: [Unicode.Scalar], to list: inout [Int], mark: inout [Int], generation: Int
  ) -> Bool {
    var stack = [pc]
    while let pc = stack.popLast() {
      guard mark[pc] != generation else { continue }
      mark[pc] = generation
      switch instructions[pc] {
      case .match: return true
      case .jump(let target): stack.append(target)
      case .split(let first, let second):
        stack.append(second)
        stack.append(first)
      case .assertStart: if position == 0 { stack.append(pc + 1) }
      case .assertEnd: if position == input.count { stack.append(pc + 1) }
      case .wordBoundary, .notWordBoundary:
        let before = position > 0 && ScalarSet.isWord(input[position - 1])
        let after = position < input.count && ScalarSet.isWord(input[position])
        let boundary = before != after
        if case .wordBoundary = instructions[pc], boundary { stack.append(pc + 1) }
        if case .notWordBoundary = instructions[pc], !boundary { stack.append(pc + 1) }
      case .scalar, .any, .set: list.append(pc)
      }
    }
    return false
  }
}

/// A class of scalars: ranges and the `\w \s \d` classes, possibly negated. Compared folded to
/// lower case (ranges are tried with the scalar's upper case too).
struct ScalarSet: Sendable {
  enum Member: Sendable {
    case range(ClosedRange<UInt32>)
    case word, space, digit
    case notWord, notSpace, notDigit
  }

  var members: [Member]
  var negated = false

  func contains(_ folded: Unicode.Scalar) -> Bool {
    let upper = Character(folded).uppercased().unicodeScalars.first ?? folded
    var found = false
    for member in members {
      switch member {
      case .range(let range): found = range.contains(folded.value) || range.contains(upper.value)
      case .word: found = Self.isWord(folded)
      case .space: found = folded.properties.isWhitespace
      case .digit: found = folded.properties.numericType == .decimal
      case .notWord: found = !Self.isWord(folded)
      case .notSpace: found = !folded.properties.isWhitespace
      case .notDigit: found = folded.properties.numericType != .decimal
      }
      if found { break }
    }
    return found != negated
  }

  /// A word scalar, as `\w` and `\b` mean it: a letter, a mark, a digit or the underscore.
  static func isWord(_ scalar: Unicode.Scalar) -> Bool {
    let p = scalar.properties
    return scalar == "_" || p.isAlphabetic || p.numericType == .decimal || p.generalCategory == .nonspacingMark
      || p.generalCategory == .spacingMark
  }

  /// A scalar folded to lower case (one scalar; those whose lower case is longer are kept).
  static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    if scalar.isASCII {
      return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }
    let lower = scalar.properties.lowercaseMapping.unicodeScalars
    return lower.count == 1 ? lower.first ?? scalar : scalar
  }
}
