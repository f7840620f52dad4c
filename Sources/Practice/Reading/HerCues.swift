import Signals

/// The her-side cues (Scripts/data/her-cues.txt): words and short phrases that name a sign of how she
/// says a line ("answer me", "how convenient", "take your time"), matched as whole words. The her-side
/// model reads them as features, and a cue found is shown as the evidence of its sign when the model
/// reads that sign (a cue alone does not name one). Pure.
public struct HerCues: Sendable {
  /// One cue: its sign and its words (lower case, apostrophes dropped; a last `*` matches any ending).
  struct Cue: Sendable {
    var sign: HerSign
    var words: [String]
  }

  let cues: [Cue]
  /// Cue indexes by their first word (without a `*`).
  private let byFirstWord: [String: [Int]]

  /// Words that cancel a cue right after them.
  private static let negators: Set<String> = ["not", "never", "no", "dont", "didnt", "isnt", "wasnt"]

  /// The built-in cues, parsed once.
  public static let builtIn: HerCues = {
    do {
      return try HerCues(text: BuiltInHerCues.text, source: "Scripts/data/her-cues.txt")
    } catch {
      preconditionFailure("the built-in her-side cues do not load: \(error)")
    }
  }()

  /// Parses cue text: `SIGN: phrase, phrase, ...` per line, `#` comments.
  /// - Throws: ``SourceError`` at the line of the first malformed entry.
  public init(text: String, source: String) throws(SourceError) {
    var cues: [Cue] = []
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingSpaces()
      if line.isEmpty || line.hasPrefix("#") { continue }
      let at = SourceLocation(file: source, line: n + 1, column: 1)
      guard let colon = line.firstIndex(of: ":") else { throw SourceError("expected `SIGN: phrase, phrase, ...`", at: at) }
      let name = line[..<colon].trimmingSpaces()
      guard let sign = HerSign(rawValue: name) else {
        let hint = Suggestion.closest(to: name, in: HerSign.allCases.map(\.rawValue)).map { "; did you mean `\($0)`?" } ?? ""
        throw SourceError("`\(name)` is not a sign of her side\(hint)", at: at)
      }
      for phrase in line[line.index(after: colon)...].split(separator: ",") {
        let words = Self.words(in: String(phrase)).map(\.word)
        if !words.isEmpty { cues.append(Cue(sign: sign, words: words)) }
      }
    }
    self.cues = cues
    var index: [String: [Int]] = [:]
    for (i, cue) in cues.enumerated() { index[cue.words[0].hasSuffix("*") ? "*" : cue.words[0], default: []].append(i) }
    byFirstWord = index
  }

  /// The cues found in `line`: each sign once, with the words that matched, in line order.
  public func find(in line: String) -> [(sign: HerSign, evidence: Evidence)] {
    let words = Self.words(in: line)
    var found: [(sign: HerSign, evidence: Evidence)] = []
    for i in words.indices {
      if i > 0 && !words[i].afterBreak && Self.negators.contains(words[i - 1].word) { continue }
      for c in (byFirstWord[words[i].word] ?? []) + (byFirstWord["*"] ?? []) {
        let cue = cues[c]
        guard i + cue.words.count <= words.count, !found.contains(where: { $0.sign == cue.sign }) else { continue }
        let matches = cue.words.indices.allSatisfy { k in
          let want = cue.words[k]
          let got = words[i + k].word
          return want.hasSuffix("*") ? got.hasPrefix(want.dropLast()) : got == want
        }
        guard matches else { continue }
        let start = words[i].start
        let end = words[i + cue.words.count - 1].end
        let scalars = Array(line.unicodeScalars[line.unicodeScalars.index(line.unicodeScalars.startIndex, offsetBy: start)...].prefix(end - start))
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        found.append((cue.sign, Evidence(text: String(text), start: start, end: end)))
      }
    }
    return found.sorted { $0.evidence.start < $1.evidence.start }
  }

  /// The words of `text`, lower case, apostrophes dropped, with their Unicode scalar offsets and
  /// whether a sentence or clause break (". ? ! , ; :") comes between them and the word before.
  static func words(in text: String) -> [(word: String, start: Int, end: Int, afterBreak: Bool)] {
    var out: [(word: String, start: Int, end: Int, afterBreak: Bool)] = []
    var word = ""
    var start = 0
    var offset = 0
    var pendingBreak = false
    var wordAfterBreak = false
    for scalar in text.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "*" || scalar == "-" {
        if word.isEmpty {
          start = offset
          wordAfterBreak = pendingBreak
          pendingBreak = false
        }
        word.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
      } else if scalar == "'" || scalar == "\u{2019}" {
        // "don't" is "dont"
      } else {
        if !word.isEmpty {
          out.append((word, start, offset, wordAfterBreak))
          word = ""
        }
        if ".?!,;:\n".unicodeScalars.contains(scalar) { pendingBreak = true }
      }
      offset += 1
    }
    if !word.isEmpty { out.append((word, start, offset, wordAfterBreak)) }
    return out
  }
}
