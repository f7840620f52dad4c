import Glibc

/// Something that asks for lines of input: readline on a terminal, plain lines otherwise.
public protocol LineReading: AnyObject {
  /// Whether lines come from a person at a terminal (with editing, history and completion).
  var isInteractive: Bool { get }

  /// The signal behind the most recent `.interrupted` result, such as `SIGINT` or `SIGTERM`.
  ///
  /// Readers that report a signal return 0 before any interruption; the default, for readers
  /// that never do, is `SIGINT`, the Ctrl-C convention.
  var lastInterruptSignal: Int32 { get }

  /// Shows `prompt` (when interactive) and waits for the next line.
  ///
  /// - Parameter prompt: The text shown before the cursor; plain readers ignore it.
  /// - Returns: The line, the end of the input, or an interruption that should end the session.
  func readLine(prompt: String) -> LineInput

  /// Records a line so that the person can recall it with Up or Ctrl-R.
  ///
  /// - Parameter line: The text to remember; plain readers ignore it.
  func addHistory(_ line: String)
}

extension LineReading {
  /// Returns `SIGINT`, for readers that never report a signal of their own.
  public var lastInterruptSignal: Int32 { SIGINT }
}
