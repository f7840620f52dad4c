import JSONText
import Practice
import Signals

/// Reads her-side labeled lines from JSON Lines files: `{"id", "writer", "before", "line", "signs":
/// [...], "question": id or null}` per line (other keys ignored), with `FILE:LINE:COL` errors.
enum HerCorpusReader {
  /// Every labeled line of the files, in order; `questions` are the ids a `question` may name.
  static func readAll(_ paths: [String], questions: [String]) throws -> [LabeledHerLine] {
    var all: [LabeledHerLine] = []
    for path in paths {
      try JSONLinesFile.forEachObject(in: path) { object, location in
        guard let line = try object.string("line") else {
          throw UserFacingError("\(location):1: error: missing \"line\" (what she says)", code: .dataError)
        }
        guard let labels = try object.stringArray("signs") else {
          throw UserFacingError("\(location):1: error: missing \"signs\" (an array of her-side sign ids)", code: .dataError)
        }
        var signs = Set<HerSign>()
        for label in labels {
          guard let sign = HerSign(rawValue: label) else {
            let hint = Suggestion.closest(to: label, in: HerSign.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            throw UserFacingError("\(location):1: error: unknown sign '\(label)'\(hint)", code: .dataError)
          }
          signs.insert(sign)
        }
        let question = try object.string("question")
        if let question, !questions.contains(question) {
          let hint = Suggestion.closest(to: question, in: questions).map { " (did you mean '\($0)'?)" } ?? ""
          throw UserFacingError("\(location):1: error: unknown question '\(question)'\(hint)", code: .dataError)
        }
        all.append(
          LabeledHerLine(
            id: try object.string("id") ?? location, writer: try object.string("writer") ?? "",
            before: try object.string("before") ?? "", line: line, signs: signs, question: question,
            safety: try object.bool("safety") ?? false))
      }
    }
    return all
  }
}
