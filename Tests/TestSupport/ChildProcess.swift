#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation

/// How a child process ended and what it wrote: the one result type of the end-to-end tests.
public struct ChildResult: Sendable {
  /// The exit status, when it exited.
  public var exitCode: Int32?
  /// The signal that ended it, when one did.
  public var signal: Int32?
  /// Whether it was killed for running past its time.
  public var timedOut: Bool
  /// The peak resident set size, in kilobytes (from wait4).
  public var maxRSSKB: Int
  public var stdout: Data
  public var stderr: Data
  public var seconds: Double

  public var out: String { String(decoding: stdout, as: UTF8.self) }
  public var err: String { String(decoding: stderr, as: UTF8.self) }
  /// Standard output split into lines (without the empty piece after the last newline).
  public var outLines: [String] { ChildResult.lines(out) }
  /// Standard error split into lines.
  public var errLines: [String] { ChildResult.lines(err) }
  /// True when the process exited normally with `code`.
  public func exited(_ code: Int32) -> Bool { exitCode == code }
  public var summary: String {
    let how = timedOut ? "timed out" : exitCode.map { "exit \($0)" } ?? "signal \(signal ?? -1)"
    return "\(how), \(String(format: "%.1f", seconds)) s, max RSS \(maxRSSKB / 1024) MB; stderr: \(err.prefix(400).debugDescription)"
  }

  /// `text` split at newlines, without the empty piece after a final newline.
  public static func lines(_ text: String) -> [String] {
    var parts = text.components(separatedBy: "\n")
    if parts.last == "" { parts.removeLast() }
    return parts
  }
}

/// Where a child's standard input comes from.
public enum ChildInput {
  /// /dev/null.
  case null
  /// A file or device, opened for reading.
  case path(String)
  /// These bytes through a pipe, written from a background thread, then end of file (the child
  /// sees a FIFO).
  case bytes(Data)
  /// A pipe the test writes to (``RunningChild/write(_:)``) and closes.
  case pipe
}

/// Where a child's standard output goes.
public enum ChildOutput {
  /// A file, read back afterwards.
  case capture
  /// A pipe read by a background thread (for limits that apply to files only).
  case pipeCapture
  /// A pipe whose reading end is already closed (`| head -0`): writes fail with EPIPE/SIGPIPE.
  case closedPipe
  /// An existing path opened for writing, such as /dev/full.
  case path(String)
  /// A pipe the test reads itself, through ``RunningChild/stdoutReader``.
  case pipeToTest
}

/// An error setting up a child process.
public struct ChildProcessError: Error, CustomStringConvertible {
  public let description: String
  public init(_ description: String) { self.description = description }
}

/// A running child process.
public final class RunningChild {
  public let pid: pid_t
  public let arguments: [String]
  public let started = Date()
  fileprivate let outPath: String
  fileprivate let errPath: String
  fileprivate let outDrain: ByteDrain?
  fileprivate var feeder: ByteFeeder?
  private(set) var stdinWriter: Int32
  /// The reading end of standard output, with ``ChildOutput/pipeToTest``.
  public fileprivate(set) var stdoutReader: FileHandle?

  fileprivate init(pid: pid_t, arguments: [String], outPath: String, errPath: String, outDrain: ByteDrain?, stdinWriter: Int32) {
    self.pid = pid
    self.arguments = arguments
    self.outPath = outPath
    self.errPath = errPath
    self.outDrain = outDrain
    self.stdinWriter = stdinWriter
  }

  /// Writes to the child's standard input (a pipe); false when it is gone.
  @discardableResult
  public func write(_ text: String) -> Bool {
    guard stdinWriter >= 0 else { return false }
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(stdinWriter, $0.baseAddress! + offset, $0.count - offset) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      offset += n
    }
    return true
  }

  public func closeStdin() {
    if stdinWriter >= 0 { close(stdinWriter) }
    stdinWriter = -1
  }

  public func signal(_ number: Int32) { _ = kill(pid, number) }

  deinit { closeStdin() }
}

/// Starts child processes with posix_spawn, through `/bin/sh` for the working directory and any
/// shell set-up (`umask 0;`, `ulimit -f 2;`...), with default signal dispositions as a shell gives
/// them: the one process runner of the tests.
public struct ChildLauncher {
  /// The working directory.
  public var directory: URL
  /// The environment.
  public var environment: [String: String]
  /// Where captured output is kept while the child runs (the working directory unless given).
  public var scratch: URL

  public init(directory: URL, environment: [String: String], scratch: URL? = nil) {
    self.directory = directory
    self.environment = environment
    self.scratch = scratch ?? directory
  }

  /// Starts `executable` with `arguments`; `wrapper` comes before it (say, `setpriv`).
  public func start(
    _ executable: String, _ arguments: [String], stdin: ChildInput = .null, stdout: ChildOutput = .capture,
    environment override: [String: String]? = nil, shellSetup: String = "", wrapper: [String] = []
  ) throws -> RunningChild {
    let id = UUID().uuidString
    let outPath = scratch.appendingPathComponent("child-\(id).out").path
    let errPath = scratch.appendingPathComponent("child-\(id).err").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var toClose: [Int32] = []
    var stdinWriter: Int32 = -1
    var fed: Data?
    switch stdin {
    case .null:
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    case .path(let path):
      posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
    case .pipe, .bytes:
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { throw ChildProcessError("pipe: \(String(cString: strerror(errno)))") }
      _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
      posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
      posix_spawn_file_actions_addclose(&actions, ends[0])
      toClose.append(ends[0])
      stdinWriter = ends[1]
      if case .bytes(let data) = stdin { fed = data }
    }
    var outDrain: ByteDrain?
    var testReader: FileHandle?
    switch stdout {
    case .capture:
      posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    case .path(let path):
      posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY, 0)
    case .closedPipe, .pipeCapture, .pipeToTest:
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { throw ChildProcessError("pipe: \(String(cString: strerror(errno)))") }
      if case .closedPipe = stdout {
        close(ends[0])
      } else if case .pipeToTest = stdout {
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        testReader = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
      } else {
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        outDrain = ByteDrain(FileHandle(fileDescriptor: ends[0], closeOnDealloc: true))
      }
      posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
      posix_spawn_file_actions_addclose(&actions, ends[1])
      toClose.append(ends[1])
    }
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for number in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGPIPE, SIGCHLD, SIGXFSZ] { sigaddset(&defaults, number) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigmask(&attributes, &noMask)

    let argv = ["/bin/sh", "-c", "cd \"$0\" && \(shellSetup) exec \"$@\"", directory.path] + wrapper + [executable] + arguments
    let env = (override ?? environment).map { "\($0.key)=\($0.value)" }
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup($0) } + [nil]
    defer {
      cArgs.forEach { free($0) }
      cEnv.forEach { free($0) }
    }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, argv[0], &actions, &attributes, cArgs, cEnv)
    toClose.forEach { close($0) }
    guard spawned == 0 else {
      if stdinWriter >= 0 { close(stdinWriter) }
      throw ChildProcessError("posix_spawn: \(String(cString: strerror(spawned)))")
    }
    let child = RunningChild(
      pid: pid, arguments: arguments, outPath: outPath, errPath: errPath, outDrain: outDrain, stdinWriter: stdinWriter)
    child.stdoutReader = testReader
    if let fed {
      child.feeder = ByteFeeder(descriptor: dup(stdinWriter), data: fed)
      child.closeStdin()
    }
    return child
  }

  /// Waits for `child` (killing it after `timeout` seconds) and gathers what it wrote.
  public func finish(_ child: RunningChild, timeout: Double) -> ChildResult {
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    while true {
      let reaped = wait4(child.pid, &status, WNOHANG, &usage)
      if reaped == child.pid { break }
      if reaped < 0 && errno != EINTR { break }
      if Date().timeIntervalSince(child.started) > timeout {
        timedOut = true
        kill(child.pid, SIGKILL)
        _ = wait4(child.pid, &status, 0, &usage)
        break
      }
      usleep(2_000)
    }
    child.closeStdin()
    child.feeder?.wait(timeout: 5)
    let stdout =
      child.stdoutReader != nil
      ? Data() : child.outDrain?.finish(timeout: 10) ?? FileManager.default.contents(atPath: child.outPath) ?? Data()
    let result = ChildResult(
      exitCode: (status & 0x7F) == 0 ? (status >> 8) & 0xFF : nil,
      signal: (status & 0x7F) != 0 ? status & 0x7F : nil, timedOut: timedOut, maxRSSKB: usage.ru_maxrss,
      stdout: stdout, stderr: FileManager.default.contents(atPath: child.errPath) ?? Data(),
      seconds: Date().timeIntervalSince(child.started))
    unlink(child.outPath)
    unlink(child.errPath)
    return result
  }
}

/// Collects bytes from a file handle on a background thread.
public final class ByteDrain: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  public init(_ handle: FileHandle) {
    let thread = Thread { [self] in
      while true {
        let chunk = handle.availableData
        if chunk.isEmpty { break }
        lock.lock()
        data.append(chunk)
        lock.unlock()
      }
      done.signal()
    }
    thread.start()
  }

  /// Waits for end of file (up to `timeout` seconds) and returns everything read.
  public func finish(timeout: TimeInterval) -> Data {
    _ = done.wait(timeout: .now() + timeout)
    lock.lock()
    defer { lock.unlock() }
    return data
  }
}

/// Writes bytes to a raw descriptor on a background thread, then closes it. EPIPE (the process
/// stopped reading) ends the writing quietly.
final class ByteFeeder: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)

  init(descriptor: Int32, data: Data) {
    let thread = Thread { [self] in
      data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < raw.count {
          let n = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            break
          }
          offset += n
        }
      }
      close(descriptor)
      done.signal()
    }
    thread.start()
  }

  func wait(timeout: TimeInterval) { _ = done.wait(timeout: .now() + timeout) }
}
