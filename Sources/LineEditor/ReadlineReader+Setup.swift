@preconcurrency import CReadline
import Glibc

extension ReadlineReader {
  /// Sets readline's process-wide options for this reader, which becomes their owner.
  func configureReadline(completions: [String]) {
    ReadlineBridge.owner.withLock { $0 = ObjectIdentifier(self) }
    rl_readline_name = UnsafeRawPointer(Self.readlineName.utf8Start).assumingMemoryBound(
      to: CChar.self)
    rl_catch_signals = 0
    rl_catch_sigwinch = 0
    rl_change_environment = 0
    ReadlineBridge.commands.withLock { $0 = completions }
    rl_attempted_completion_function = attemptSlashCompletion
    rl_completion_entry_function = completeNothing
    rl_initialize()
    if __ctype_get_mb_cur_max() == 1 {
      // A C or POSIX locale: pass UTF-8 bytes through instead of reading them as Meta keys.
      rl_variable_bind("input-meta", "on")
      rl_variable_bind("output-meta", "on")
      rl_variable_bind("convert-meta", "off")
    }
  }

  /// Opens a reading and a writing stream on duplicates of `descriptor`.
  static func openStreams(
    on descriptor: Int32
  ) -> (UnsafeMutablePointer<FILE>, UnsafeMutablePointer<FILE>)? {
    let inputCopy = dup(descriptor)
    guard inputCopy >= 0, let input = fdopen(inputCopy, "r") else {
      if inputCopy >= 0 { Glibc.close(inputCopy) }
      return nil
    }
    let outputCopy = dup(descriptor)
    guard outputCopy >= 0, let output = fdopen(outputCopy, "w") else {
      if outputCopy >= 0 { Glibc.close(outputCopy) }
      fclose(input)
      return nil
    }
    return (input, output)
  }
}
