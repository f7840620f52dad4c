@preconcurrency import CReadline
import Glibc

/// Reads lines with GNU readline, for a person at a terminal: editing, history (Up, Down,
/// Ctrl-R), Tab completion of slash commands, and shell-like Ctrl-C.
///
/// - Ctrl-C clears the line and shows a fresh prompt; Ctrl-C again while the line is still
///   empty returns `.interrupted` (`lastInterruptSignal` is `SIGINT`).
/// - SIGTERM, SIGHUP and SIGQUIT return `.interrupted` with that signal.
/// - Ctrl-D on an empty line returns `.endOfInput`.
/// - Ctrl-Z suspends with the terminal restored, and redraws the line on `fg`.
///
/// The terminal is restored whenever `readLine(prompt:)` returns, and these signals are caught
/// only while it runs. readline is process-wide state: use one reader at a time, from one thread.
public final class ReadlineReader: LineReading {
  /// The most history entries kept in memory and in the history file.
  public static let historyLimit: Int32 = 1000

  /// The signals caught while a line is read.
  static let relayedSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGWINCH]

  /// The name `$if rekindle` in ~/.inputrc tests; a literal, so it lives for the whole process.
  static let readlineName: StaticString = "rekindle"

  /// Always `true`.
  public var isInteractive: Bool { true }

  /// The signal behind the most recent `.interrupted` result (`SIGINT`, `SIGTERM`, `SIGHUP` or
  /// `SIGQUIT`), or 0 before any. Exit with 128 plus it (130, 143, ...).
  public private(set) var lastInterruptSignal: Int32 = 0

  /// The file that keeps history between sessions, if any.
  public let historyFile: String?

  /// A line shown after the first Ctrl-C on an empty line, saying how to leave (nil: none).
  public var interruptHint: String?

  /// The most recent failure to read or write the history file, for a one-time warning;
  /// history then still works within the session.
  public internal(set) var historyFileError: HistoryFileError?

  let relay = InterruptRelay()
  private let inputDescriptor: Int32
  private var ownedStreams: [UnsafeMutablePointer<FILE>] = []
  private var isClosed = false

  /// Creates the reader of standard input and output.
  ///
  /// - Parameters:
  ///   - completions: The slash commands Tab completes at the start of a line, such as
  ///     `["/help", "/why", "/quit"]`; each is inserted as given (append a space to one that
  ///     takes an argument, e.g. "/save ", to have it typed too).
  ///   - historyFile: The history file, or `nil` for history in this session only. Its
  ///     directories are created (mode 0700) and it is read now; each `addHistory(_:)` appends
  ///     to it (mode 0600) and keeps its last `historyLimit` lines. See `defaultHistoryPath()`.
  public convenience init(completions: [String], historyFile: String?) {
    self.init(completions: completions, historyFile: historyFile, terminal: nil)
  }

  /// Creates a reader of `terminal` (input and output) instead of the standard streams.
  ///
  /// - Parameter terminal: A terminal descriptor such as a pseudo-terminal's, which the
  ///   reader duplicates; `nil` for standard input and output.
  init(completions: [String], historyFile: String?, terminal: Int32?) {
    self.historyFile = historyFile
    if let terminal, let (input, output) = Self.openStreams(on: terminal) {
      ownedStreams = [input, output]
      rl_instream = input
      rl_outstream = output
      inputDescriptor = fileno(input)
    } else {
      rl_instream = stdin
      rl_outstream = stdout
      inputDescriptor = STDIN_FILENO
    }
    configureReadline(completions: completions)
    loadHistory()
  }

  deinit {
    close()
  }

  // MARK: - Reading

  /// Shows `prompt` and lets the person edit a line.
  ///
  /// - Parameter prompt: The prompt; wrap escape sequences in it in `\u{1}`...`\u{2}`.
  /// - Returns: The line (leading and trailing blanks kept), `.endOfInput` after Ctrl-D on an
  ///   empty line or when the terminal goes away, or `.interrupted` (see the type's summary).
  ///   After the last two the cursor is at the start of a new line.
  public func readLine(prompt: String) -> LineInput {
    guard !isClosed else { return .endOfInput }
    _ = ReadlineBridge.takeCompletedLine()
    relay.activate(Self.relayedSignals)
    rl_reset_screen_size()
    rl_callback_handler_install(prompt, readlineLineHandler)
    let result = runEditingLoop(prompt: prompt)
    let late = relay.deactivate()
    if result != .interrupted {
      // Signals that came after the line was finished get the caller's dispositions. After
      // `.interrupted` they are dropped: the session is ending, as they asked.
      for signal in late where signal != SIGWINCH {
        raise(signal)
      }
    }
    return result
  }

  /// Feeds readline until it hands over a line or a signal ends the read.
  private func runEditingLoop(prompt: String) -> LineInput {
    var secondInterruptEnds = false
    while true {
      if let input = ReadlineBridge.takeCompletedLine() {
        if input == .endOfInput {
          finishEndOfInputLine()
        }
        return input
      }
      var watched = [
        pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: relay.readEnd, events: Int16(POLLIN), revents: 0),
      ]
      if poll(&watched, 2, -1) < 0 {
        if errno == EINTR { continue }
        abandonLine(echoing: nil)
        return .endOfInput
      }
      if watched[1].revents != 0 {
        for signal in relay.drain() {
          switch signal {
          case SIGINT:
            if secondInterruptEnds && lineIsEmpty {
              abandonLine(echoing: SIGINT)
              lastInterruptSignal = SIGINT
              return .interrupted
            }
            restartLine(prompt: prompt, hint: lineIsEmpty ? interruptHint : nil)
            secondInterruptEnds = true
          case SIGTSTP:
            suspend()
          case SIGWINCH:
            rl_resize_terminal()
          default:
            abandonLine(echoing: signal == SIGQUIT ? SIGQUIT : nil)
            lastInterruptSignal = signal
            return .interrupted
          }
        }
        continue
      }
      let events = Int32(watched[0].revents)
      if events & Int32(POLLNVAL) != 0 {
        abandonLine(echoing: nil)
        return .endOfInput
      }
      if events != 0 {
        secondInterruptEnds = false
        rl_callback_read_char()
        let hungUp = events & Int32(POLLIN) == 0 && events & Int32(POLLHUP | POLLERR) != 0
        if hungUp && !ReadlineBridge.completedLine.withLock({ $0 != nil }) {
          abandonLine(echoing: nil)
          return .endOfInput
        }
      }
    }
  }

  /// Whether the line being edited is empty (and no search is in progress).
  private var lineIsEmpty: Bool {
    let searching = rl_readline_state & UInt(RL_STATE_ISEARCH | RL_STATE_NSEARCH) != 0
    return rl_end == 0 && !searching
  }

  /// Stops using readline: restores the terminal and the signal handlers, and unless a newer
  /// reader has taken over, readline's completion hooks and streams. Idempotent; later reads
  /// return `.endOfInput`.
  public func close() {
    guard !isClosed else { return }
    isClosed = true
    relay.close()
    let owned = ReadlineBridge.owner.withLock { owner in
      defer { if owner == ObjectIdentifier(self) { owner = nil } }
      return owner == ObjectIdentifier(self)
    }
    if owned {
      if rl_readline_state & UInt(RL_STATE_CALLBACK) != 0 {
        rl_callback_handler_remove()
      }
      rl_attempted_completion_function = nil
      rl_completion_entry_function = nil
      ReadlineBridge.commands.withLock { $0 = [] }
      if !ownedStreams.isEmpty {
        rl_instream = nil
        rl_outstream = nil
      }
    }
    for stream in ownedStreams {
      fclose(stream)
    }
    ownedStreams = []
  }
}
