@preconcurrency import CReadline
import Glibc
import Synchronization

/// State that readline's C callbacks reach: a C function pointer cannot capture context.
enum ReadlineBridge {
  /// The reader whose options readline currently has; only it may reset them when closed.
  static let owner = Mutex<ObjectIdentifier?>(nil)

  /// The slash commands Tab completes.
  static let commands = Mutex<[String]>([])

  /// What the line handler received, until the read loop takes it.
  static let completedLine = Mutex<LineInput?>(nil)

  /// Returns and clears what the line handler received, if anything.
  static func takeCompletedLine() -> LineInput? {
    completedLine.withLock { value in
      defer { value = nil }
      return value
    }
  }
}

/// Receives a finished line (or NULL at end of input) from `rl_callback_read_char`.
///
/// Removing the handler here stops readline from redisplaying the prompt; the line is freed.
func readlineLineHandler(_ line: UnsafeMutablePointer<CChar>?) {
  rl_callback_handler_remove()
  let input: LineInput
  if let line {
    input = .line(LineBytes.text(cString: line))
    free(line)
  } else {
    input = .endOfInput
  }
  ReadlineBridge.completedLine.withLock { $0 = input }
}

/// readline's attempted-completion hook: completes slash commands at the start of the line and
/// nothing else (no file names), without appending a space.
func attemptSlashCompletion(
  _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
  rl_attempted_completion_over = 1
  rl_completion_suppress_append = 1
  guard let text, let buffer = rl_line_buffer, start >= 0, start <= rl_end else { return nil }
  let before = LineBytes.text(UnsafeRawBufferPointer(start: buffer, count: Int(start)))
  guard SlashCompletion.applies(to: LineBytes.text(cString: text), after: before) else {
    return nil
  }
  return rl_completion_matches(text, generateSlashCompletion)
}

/// The generator for `rl_completion_matches`: returns the `state`-th match, `strdup`ed, or NULL.
func generateSlashCompletion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<
  CChar
>? {
  guard let text, state >= 0 else { return nil }
  let word = LineBytes.text(cString: text)
  let matches = ReadlineBridge.commands.withLock { SlashCompletion.matches(for: word, in: $0) }
  guard Int(state) < matches.count else { return nil }
  return strdup(matches[Int(state)])
}

/// readline's fallback completer: offers nothing, so file names are never completed.
func completeNothing(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>?
{
  nil
}
