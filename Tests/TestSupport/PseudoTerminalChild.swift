#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation

/// A child process whose standard streams and controlling terminal are a new pseudo-terminal: type
/// into it, signal it, read what it wrote (raw, escape-free, or played on a screen model), check the
/// terminal's modes after it exits. The one pseudo-terminal harness of the end-to-end tests.

/// How a child ended.
public enum PTYExit: Equatable, CustomStringConvertible {
  case exited(Int32)
  case signaled(Int32)

  public var description: String {
    switch self {
    case .exited(let code): return "exit status \(code)"
    case .signaled(let signal): return "killed by signal \(signal)"
    }
  }
}

/// A child process whose standard streams and controlling terminal are a new pseudo-terminal.
public final class PseudoTerminalChild {
  public let pid: pid_t
  private let master: Int32
  /// Kept open so that the pty (and its modes) outlive the child, for `terminalModes()`.
  private let slave: Int32
  private var output: [UInt8] = []
  /// Where the next `waitFor` starts looking, in the escape-free text.
  private var mark = 0
  private var exitStatus: PTYExit?
  private var closed = false

  public init(executable: String, arguments: [String], environment: [String], columns: UInt16, rows: UInt16) throws {
    // posix_openpt, unlockpt and ptsname are not imported into Swift (X/Open extensions), so
    // this is what they do on Linux: open the multiplexer, unlock the slave, ask its number.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { throw PTYError("open /dev/ptmx", errno) }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, Self.setPTYLock, &unlock) == 0, ioctl(master, Self.getPTYNumber, &number) == 0 else {
      let code = errno
      Glibc.close(master)
      throw PTYError("unlock the pty", code)
    }
    let slavePath = "/dev/pts/\(number)"
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else {
      let code = errno
      Glibc.close(master)
      throw PTYError("open \(slavePath)", code)
    }

    // posix_spawn with POSIX_SPAWN_SETSID: glibc runs setsid() before the file actions, so the
    // child, a session leader without a terminal, opens the slave without O_NOCTTY and it
    // becomes its controlling terminal (with the child's group in the foreground).
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (a GNU extension, not always imported)
    posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGWINCH, SIGCHLD] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigmask(&attributes, &noMask)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      Glibc.close(master)
      Glibc.close(slave)
      throw PTYError("posix_spawn \(executable)", result)
    }
    self.pid = pid
    self.master = master
    self.slave = slave
  }

  deinit {
    kill()
  }

  // MARK: Input

  public func send(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    let deadline = Date().addingTimeInterval(5)
    while offset < bytes.count && Date() < deadline {
      let written = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno != EINTR && errno != EAGAIN {
        return
      } else {
        pump(timeout: 0.01)
      }
    }
  }

  public func signal(_ number: Int32) {
    _ = Glibc.kill(pid, number)
  }

  // MARK: Output

  /// Reads whatever arrives within `timeout` seconds; returns whether anything did.
  @discardableResult
  public func pump(timeout: Double) -> Bool {
    guard !closed else { return false }
    var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&request, 1, Int32(max(0, timeout * 1000)))
    guard ready > 0, request.revents & Int16(POLLIN) != 0 else { return false }
    var got = false
    var chunk = [UInt8](repeating: 0, count: 8192)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        output.append(contentsOf: chunk[0..<count])
        got = true
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    return got
  }

  /// Reads until `timeout` seconds pass with no new output (at most one second more).
  public func settle(quiet: Double = 0.15) {
    let deadline = Date().addingTimeInterval(1)
    while pump(timeout: quiet) && Date() < deadline {}
  }

  /// Waits until `text` appears in the escape-free output after the previous match.
  public func waitFor(_ text: String, timeout: Double = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let visible = Array(Self.visibleBytes(output))
      let needle = Array(text.utf8)
      if let found = Self.find(needle, in: visible, from: mark) {
        mark = found + needle.count
        return true
      }
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { return false }
      if !pump(timeout: min(left, 0.2)) && hasExited && !pump(timeout: 0) {
        // Nothing more will come.
        let visibleNow = Array(Self.visibleBytes(output))
        if let found = Self.find(needle, in: visibleNow, from: mark) {
          mark = found + needle.count
          return true
        }
        return false
      }
    }
  }

  /// The escape-free output from `offset` (in bytes of that text), with CR LF as LF.
  public func text(since offset: Int) -> String {
    let visible = Self.visibleBytes(output)
    let slice = visible.dropFirst(offset)
    return String(decoding: slice, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// Changes the terminal's size and tells the child (SIGWINCH), as a resized window does.
  public func resize(columns: UInt16, rows: UInt16) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    _ = Glibc.kill(pid, SIGWINCH)
  }

  /// Waits until `needle` has been written `count` times in all (in the raw output).
  public func waitFor(_ needle: String, count: Int, timeout: Double = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if text.components(separatedBy: needle).count - 1 >= count { return true }
      if !pump(timeout: 0.1) && hasExited { return text.components(separatedBy: needle).count - 1 >= count }
    }
    return false
  }

  /// Everything the child wrote so far, escape codes included.
  public var text: String {
    pump(timeout: 0)
    return rawText()
  }

  /// Everything written so far without colour (SGR) sequences, with CR LF as LF.
  public var visibleText: String {
    var out = String.UnicodeScalarView()
    var scalars = Array(text.unicodeScalars)[...]
    while let first = scalars.first {
      if first == "\u{1B}", scalars.dropFirst().first == "[" {
        var rest = scalars.dropFirst(2)
        while let c = rest.first, ("0"..."9").contains(c) || c == ";" { rest = rest.dropFirst() }
        if rest.first == "m" {
          scalars = rest.dropFirst()
          continue
        }
      }
      out.append(first)
      scalars = scalars.dropFirst()
    }
    return String(out).replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// Everything the child wrote, escape codes included.
  public func rawText() -> String {
    String(decoding: output, as: UTF8.self)
  }

  /// The output played on a 100x40 terminal model.
  public func screen() -> PTYScreen {
    var screen = PTYScreen(columns: 100, rows: 40)
    screen.feed(output)
    return screen
  }

  /// The pty's current modes (read through the slave end this process keeps open).
  public func terminalModes() -> termios? {
    var modes = termios()
    return tcgetattr(slave, &modes) == 0 ? modes : nil
  }

  // MARK: Process

  private var hasExited: Bool {
    if exitStatus != nil { return true }
    var status: Int32 = 0
    let result = waitpid(pid, &status, WNOHANG)
    if result == pid {
      exitStatus = Self.decode(status)
      return true
    }
    return result < 0
  }

  /// Whether the child is still running.
  public var isRunning: Bool { !hasExited }

  /// Waits for the child to end, reading its output meanwhile; nil on timeout.
  public func waitForExit(timeout: Double = 15) -> PTYExit? {
    let deadline = Date().addingTimeInterval(timeout)
    while !hasExited {
      if Date() >= deadline { return nil }
      pump(timeout: 0.05)
    }
    while pump(timeout: 0.05) {}
    return exitStatus
  }

  /// Kills the child if it still runs, reaps it and closes the pty. Idempotent.
  public func kill() {
    guard !closed else { return }
    if !hasExited {
      _ = Glibc.kill(pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      exitStatus = Self.decode(status)
    }
    closed = true
    Glibc.close(master)
    Glibc.close(slave)
  }

  /// `TIOCSPTLCK` and `TIOCGPTN` (asm-generic/ioctls.h), which Swift does not import.
  private static let setPTYLock = UInt(0x4004_5431)
  private static let getPTYNumber = UInt(0x8004_5430)

  private static func decode(_ status: Int32) -> PTYExit {
    status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
  }

  // MARK: Text

  /// The output without escape sequences (CSI, OSC, two-byte ESC codes), BEL and NUL.
  public static func visibleBytes(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B, index + 1 < bytes.count {
        let next = bytes[index + 1]
        if next == UInt8(ascii: "[") {
          index += 2
          while index < bytes.count && !(0x40...0x7E).contains(bytes[index]) { index += 1 }
          index += 1
        } else if next == UInt8(ascii: "]") {
          index += 2
          while index < bytes.count && bytes[index] != 0x07 && bytes[index] != 0x1B { index += 1 }
          index += bytes.count > index && bytes[index] == 0x1B ? 2 : 1
        } else {
          index += 2
        }
        continue
      }
      if byte != 0x07 && byte != 0 {
        out.append(byte)
      }
      index += 1
    }
    return out
  }

  public static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
      return nil
    }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }
}

struct PTYError: Error, CustomStringConvertible {
  public let description: String
  public init(_ what: String, _ code: Int32) {
    description = "\(what): \(String(cString: strerror(code)))"
  }
}

/// A small model of an xterm screen, enough for readline's output: printable characters with
/// deferred autowrap, CR, LF, BS, and the CSI cursor-movement and erase sequences.
public struct PTYScreen {
  public let columns: Int
  private(set) var cells: [[Character]]
  public private(set) var cursorRow = 0
  public private(set) var cursorColumn = 0
  private var pendingWrap = false

  public init(columns: Int, rows: Int) {
    self.columns = columns
    cells = [[Character](repeating: " ", count: columns)]
    _ = rows  // The model keeps scrolled-off rows, so row numbers only grow.
  }

  /// The rows as text, without trailing blanks.
  public var rows: [String] { cells.map { String($0).trimmingTrailingSpaces() } }

  public func dump() -> String {
    rows.enumerated().suffix(25).map { "\($0.offset): \($0.element)" }.joined(separator: "\n")
      + "\n(cursor at row \(cursorRow), column \(cursorColumn))"
  }

  public mutating func feed(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar.value {
      case 0x1B:
        guard let next = scalars.popFirst() else { return }
        if next == "[" {
          var parameters = ""
          var final: Unicode.Scalar = "@"
          while let c = scalars.popFirst() {
            if (0x40...0x7E).contains(c.value) {
              final = c
              break
            }
            parameters.unicodeScalars.append(c)
          }
          csi(parameters, final)
        } else if next == "]" {
          while let c = scalars.popFirst(), c.value != 0x07 {
            if c.value == 0x1B {
              _ = scalars.popFirst()
              break
            }
          }
        }
      case 0x0D:
        cursorColumn = 0
        pendingWrap = false
      case 0x0A:
        lineFeed()
        pendingWrap = false
      case 0x08:
        if pendingWrap {
          pendingWrap = false
        } else if cursorColumn > 0 {
          cursorColumn -= 1
        }
      case 0x09:
        cursorColumn = min(columns - 1, (cursorColumn / 8 + 1) * 8)
      case 0..<0x20, 0x7F:
        break
      default:
        put(Character(scalar))
      }
    }
  }

  private mutating func put(_ character: Character) {
    if pendingWrap {
      cursorColumn = 0
      lineFeed()
      pendingWrap = false
    }
    cells[cursorRow][cursorColumn] = character
    if cursorColumn == columns - 1 {
      pendingWrap = true
    } else {
      cursorColumn += 1
    }
  }

  private mutating func lineFeed() {
    cursorRow += 1
    while cells.count <= cursorRow {
      cells.append([Character](repeating: " ", count: columns))
    }
  }

  private mutating func csi(_ parameters: String, _ final: Unicode.Scalar) {
    guard !parameters.hasPrefix("?"), !parameters.hasPrefix(">") else { return }
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
    let n = max(1, numbers.first ?? 1)
    switch final {
    case "A":
      cursorRow = max(0, cursorRow - n)
      pendingWrap = false
    case "B":
      cursorRow += n
      while cells.count <= cursorRow { cells.append([Character](repeating: " ", count: columns)) }
      pendingWrap = false
    case "C":
      cursorColumn = min(columns - 1, cursorColumn + n)
      pendingWrap = false
    case "D":
      cursorColumn = max(0, cursorColumn - n)
      pendingWrap = false
    case "G":
      cursorColumn = min(columns - 1, n - 1)
      pendingWrap = false
    case "K":
      let mode = numbers.first ?? 0
      let range = mode == 1 ? 0..<(cursorColumn + 1) : mode == 2 ? 0..<columns : cursorColumn..<columns
      for column in range { cells[cursorRow][column] = " " }
    case "J":
      if (numbers.first ?? 0) == 0 {
        for column in cursorColumn..<columns { cells[cursorRow][column] = " " }
        for row in (cursorRow + 1)..<cells.count { cells[row] = [Character](repeating: " ", count: columns) }
      } else {
        for row in 0..<cells.count { cells[row] = [Character](repeating: " ", count: columns) }
      }
    case "P":
      var row = cells[cursorRow]
      let count = min(n, columns - cursorColumn)
      row.removeSubrange(cursorColumn..<(cursorColumn + count))
      row.append(contentsOf: [Character](repeating: " ", count: count))
      cells[cursorRow] = row
    case "@":
      var row = cells[cursorRow]
      row.insert(contentsOf: [Character](repeating: " ", count: n), at: cursorColumn)
      cells[cursorRow] = Array(row.prefix(columns))
    default:
      break
    }
  }
}

extension String {
  public func trimmingTrailingSpaces() -> String {
    var result = Substring(self)
    while result.last == " " { result.removeLast() }
    return String(result)
  }
}
