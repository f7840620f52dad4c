import Glibc

/// Makes the reader that suits the standard streams: readline when both stdin and stdout are
/// terminals, plain lines otherwise (pipes, files, redirected output).
///
/// - Parameters:
///   - completions: The slash commands Tab completes, such as `["/help", "/quit"]`.
///   - historyFile: Where readline keeps history between sessions (see
///     `ReadlineReader.defaultHistoryPath()`), or `nil` for history in this session only.
///   - interruptHint: A line shown after the first Ctrl-C on an empty line (readline only).
/// - Returns: A `ReadlineReader` or a `PlainLineReader` reading standard input.
public func makeLineReader(completions: [String], historyFile: String?, interruptHint: String? = nil) -> any LineReading {
  if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
    let reader = ReadlineReader(completions: completions, historyFile: historyFile)
    reader.interruptHint = interruptHint
    return reader
  }
  return PlainLineReader()
}
