@preconcurrency import CReadline
import Glibc

extension ReadlineReader {
  /// Ctrl-C: ends any search, drops the line, shows `^C` and a fresh prompt on the next line.
  func restartLine(prompt: String, hint: String? = nil) {
    abandonLine(echoing: SIGINT)
    if let hint {
      fputs(hint + "\n", rl_outstream)
      fflush(rl_outstream)
    }
    // Installing again resets the line, the undo list and the history position, and prompts.
    rl_callback_handler_install(prompt, readlineLineHandler)
  }

  /// Leaves the line: cancels searches and pending keys, moves below the input, echoes the
  /// signal's character (`^C`) if any, restores the terminal and starts a new output line.
  func abandonLine(echoing signal: Int32?) {
    rl_callback_sigcleanup()
    rl_free_line_state()
    rl_clear_pending_input()
    rl_point = rl_end
    rl_redisplay()
    if let signal {
      rl_echo_signal_char(signal)
    }
    rl_callback_handler_remove()
    rl_crlf()
    fflush(rl_outstream)
  }

  /// After Ctrl-D readline 8.2 ends the line itself only if it enabled bracketed paste.
  func finishEndOfInputLine() {
    let bracketedPaste = rl_variable_value("enable-bracketed-paste").map { String(cString: $0) }
    if bracketedPaste != "on" {
      rl_crlf()
      fflush(rl_outstream)
    }
  }

  /// Ctrl-Z: restores the terminal, stops, and on `fg` prepares it again and redraws the line.
  func suspend() {
    rl_echo_signal_char(SIGTSTP)
    rl_cleanup_after_signal()
    var defaultAction = sigaction()
    defaultAction.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&defaultAction.sa_mask)
    var relayed = sigaction()
    _ = sigaction(SIGTSTP, &defaultAction, &relayed)
    raise(SIGTSTP)
    _ = sigaction(SIGTSTP, &relayed, nil)
    rl_reset_after_signal()
    rl_reset_screen_size()
    rl_on_new_line()
    rl_redisplay()
  }
}
