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
  var entries: [Entry] = []

  /// Parses lexicon text; `file` names it in errors.
  public init(parsing text: String, file: String) throws(LexiconError) {
    var lineNumber = 0
    for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      try parseLine(String(rawLine), file: file, line: lineNumber)
    }
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

  private mutating func parseLine(_ raw: String, file: String, line: Int) throws(LexiconError) {
    var text = Substring(raw)
    if let hash = text.firstIndex(of: "#") { text = text[..<hash] }
    let leading = text.prefix { $0 == " " || $0 == "\t" }.count
    let content = text.trimmingSpaces()
    if content.isEmpty { return }
    let at = SourceLocation(file: file, line: line, column: leading + 1)

    if content.hasPrefix("@") {
      guard let colon = content.firstIndex(of: ":") else {
        throw LexiconError("class definition needs ':' after the name, as in '@you: you your'", at: at)
      }
      let name = String(content[content.index(after: content.startIndex)..<colon]).trimmingSpaces()
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
        throw LexiconError("class name must be letters, digits or '_'", at: at)
      }
      let words = content[content.index(after: colon)...].split(separator: " ").map(String.init)
      guard !words.isEmpty else { throw LexiconError("class '@\(name)' has no words", at: at) }
      classes.append(ClassDefinition(name: name, words: words, location: at))
      return
    }

    if content.hasPrefix("expand ") {
      let body = content.dropFirst("expand ".count)
      guard let colon = body.firstIndex(of: ":") else {
        throw LexiconError("expansion needs ':', as in 'expand dont: do not'", at: at)
      }
      let word = String(body[..<colon]).trimmingSpaces()
      let replacement = body[body.index(after: colon)...].split(separator: " ").map(String.init)
      guard !word.isEmpty, !word.contains(" "), !replacement.isEmpty else {
        throw LexiconError("expansion needs one word before ':' and at least one after", at: at)
      }
      expansions.append(Expansion(word: word, replacement: replacement, location: at))
      return
    }

    var fields = content.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard fields.count >= 3 else {
      throw LexiconError("entry needs a category, a weight and a pattern, as in 'blame 1.0 your fault'", at: at)
    }
    let categoryName = fields.removeFirst()
    guard let category = EntryCategory(name: categoryName) else {
      let hint = Suggestion.closest(to: categoryName, in: EntryCategory.allNames).map { " (did you mean '\($0)'?)" } ?? ""
      throw LexiconError("unknown category '\(categoryName)'\(hint)", at: at)
    }
    let weightText = fields.removeFirst()
    guard let weight = Double(weightText), weight.isFinite, weight >= -1, weight <= 1 else {
      throw LexiconError("weight '\(weightText)' must be a number from -1 to 1", at: at)
    }
    if category != .tone && weight < 0 {
      throw LexiconError("only 'tone' entries take a negative weight", at: at)
    }
    var negatable = true
    var questionWord: String?
    while let option = fields.first, option.hasPrefix("+") {
      fields.removeFirst()
      if option == "+nonneg" {
        negatable = false
      } else if option.hasPrefix("+q:"), option.count > 3 {
        questionWord = String(option.dropFirst(3))
      } else {
        throw LexiconError("unknown option '\(option)' (known: +nonneg, +q:WORD)", at: at)
      }
    }
    let rest = fields.joined(separator: " ")
    let pattern: String
    var reason: String?
    // A '|' inside braces belongs to the pattern; only a '|' after the braces starts a reason.
    if let bar = Self.reasonBar(in: rest) {
      pattern = String(rest[..<bar]).trimmingSpaces()
      reason = String(rest[rest.index(after: bar)...]).trimmingSpaces()
    } else {
      pattern = rest.trimmingSpaces()
    }
    guard !pattern.isEmpty else { throw LexiconError("empty pattern", at: at) }
    let column = leading + (Self.offset(of: pattern, in: content) ?? 0) + 1
    entries.append(
      Entry(
        category: category, weight: weight, negatable: negatable, questionWord: questionWord,
        pattern: pattern, reason: reason,
        location: SourceLocation(file: file, line: line, column: column)))
  }

  /// The character offset of `needle` in `text`, if it occurs.
  static func offset(of needle: String, in text: String) -> Int? {
    let hay = Array(text)
    let n = Array(needle)
    guard !n.isEmpty, n.count <= hay.count else { return nil }
    for i in 0...(hay.count - n.count) where hay[i] == n[0] && Array(hay[i..<(i + n.count)]) == n { return i }
    return nil
  }

  /// The index of the '|' that starts a reason: the first one outside braces.
  private static func reasonBar(in text: String) -> String.Index? {
    var depth = 0
    var i = text.startIndex
    while i < text.endIndex {
      switch text[i] {
      case "{": depth += 1
      case "}": depth = max(0, depth - 1)
      case "|" where depth == 0: return i
      default: break
      }
      i = text.index(after: i)
    }
    return nil
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
    guard let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
