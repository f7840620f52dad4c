import ArgumentParser

/// An error shown to the user as one line on standard error, with a sysexits exit code.
struct UserFacingError: Error, CustomStringConvertible {
  var message: String
  var code: ExitCode

  init(_ message: String, code: ExitCode) {
    self.message = message
    self.code = code
  }

  var description: String { message }

  /// Prints the message as `rekindle: error: ...` and returns the exit code to throw.
  func report() -> ExitCode {
    StandardError.write("rekindle: \(message)\n")
    return code
  }
}
