/// How serious a lint finding is. Either kind makes `rekindle lint` exit with status 1.
public enum Severity: String, Sendable, Equatable, Hashable, Comparable {
  /// The script does not load, or cannot run as intended.
  case error
  /// The script loads, but something in it is probably a mistake.
  case warning

  public static func < (lhs: Severity, rhs: Severity) -> Bool {
    lhs == .error && rhs == .warning
  }
}
