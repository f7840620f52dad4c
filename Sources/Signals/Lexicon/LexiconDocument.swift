/// A lexicon file as written: class definitions, expansions and entries, before compilation.
///
/// The format is line based; `#` starts a comment:
///
///     @you: you your yours yourself          a word class
///     expand dont: do not                    a spelling expanded before matching
///     blame 1.0 it was ... your fault        category, weight, pattern
///     blame 0.8 +q:fault ^ yours | blames you when asked whose fault
///
/// Pattern syntax: plain words; `{a|b|@class}` alternatives; `word?` optional; `fix*` prefix;
/// `...` a gap of up to five words inside the sentence; `_` any word; `@name` a capitalized
/// unknown word; `@number`; `^` and `$` sentence anchors (`$?` a question's end).
/// Options: `+nonneg` (a negator before the match does not cancel it), `+q:WORD` (applies only
/// when the question contains WORD). A later document's entry with the same category and pattern
/// replaces an earlier one; weight 0 removes it.
public struct LexiconDocument: Sendable {
  struct ClassDefinition: Sendable {
    var name: String
    var words: [String]
    var location: SourceLocation
  }

  struct Expansion: Sendable {
    var word: String
    var replacement: [String]
    var location: SourceLocation
  }

  struct Entry: Sendable {
    var category: EntryCategory
    var weight: Double
    var negatable: Bool
    var questionWord: String?
    var pattern: String
    var reason: String?
    var location: SourceLocation
    /// Entries with the same key override each other.
    var key: String { category.name + " " + pattern.split(separator: " ").joined(separator: " ") }
  }

  var classes: [ClassDefinition] = []
  var expansions: [Expansion] = []
  /// The most words one expansion may stand for.
  public static let maxExpansionWords = 8
  var entries: [Entry] = []

  /// Parses lexicon text; `file` names it in errors.
  public init(parsing text: String, file: String) throws(LexiconError) {
    var copy = text
    var failure: LexiconError?
    copy.withUTF8 { bytes in
      for (number, range) in LineRanges(bytes) {
        do {
          try parseLine(UnsafeBufferPointer(rebasing: bytes[range]), file: file, line: number)
        } catch let error as LexiconError {
          failure = error
          return
        } catch {
          return
        }
      }
    }
    if let failure { throw failure }
  }

  /// An empty document.
  public init() {}

  /// This document with `other`'s classes, expansions and entries added or overriding.
  public func merged(with other: LexiconDocument) -> LexiconDocument {
    var result = self
    result.classes += other.classes
    result.expansions += other.expansions
    var indexByKey: [String: Int] = [:]
    for (i, e) in result.entries.enumerated() { indexByKey[e.key] = i }
    for entry in other.entries {
      if let i = indexByKey[entry.key] {
        result.entries[i] = entry
      } else {
        indexByKey[entry.key] = result.entries.count
        result.entries.append(entry)
      }
    }
    result.entries.removeAll { $0.weight == 0 }
    return result
  }

  // MARK: - Parsing

  /// Parses one line, working on bytes (the built-in lexicon is parsed at every start-up).
  private mutating func parseLine(_ raw: UnsafeBufferPointer<UInt8>, file: String, line: Int) throws(LexiconError) {
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
    let stop = raw.firstIndex(of: UInt8(ascii: "#")) ?? raw.count
    guard let first = raw[0..<stop].firstIndex(where: { !isSpace($0) }) else { return }
    let lastIndex = raw[0..<stop].lastIndex(where: { !isSpace($0) }) ?? first
    let content = Array(raw[first...lastIndex])
    let at = SourceLocation(file: file, line: line, column: first + 1)
    func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
    func words(_ slice: ArraySlice<UInt8>) -> [String] {
      slice.split(whereSeparator: isSpace).map { text($0) }
    }

    if content[0] == UInt8(ascii: "@") {
      guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else {
        throw LexiconError("class definition needs ':' after the name, as in '@you: you your'", at: at)
      }
      let name = text(content[1..<colon]).trimmingSpaces()
      guard !name.isEmpty, name.utf8.allSatisfy({ b in
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
      }) else {
        throw LexiconError("class name must be letters, digits or '_'", at: at)
      }
      let members = words(content[(colon + 1)...])
      guard !members.isEmpty else { throw LexiconError("class '@\(name)' has no words", at: at) }
      classes.append(ClassDefinition(name: name, words: members, location: at))
      return
    }

    if content.starts(with: Array("expand ".utf8)) {
      let body = content[7...]
      guard let colon = body.firstIndex(of: UInt8(ascii: ":")) else {
        throw LexiconError("expansion needs ':', as in 'expand dont: do not'", at: at)
      }
      let word = words(body[..<colon])
      let replacement = words(body[(colon + 1)...])
      guard word.count == 1, !replacement.isEmpty else {
        throw LexiconError("expansion needs one word before ':' and at least one after", at: at)
      }
      guard replacement.count <= Self.maxExpansionWords else {
        // Each occurrence of the word becomes these words: a long one would let a short reply
        // take memory and time out of all proportion to its length.
        throw LexiconError(
          "an expansion has at most \(Self.maxExpansionWords) words (this one has \(replacement.count))", at: at)
      }
      expansions.append(Expansion(word: word[0], replacement: replacement, location: at))
      return
    }

    // CATEGORY WEIGHT [+OPTIONS] PATTERN [| REASON]
    var position = 0
    func nextField() -> (String, Int)? {
      while position < content.count && isSpace(content[position]) { position += 1 }
      guard position < content.count else { return nil }
      let start = position
      while position < content.count && !isSpace(content[position]) { position += 1 }
      return (text(content[start..<position]), start)
    }
    guard let (categoryName, _) = nextField(), let (weightText, weightStart) = nextField(), position < content.count else {
      throw LexiconError("entry needs a category, a weight and a pattern, as in 'blame 1.0 your fault'", at: at)
    }
    guard let category = EntryCategory(name: categoryName) else {
      let hint = Suggestion.closest(to: categoryName, in: EntryCategory.allNames).map { " (did you mean '\($0)'?)" } ?? ""
      throw LexiconError("unknown category '\(categoryName)'\(hint)", at: at)
    }
    let weightAt = SourceLocation(file: file, line: line, column: first + weightStart + 1)
    guard let weight = Double(weightText), weight.isFinite, weight >= -1, weight <= 1 else {
      throw LexiconError("weight '\(weightText)' must be a number from -1 to 1", at: weightAt)
    }
    if category != .tone && weight < 0 {
      throw LexiconError("only 'tone' entries take a negative weight", at: weightAt)
    }
    var negatable = true
    var questionWord: String?
    var patternStart = position
    while true {
      let saved = position
      guard let (option, start) = nextField() else { break }
      let optionAt = SourceLocation(file: file, line: line, column: first + start + 1)
      guard option.hasPrefix("+") else {
        position = saved
        patternStart = start
        break
      }
      if option == "+nonneg" {
        negatable = false
      } else if option.hasPrefix("+q:"), option.utf8.count > 3 {
        questionWord = String(option.dropFirst(3))
      } else {
        throw LexiconError("unknown option '\(option)' (known: +nonneg, +q:WORD)", at: optionAt)
      }
    }
    // A '|' inside braces belongs to the pattern; the first one outside starts a reason.
    var depth = 0
    var bar: Int?
    for k in patternStart..<content.count {
      switch content[k] {
      case UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "}"): depth = max(0, depth - 1)
      case UInt8(ascii: "|") where depth == 0: bar = k
      default: break
      }
      if bar != nil { break }
    }
    let pattern = text(content[patternStart..<(bar ?? content.count)]).trimmingSpaces()
    let reason = bar.map { text(content[($0 + 1)...]).trimmingSpaces() }
    guard !pattern.isEmpty else { throw LexiconError("empty pattern", at: at) }
    entries.append(
      Entry(
        category: category, weight: weight, negatable: negatable, questionWord: questionWord,
        pattern: pattern, reason: reason,
        location: SourceLocation(file: file, line: line, column: first + patternStart + 1)))
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces, tabs and carriage returns (the one trimming
  /// routine of the package).
  package func trimmingSpaces() -> String {
    let bytes = Array(utf8)
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
    guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(decoding: bytes[first...last], as: UTF8.self)
  }
}
