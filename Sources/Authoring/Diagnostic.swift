import JSONText
import Signals

/// One lint finding: where it is, what is wrong, and a short hint on how to fix it.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// Error or warning.
  public var severity: Severity
  /// The place in the script (`file:line:column`, 1-based).
  public var location: SourceLocation
  /// What is wrong, in one sentence.
  public var message: String
  /// How to fix it, briefly.
  public var hint: String
  /// The rule that found it.
  public var rule: LintRule

  /// A finding of `rule` (with the rule's usual severity unless `severity` is given).
  public init(
    _ rule: LintRule, _ message: String, hint: String, at location: SourceLocation, severity: Severity? = nil
  ) {
    self.rule = rule
    self.message = message
    self.hint = hint
    self.location = location
    self.severity = severity ?? rule.severity
  }

  /// `file:line:column: severity: message [rule] (hint)`, on one line.
  public var description: String {
    var line = "\(location): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    if !hint.isEmpty { line += " (hint: \(hint))" }
    return line
  }

  /// The finding as a JSON object: file, line, column, severity, rule, message, hint.
  public var json: JSONValue {
    .object([
      ("file", .string(location.file)), ("line", .int(location.line)), ("column", .int(location.column)),
      ("severity", .string(severity.rawValue)), ("rule", .string(rule.rawValue)), ("message", .string(message)),
      ("hint", .string(hint)),
    ])
  }

  /// Orders findings by file position, errors first at the same place.
  static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    if a.location.line != b.location.line { return a.location.line < b.location.line }
    if a.location.column != b.location.column { return a.location.column < b.location.column }
    if a.severity != b.severity { return a.severity < b.severity }
    return a.rule.rawValue < b.rule.rawValue
  }
}
