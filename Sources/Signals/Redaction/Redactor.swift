/// Replaces what identifies people in a reply with placeholders, for records and summaries that
/// are kept: names become `[name]`, places `[place]`, email addresses `[email]` and phone numbers
/// `[phone]`.
///
/// Pure and heuristic, for English replies:
/// - a **name** is a capitalized word (an upper-case letter followed by lower-case ones, as in
///   "Maddie" or "McAllister") that does not start a sentence, with the capitalized words right
///   after it ("Anna Maria"); "I", months, days, holidays and family words ("Mom") are kept. A word
///   that starts a sentence is replaced too when the same word is a name elsewhere in the text.
/// - a **place** is a capitalized word (or run of them) right after "in", "at", "from", "near", or
///   "to" after a verb of moving ("moved to Leeds"; "talked to Sam" is a name).
/// - an **email address** is `local@domain.tld`; a **phone number** is a run of 7 to 15 digits
///   with the usual separators (`+44 20 7946 0958`, `(555) 123-4567`).
///
/// Lower-case names ("i saw maddie") and names at the start of a sentence that appear nowhere else
/// are not recognised. A possessive keeps its ending: "Maddie's" becomes "[name]'s".
public struct Redactor: Sendable {
  /// What a placeholder stands for.
  public enum Kind: String, Sendable, CaseIterable {
    case name, place, email, phone

    /// The text put in place of the original: `[name]`, `[place]`, `[email]` or `[phone]`.
    public var placeholder: String { "[\(rawValue)]" }
  }

  /// One replaced span, in Unicode scalar offsets of the original text.
  public struct Replacement: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var kind: Kind
  }

  /// A redacted text, with what was replaced and a way to carry offsets over.
  public struct Redaction: Sendable {
    /// The text with the placeholders in place.
    public let text: String
    /// The replaced spans of the original text, in order.
    public let replacements: [Replacement]
    /// For each replacement, how far the text after it has moved (for a binary search).
    private let shifts: [Int]

    init(text: String, replacements: [Replacement]) {
      self.text = text
      self.replacements = replacements
      shifts = Self.shifts(replacements)
    }

    private static func shifts(_ replacements: [Replacement]) -> [Int] {
      var total = 0
      return replacements.map { r in
        total += r.kind.placeholder.unicodeScalars.count - (r.end - r.start)
        return total
      }
    }

    /// Whether nothing was replaced.
    public var isUnchanged: Bool { replacements.isEmpty }

    /// The offset in the redacted text of a span starting at `offset` in the original. A start
    /// inside a replaced span moves to the start of its placeholder.
    public func mapStart(_ offset: Int) -> Int { map(offset, towardsEnd: false) }

    /// The offset in the redacted text of a span ending at `offset` in the original. An end inside
    /// a replaced span moves to the end of its placeholder.
    public func mapEnd(_ offset: Int) -> Int { map(offset, towardsEnd: true) }

    private func map(_ offset: Int, towardsEnd: Bool) -> Int {
      // The last replacement starting before `offset`.
      var low = 0
      var high = replacements.count
      while low < high {
        let middle = (low + high) / 2
        if replacements[middle].start < offset { low = middle + 1 } else { high = middle }
      }
      guard low > 0 else { return offset }
      let r = replacements[low - 1]
      let shiftBefore = low > 1 ? shifts[low - 2] : 0
      if offset < r.end {
        return r.start + shiftBefore + (towardsEnd ? r.kind.placeholder.unicodeScalars.count : 0)
      }
      return offset + shifts[low - 1]
    }
  }

  public init() {}

  /// Redacts one text.
  public func redact(_ text: String) -> Redaction {
    let scalars = Array(text.unicodeScalars)
    var found: [Replacement] = []
    found += emails(in: scalars)
    found += phones(in: scalars, avoiding: found)
    found += namesAndPlaces(in: scalars, avoiding: found)
    found.sort { $0.start < $1.start }
    var out = String.UnicodeScalarView()
    var position = 0
    var kept: [Replacement] = []
    for r in found where r.start >= position && r.end > r.start {
      out.append(contentsOf: scalars[position..<r.start])
      out.append(contentsOf: r.kind.placeholder.unicodeScalars)
      position = r.end
      kept.append(r)
    }
    out.append(contentsOf: scalars[position...])
    return Redaction(text: String(out), replacements: kept)
  }

  /// Redacts a reply and carries its analysis over: every evidence span is moved to the redacted
  /// text (widened to cover a placeholder it overlaps) and its text taken from there.
  public func redact(_ reply: String, analysis: Analysis) -> (reply: String, analysis: Analysis) {
    let redaction = redact(reply)
    if redaction.isUnchanged { return (reply, analysis) }
    let scalars = Array(redaction.text.unicodeScalars)
    var result = analysis
    for i in result.signals.indices {
      for k in result.signals[i].evidence.indices {
        let e = result.signals[i].evidence[k]
        let start = min(max(0, redaction.mapStart(e.start)), scalars.count)
        let end = min(max(start, redaction.mapEnd(e.end)), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        result.signals[i].evidence[k] = Evidence(text: String(view), start: start, end: end)
      }
    }
    return (redaction.text, result)
  }

  // MARK: - Email addresses

  private func emails(in s: [Unicode.Scalar]) -> [Replacement] {
    var out: [Replacement] = []
    var i = 0
    while i < s.count {
      guard s[i] == "@" else {
        i += 1
        continue
      }
      var start = i
      while start > 0, Self.isLocalPart(s[start - 1]) { start -= 1 }
      var end = i + 1
      while end < s.count, Self.isDomainPart(s[end]) { end += 1 }
      while end > i + 1, s[end - 1] == "." || s[end - 1] == "-" { end -= 1 }
      let domain = s[(i + 1)..<end]
      if start < i, domain.contains("."), domain.first != ".", (start == 0 || !Self.isWordScalar(s[start - 1])) {
        out.append(Replacement(start: start, end: end, kind: .email))
        i = end
      } else {
        i += 1
      }
    }
    return out
  }

  private static func isLocalPart(_ c: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(c) || c == "." || c == "_" || c == "%" || c == "+" || c == "-"
  }

  private static func isDomainPart(_ c: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(c) || c == "." || c == "-"
  }

  private static func isASCIIAlphanumeric(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
  }

  // MARK: - Phone numbers

  /// Marks the scalars inside `replacements`.
  private static func covered(_ count: Int, by replacements: [Replacement]) -> [Bool] {
    var covered = [Bool](repeating: false, count: count)
    for r in replacements { for i in r.start..<r.end { covered[i] = true } }
    return covered
  }

  private func phones(in s: [Unicode.Scalar], avoiding taken: [Replacement]) -> [Replacement] {
    let covered = Self.covered(s.count, by: taken)
    var out: [Replacement] = []
    var i = 0
    while i < s.count {
      let c = s[i]
      let startsNumber = Self.isDigit(c) || ((c == "+" || c == "(") && i + 1 < s.count && Self.isDigit(s[i + 1]))
      guard startsNumber, i == 0 || !Self.isWordScalar(s[i - 1]) else {
        i += 1
        continue
      }
      var end = Self.isDigit(c) ? i : i + 1
      var digits = 0
      var lastDigitEnd = i
      while end < s.count {
        let d = s[end]
        if Self.isDigit(d) {
          digits += 1
          end += 1
          lastDigitEnd = end
        } else if (d == " " || d == "-" || d == "." || d == "(" || d == ")" || d == "\u{A0}") && end + 1 < s.count
          && (Self.isDigit(s[end + 1]) || s[end + 1] == "(" || (d == ")" && s[end + 1] == " "))
        {
          end += 1
        } else {
          break
        }
      }
      let followedByWord = lastDigitEnd < s.count && Self.isWordScalar(s[lastDigitEnd])
      if (7...15).contains(digits), !followedByWord,
        !covered[i..<lastDigitEnd].contains(true)
      {
        out.append(Replacement(start: i, end: lastDigitEnd, kind: .phone))
      }
      i = max(lastDigitEnd, i + 1)
    }
    return out
  }

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  // MARK: - Names and places

  private struct Word {
    var start: Int
    var end: Int
    var text: String
    var capitalized: Bool
    var sentenceStart: Bool
    /// Only one space (or none) between the previous word and this one.
    var adjacent: Bool
  }

  private func namesAndPlaces(in s: [Unicode.Scalar], avoiding taken: [Replacement]) -> [Replacement] {
    let covered = Self.covered(s.count, by: taken)
    let words = Self.words(in: s).filter { w in !covered[w.start..<w.end].contains(true) }
    var out: [Replacement] = []
    var names: [String: Kind] = [:]
    var index = 0
    while index < words.count {
      let word = words[index]
      guard word.capitalized, !word.sentenceStart, !Self.kept(word.text) else {
        index += 1
        continue
      }
      // The run of capitalized words starting here ("Anna Maria", "New York").
      var last = index
      while last + 1 < words.count, words[last + 1].adjacent, words[last + 1].capitalized,
        !words[last + 1].sentenceStart, !Self.kept(words[last + 1].text),
        !Self.possessive(words[last].text)
      {
        last += 1
      }
      let kind = Self.isPlace(after: index, in: words) ? Kind.place : Kind.name
      var end = words[last].end
      if Self.possessive(words[last].text) { end -= 2 }
      out.append(Replacement(start: word.start, end: end, kind: kind))
      for k in index...last { names[Self.stem(words[k].text)] = kind }
      index = last + 1
    }
    // A word starting a sentence that is a name or place elsewhere in the text.
    for word in words where word.capitalized && word.sentenceStart {
      guard let kind = names[Self.stem(word.text)] else { continue }
      let end = Self.possessive(word.text) ? word.end - 2 : word.end
      out.append(Replacement(start: word.start, end: end, kind: kind))
    }
    return out
  }

  /// The words of the text: letters, with apostrophes and hyphens inside.
  private static func words(in s: [Unicode.Scalar]) -> [Word] {
    var words: [Word] = []
    var i = 0
    var sentenceStart = true
    var gap = 0
    while i < s.count {
      let c = s[i]
      if isLetter(c) {
        var end = i + 1
        while end < s.count {
          if isLetter(s[end]) || isDigit(s[end]) {
            end += 1
          } else if (s[end] == "'" || s[end] == "\u{2019}" || s[end] == "-") && end + 1 < s.count && isLetter(s[end + 1]) {
            end += 1
          } else {
            break
          }
        }
        let text = String(String.UnicodeScalarView(s[i..<end]))
        let letters = text.unicodeScalars.filter(isLetter)
        let capitalized =
          letters.first.map { $0.properties.isUppercase } == true
          && letters.dropFirst().contains { $0.properties.isLowercase }
        words.append(
          Word(start: i, end: end, text: text, capitalized: capitalized, sentenceStart: sentenceStart, adjacent: gap <= 1))
        sentenceStart = false
        gap = 0
        i = end
        continue
      }
      if c == "." || c == "!" || c == "?" || c == "\u{2026}" || c == "\n" || c == "\r" {
        sentenceStart = true
      } else if isDigit(c) {
        sentenceStart = false
      }
      gap += (c == " " ? 1 : 2)
      i += 1
    }
    return words
  }

  private static func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic }

  private static func isWordScalar(_ c: Unicode.Scalar) -> Bool { isLetter(c) || isDigit(c) }

  private static func possessive(_ word: String) -> Bool {
    word.count > 2 && (word.hasSuffix("'s") || word.hasSuffix("\u{2019}s"))
  }

  /// The word without a possessive ending, for comparing mentions.
  private static func stem(_ word: String) -> String {
    possessive(word) ? String(word.dropLast(2)) : word
  }

  /// Whether the run starting at `index` follows a word that introduces a place.
  private static func isPlace(after index: Int, in words: [Word]) -> Bool {
    guard index > 0, words[index].adjacent else { return false }
    let before = words[index - 1].text.lowercased()
    if placePrepositions.contains(before) { return true }
    if before == "to", index > 1, words[index - 1].adjacent {
      return movingVerbs.contains(words[index - 2].text.lowercased())
    }
    return false
  }

  /// Capitalized words that are not names: "I" and its contractions, calendar words, family words.
  private static func kept(_ word: String) -> Bool {
    let stem = stem(word)
    if stem == "I" || stem.hasPrefix("I'") || stem.hasPrefix("I\u{2019}") { return true }
    return keptWords.contains(stem.lowercased())
  }

  private static let placePrepositions: Set<String> = ["in", "at", "from", "near"]

  private static let movingVerbs: Set<String> = [
    "go", "goes", "going", "gone", "went", "move", "moves", "moved", "moving", "drive", "drove", "driven", "fly",
    "flew", "flown", "come", "came", "coming", "travel", "travelled", "traveled", "back", "trip", "way", "ran",
    "run", "headed", "relocated", "transferred", "visit", "returned", "return", "got",
  ]

  private static let keptWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "christmas", "easter", "thanksgiving", "halloween", "valentine", "valentines",
    "ramadan", "hanukkah", "diwali", "eid",
    "mom", "mum", "mommy", "mummy", "mama", "dad", "daddy", "papa", "grandma", "grandpa", "granny", "nana",
    "god", "ok", "okay", "english", "internet", "tv",
  ]
}
