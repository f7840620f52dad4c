import Glibc
import Synchronization

/// The write end of the active relay's pipe, read by the signal handler; -1 when none is active.
private let activeRelayWriteEnd = Atomic<Int32>(-1)

/// Writes the signal number as one byte into the active relay's pipe (async-signal-safe).
private func relaySignal(_ signal: Int32) {
  let descriptor = activeRelayWriteEnd.load(ordering: .acquiring)
  guard descriptor >= 0 else { return }
  let savedErrno = errno
  var byte = UInt8(truncatingIfNeeded: signal)
  _ = write(descriptor, &byte, 1)
  errno = savedErrno
}

/// Turns signals into bytes on a pipe, so that a `poll` loop can wait for input and signals at
/// once and handle them outside the signal handler (the self-pipe trick).
///
/// Handlers are installed only between `activate(_:)` and `deactivate()`; the previous
/// dispositions are restored afterwards. One relay may be active at a time.
final class InterruptRelay {
  /// The end to poll for readability; -1 if no pipe could be made (signals are then not caught).
  let readEnd: Int32
  private let writeEnd: Int32
  private var savedActions: [(signal: Int32, action: sigaction)] = []
  private var isClosed = false

  /// Creates the pipe, close-on-exec and non-blocking at both ends (the handler must never block).
  init() {
    var ends: [Int32] = [-1, -1]
    if pipe(&ends) == 0 {
      for end in ends {
        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
      }
      readEnd = ends[0]
      writeEnd = ends[1]
    } else {
      readEnd = -1
      writeEnd = -1
    }
  }

  /// Whether handlers are currently installed.
  var isActive: Bool { !savedActions.isEmpty }

  /// Installs the relaying handler for `signals`, remembering the previous dispositions.
  func activate(_ signals: [Int32]) {
    guard writeEnd >= 0, !isClosed, !isActive else { return }
    _ = drain()
    activeRelayWriteEnd.store(writeEnd, ordering: .releasing)
    for signal in signals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = relaySignal
      sigemptyset(&action.sa_mask)
      action.sa_flags = SA_RESTART
      var previous = sigaction()
      guard sigaction(signal, &action, &previous) == 0 else { continue }
      if Self.isIgnored(previous) {
        // Like readline: a signal the program ignores (say, SIGINT in a background job) stays ignored.
        _ = sigaction(signal, &previous, nil)
      } else {
        savedActions.append((signal, previous))
      }
    }
  }

  /// Restores the previous dispositions and returns the signals that arrived but were not yet
  /// drained, oldest first.
  func deactivate() -> [Int32] {
    for saved in savedActions.reversed() {
      var previous = saved.action
      _ = sigaction(saved.signal, &previous, nil)
    }
    savedActions.removeAll()
    activeRelayWriteEnd.store(-1, ordering: .releasing)
    return drain()
  }

  /// Whether `action` is `SIG_IGN`.
  private static func isIgnored(_ action: sigaction) -> Bool {
    unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
      == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// Reads the pending signal numbers, oldest first.
  func drain() -> [Int32] {
    guard readEnd >= 0, !isClosed else { return [] }
    var signals: [Int32] = []
    var buffer = [UInt8](repeating: 0, count: 64)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
      if count > 0 {
        signals.append(contentsOf: buffer[0..<count].map { Int32($0) })
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        return signals
      }
    }
  }

  /// Restores the dispositions and closes the pipe.
  func close() {
    guard !isClosed else { return }
    _ = deactivate()
    isClosed = true
    if readEnd >= 0 {
      Glibc.close(readEnd)
      Glibc.close(writeEnd)
    }
  }
}
