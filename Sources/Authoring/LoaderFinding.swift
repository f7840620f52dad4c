import Dialogue
import DialogueFormat
import Signals

/// Turns the loader's single ``ScriptError`` into a ``Diagnostic`` with a rule id and a hint.
enum LoaderFinding {
  /// Messages of errors found before the YAML tree exists (the text itself is the problem).
  private static let textProblems = [
    "YAML syntax error", "the text cannot be read as YAML", "could not read the YAML", "the script is larger",
    "the script is nested", "the script has more than",
  ]

  /// Whether the error means the text could not be parsed into a YAML tree.
  static func isSyntax(_ error: ScriptError) -> Bool {
    textProblems.contains { error.message.hasPrefix($0) }
  }

  /// The error as a finding; a "did you mean" in the message becomes the hint.
  static func diagnostic(_ error: ScriptError) -> Diagnostic {
    var message = error.message
    var hint = ""
    if let range = message.range(of: "; did you mean ") {
      hint = String(message[range.upperBound...])
      hint = "did you mean " + hint
      message = String(message[..<range.lowerBound])
    }
    let rule = self.rule(for: message, error: error)
    if ["the script is larger", "the script is nested", "the script has more than"].contains(where: message.hasPrefix) {
      hint = "the limits (2 MiB, 64 levels, 100,000 nodes) keep loading quick; split the conversation into smaller scripts"
    }
    if hint.isEmpty { hint = defaultHint(rule) }
    return Diagnostic(rule, message, hint: hint, at: error.location, severity: .error)
  }

  private static func rule(for message: String, error: ScriptError) -> LintRule {
    if isSyntax(error) { return .syntax }
    if message.hasPrefix("unknown key") || message.contains("` belongs in ") { return .unknownKey }
    if message.hasPrefix("duplicate key") { return .duplicateKey }
    if message.hasPrefix("unknown signal id") { return .unknownSignal }
    if message.hasPrefix("no state named") { return .unknownState }
    if message.contains("can never be taken") { return .unreachableTransition }
    if message.hasPrefix("missing ") || message.contains(" needs ") || message.contains(" is empty") {
      return .missingKey
    }
    if message.contains(" should be ") || message.contains("cannot be negative")
      || message.hasPrefix("unsupported format")
      || message.contains("not a valid regular expression")
    {
      return .wrongType
    }
    return .structure
  }

  private static func defaultHint(_ rule: LintRule) -> String {
    switch rule {
    case .syntax: return "check the indentation, quotes and brackets around this place"
    case .missingKey: return "add the missing part (see Scripts/README.md)"
    case .wrongType: return "see Scripts/README.md or `rekindle schema` for the expected value"
    case .unreachableTransition: return "move the transition without `when` to the end of the list"
    default: return "see Scripts/README.md for the script format"
    }
  }
}
