import JSONText
import Signals

/// Reads labeled replies from JSON Lines files: `{"id", "question", "reply", "signals": [...]}` per
/// line (`writer` optional, other keys ignored), with `FILE:LINE:COL` errors.
enum LabeledReplyReader {
  /// Calls `body` with each labeled reply of `path`, in order; blank lines are skipped.
  static func forEach(in path: String, _ body: (LabeledReply) throws -> Void) throws {
    try JSONLinesFile.forEachObject(in: path) { object, location in
      guard let reply = try object.string("reply") else {
        throw UserFacingError("\(location):1: error: missing \"reply\"", code: .dataError)
      }
      guard let labels = try object.stringArray("signals") else {
        throw UserFacingError("\(location):1: error: missing \"signals\" (an array of signal ids)", code: .dataError)
      }
      var expected = Set<SignalID>()
      for label in labels {
        guard let id = SignalID(rawValue: label) else {
          let hint = Suggestion.closest(to: label, in: SignalID.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
          throw UserFacingError("\(location):1: error: unknown signal '\(label)'\(hint)", code: .dataError)
        }
        expected.insert(id)
      }
      try body(
        LabeledReply(
          id: try object.string("id") ?? location, question: try object.string("question"), reply: reply,
          signals: expected, writer: try object.string("writer") ?? ""))
    }
  }

  /// Every labeled reply of the files, in order.
  static func readAll(_ paths: [String]) throws -> [LabeledReply] {
    var all: [LabeledReply] = []
    for path in paths { try forEach(in: path) { all.append($0) } }
    return all
  }
}
