import Foundation
import Synchronization

/// A pseudo-terminal for driving a `ReadlineReader`: the reader uses the slave side; the test
/// types into the master side and watches everything the reader draws there.
public final class PseudoTerminal: Sendable {
  /// The side the test types into and reads the display from.
  public let master: Int32
  /// The side the reader treats as its terminal.
  public let slave: Int32
  /// The output so far, under `lock` (a pthread mutex, which ThreadSanitizer follows; it does not
  /// see the futex inside Synchronization's Mutex and would report its uses as races).
  nonisolated(unsafe) private var output: [UInt8] = []
  private let lock = NSLock()
  private let stopping = Atomic<Bool>(false)
  private let stopped = DispatchSemaphore(value: 0)

  /// Opens an 80x24 pseudo-terminal and starts collecting its output; nil if none is available.
  public init?() {
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { return nil }
    guard let name = Self.unlockedSlaveName(master) else {
      Glibc.close(master)
      return nil
    }
    let slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else {
      Glibc.close(master)
      return nil
    }
    var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    self.master = master
    self.slave = slave
    Thread.detachNewThread { [self] in collectOutput() }
  }

  /// Unlocks the slave side of `master` and returns its path. unlockpt and ptsname_r need
  /// _XOPEN_SOURCE, which the Glibc module does not expose, so they are looked up at run time.
  private static func unlockedSlaveName(_ master: Int32) -> String? {
    typealias Unlock = @convention(c) (Int32) -> Int32
    typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    guard let unlockSymbol = dlsym(nil, "unlockpt"), let nameSymbol = dlsym(nil, "ptsname_r") else {
      return nil
    }
    let unlock = unsafeBitCast(unlockSymbol, to: Unlock.self)
    let name = unsafeBitCast(nameSymbol, to: Name.self)
    guard unlock(master) == 0 else { return nil }
    var buffer = [CChar](repeating: 0, count: 128)
    guard name(master, &buffer, buffer.count) == 0 else { return nil }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Copies the master side's output into `output` until `close()`.
  private func collectOutput() {
    var buffer = [UInt8](repeating: 0, count: 65536)
    while !stopping.load(ordering: .acquiring) {
      var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
      guard poll(&request, 1, 20) > 0 else { continue }
      if Int32(request.revents) & Int32(POLLIN) == 0 {
        usleep(10_000)
        continue
      }
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        lock.lock()
        output.append(contentsOf: buffer[0..<count])
        lock.unlock()
      }
    }
    stopped.signal()
  }

  /// Everything drawn so far, with invalid UTF-8 repaired.
  public var screenText: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: output, as: UTF8.self)
  }

  /// Waits until `text` has been drawn at least `count` times; false after `timeout` seconds.
  @discardableResult
  public func waitFor(_ text: String, count: Int = 1, timeout: TimeInterval = 10) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if screenText.components(separatedBy: text).count - 1 >= count { return true }
      usleep(5_000)
    }
    return false
  }

  /// Types `text` as its UTF-8 bytes.
  public func type(_ text: String) {
    type(bytes: Array(text.utf8))
  }

  /// Types raw bytes.
  public func type(bytes: [UInt8]) {
    writeAll(bytes, to: master)
  }

  /// The slave side's local modes (ICANON, ECHO, ...).
  public var localModes: tcflag_t {
    var modes = termios()
    _ = tcgetattr(slave, &modes)
    return modes.c_lflag
  }

  /// Stops collecting and closes both sides.
  public func close() {
    stopping.store(true, ordering: .releasing)
    stopped.wait()
    Glibc.close(slave)
    Glibc.close(master)
  }
}

/// Writes all of `bytes` to `descriptor`, retrying short writes; returns `false` on an error.
@discardableResult
public func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
  var offset = 0
  while offset < bytes.count {
    let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    if written < 0 {
      if errno == EINTR || errno == EAGAIN { continue }
      return false
    }
    offset += written
  }
  return true
}

