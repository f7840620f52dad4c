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

  /// The message without its leading "error: ", for a sentence such as "Could not save: ...".
  var reason: String { message.hasPrefix("error: ") ? String(message.dropFirst("error: ".count)) : message }

  /// Prints the message as `rekindle: error: ...` and returns the exit code to throw. The message
  /// often quotes a file's text or name, so control characters are shown visibly, never sent raw.
  func report() -> ExitCode {
    StandardError.write("rekindle: \(VisibleText.sanitize(message))\n")
    return code
  }
}
