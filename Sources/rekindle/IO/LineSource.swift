#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Reads a file or standard input line by line in fixed-size chunks, in constant memory
/// (apart from one line longer than a chunk, which is gathered whole).
final class LineSource {
  /// The name used in messages: the path, or "<stdin>".
  let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private var chunk: [UInt8]
  private var start = 0
  private var end = 0
  private var carry: [UInt8] = []
  private var finished = false
  /// Whether no byte has been read yet (a leading byte-order mark is dropped).
  private var atStart = true
  /// The 1-based number of the last line returned.
  private(set) var lineNumber = 0
  /// The most bytes of one line kept; the rest of a longer line is read and dropped, so memory
  /// stays bounded whatever the input (see ``lastLineLength``).
  var maxLineBytes = Int.max
  /// The whole length of the last line returned, in bytes: more than it holds when it was cut.
  private(set) var lastLineLength = 0
  /// Bytes of the current line seen so far (kept or dropped).
  private var seen = 0
  /// Called before a read that may block, so output written so far can be flushed.
  var willBlock: (() throws(UserFacingError) -> Void)?

  /// Standard input.
  init(standardInput: Void = ()) {
    name = "<stdin>"
    descriptor = 0
    ownsDescriptor = false
    chunk = [UInt8](repeating: 0, count: 1 << 16)
  }

  /// Opens `path` for reading; "-" means standard input.
  init(path: String) throws(UserFacingError) {
    if path == "-" {
      name = "<stdin>"
      descriptor = 0
      ownsDescriptor = false
    } else {
      name = path
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      if fd < 0 {
        let code = errno
        throw UserFacingError(
          "error: \(path): \(String(cString: strerror(code)))", code: code == EACCES ? .noInput : .noInput)
      }
      var info = stat()
      if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw UserFacingError("error: \(path): is a directory", code: .noInput)
      }
      descriptor = fd
      ownsDescriptor = true
    }
    chunk = [UInt8](repeating: 0, count: 1 << 16)
  }

  deinit {
    if ownsDescriptor { close(descriptor) }
  }

  /// Calls `body` with the next line (without its newline or carriage return); false at the end.
  func nextLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Bool {
    while true {
      if start < end {
        let found: Int? = chunk.withUnsafeBufferPointer { buffer in
          guard let base = buffer.baseAddress,
            let hit = memchr(base + start, Int32(UInt8(ascii: "\n")), end - start)
          else { return nil }
          return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let newline = found {
          lineNumber += 1
          if carry.isEmpty && seen == 0 && newline - start <= maxLineBytes {
            let lineStart = start
            start = newline + 1
            lastLineLength = newline - lineStart
            try chunk.withUnsafeBufferPointer { buffer in
              try body(Self.trimmed(UnsafeBufferPointer(rebasing: buffer[lineStart..<newline])))
            }
          } else {
            keep(start, newline)
            start = newline + 1
            try endLine(body)
          }
          return true
        }
        keep(start, end)
        start = end
      }
      if finished {
        if carry.isEmpty && seen == 0 { return false }
        lineNumber += 1
        try endLine(body)
        return true
      }
      try fill()
    }
  }

  /// Adds `chunk[from..<to]` to the current line, as far as ``maxLineBytes`` allows.
  private func keep(_ from: Int, _ to: Int) {
    seen += to - from
    let room = max(0, maxLineBytes - carry.count)
    carry.append(contentsOf: chunk[from..<min(to, from + room)])
  }

  /// Hands over the gathered line (cut back to a whole UTF-8 character when it was cut) and starts a new one.
  private func endLine(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
    lastLineLength = seen
    if seen > carry.count {
      // Do not end inside a UTF-8 sequence: drop continuation bytes and the lead byte they follow.
      var lead = carry.count - 1
      while lead > 0 && carry.count - lead < 4 && carry[lead] & 0xC0 == 0x80 { lead -= 1 }
      if lead >= 0 && carry[lead] >= 0xC0 {
        let length = carry[lead] >= 0xF0 ? 4 : carry[lead] >= 0xE0 ? 3 : 2
        if lead + length > carry.count { carry.removeLast(carry.count - lead) }
      }
    }
    try carry.withUnsafeBufferPointer { try body(Self.trimmed($0)) }
    carry.removeAll(keepingCapacity: false)
    seen = 0
  }

  private func fill() throws {
    // Hand over what is pending only when the read would wait (a pipe with nothing in it yet).
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    if poll(&poller, 1, 0) == 0 { try willBlock?() }
    start = 0
    end = 0
    while true {
      let n = chunk.withUnsafeMutableBufferPointer { read(descriptor, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw UserFacingError("error: \(name): read failed: \(String(cString: strerror(errno)))", code: .ioError)
      }
      if n == 0 { finished = true }
      end = n
      if atStart {
        atStart = false
        if n >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { start = 3 }
      }
      return
    }
  }

  private static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    if let last = line.last, last == UInt8(ascii: "\r") {
      return UnsafeBufferPointer(rebasing: line[0..<(line.count - 1)])
    }
    return line
  }
}
