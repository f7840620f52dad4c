import Glibc

/// Why the history file could not be prepared, read or written.
public struct HistoryFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file or directory concerned.
  public let path: String
  /// What was being done, such as "create directory" or "append to".
  public let operation: String
  /// The `errno` value.
  public let code: Int32
  /// Why, when `strerror(code)` would not say it plainly.
  public let reason: String?

  /// Creates an error for `operation` on `path` that failed with `code` (and `reason`, if given).
  public init(path: String, operation: String, code: Int32, reason: String? = nil) {
    self.path = path
    self.operation = operation
    self.code = code
    self.reason = reason
  }

  /// A message such as "cannot create directory /x/rekindle: Permission denied".
  public var description: String {
    "cannot \(operation) \(path): \(reason ?? String(cString: strerror(code)))"
  }
}
