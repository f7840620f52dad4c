import Signals

/// An error in a dialogue script, with the place in the file it points to.
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the problem is (`file:line:column`, 1-based).
  public var location: SourceLocation
  /// What is wrong, in one sentence.
  public var message: String

  /// An error `message` at `location`.
  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }

  /// `file:line:column: error: message`, the form editors and compilers use.
  public var description: String { "\(location): error: \(message)" }
}
