/// JSON text that cannot be read, with the 1-based column (byte offset + 1) where reading stopped.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The 1-based byte column.
  public var column: Int
  /// What is wrong, in a few words.
  public var message: String

  /// An error at `column`.
  public init(column: Int, message: String) {
    self.column = column
    self.message = message
  }

  public var description: String { "column \(column): \(message)" }
}
