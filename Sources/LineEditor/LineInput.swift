/// What one request for a line produced.
public enum LineInput: Equatable, Sendable {
  /// A complete line, without its line terminator.
  case line(String)
  /// The input ended: Ctrl-D on an empty line, or the end of a file or pipe.
  case endOfInput
  /// The person asked to stop: Ctrl-C twice on an empty line, or a termination signal.
  ///
  /// The caller should end the session; `LineReading.lastInterruptSignal` says which signal,
  /// for an exit status of 128 plus its number (130 for Ctrl-C, 143 for SIGTERM).
  case interrupted
}
