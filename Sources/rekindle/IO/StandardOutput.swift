/// Writes a command's whole output to standard output without stdio's buffer, so that a write
/// error is not lost: a full disk or a failing device is a one-line error with exit status 74,
/// and a reader that has gone away (`rekindle lint | head -1`) ends the process quietly.
enum StandardOutput {
  static func write(_ text: String) throws(UserFacingError) {
    var out = OutputBuffer(descriptor: 1, capacity: 0)
    out.append(text)
    try out.flush()
  }
}
