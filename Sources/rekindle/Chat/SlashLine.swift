import Signals

/// A line typed at a prompt that starts with "/": the command's name (lower case) and its argument,
/// as chat and practice read them.
struct SlashLine {
  let name: String
  /// The rest of the line, trimmed; nil when there is none.
  let argument: String?

  init(_ line: String) {
    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
    name = parts.first?.lowercased() ?? ""
    let rest = parts.count > 1 ? parts[1].trimmingSpaces() : ""
    argument = rest.isEmpty ? nil : rest
  }

  /// The closest of the `names` offered for completion, for "Did you mean ...?".
  func suggestion(among names: [String]) -> String? {
    Suggestion.closest(to: name, in: names.map { $0.trimmingSpaces() })
  }
}
