/// A place in a text file: file name, 1-based line and column.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`, the form editors and compilers use.
  public var description: String { "\(file):\(line):\(column)" }
}

/// An error in a file Rekindle reads (a lexicon, a dialogue script, a transcript), with the place
/// in the file it points to: the one source-located error type.
public struct SourceError: Error, Sendable, Equatable, CustomStringConvertible {
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

/// An error in a lexicon file.
public typealias LexiconError = SourceError
