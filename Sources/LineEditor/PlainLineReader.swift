import Glibc

/// Reads lines from a file descriptor, for input that is not a terminal: no prompt, no echo,
/// no escape codes.
///
/// Lines end at `\n`; a `\r` before it is dropped, as is a UTF-8 byte order mark at the very
/// start. Invalid UTF-8 is repaired with U+FFFD and NUL bytes are kept. A last line without a
/// newline is still returned. Memory stays constant apart from the current line, which keeps at
/// most `maximumLineBytes`: the rest of a longer line is read and discarded.
public final class PlainLineReader: LineReading {
  /// The most bytes of one line that are returned (1 MiB); the rest of a longer line is dropped.
  public static let maximumLineBytes = LineBytes.limit

  /// The size of the fixed read buffer.
  static let defaultChunkSize = 64 * 1024

  private let fileDescriptor: Int32
  private let lineLimit: Int
  private var chunk: [UInt8]
  private var chunkStart = 0
  private var chunkEnd = 0
  private var reachedEnd = false
  private var atStreamStart = true

  /// Always `false`: nobody is typing at a terminal.
  public var isInteractive: Bool { false }

  /// Creates a reader of `fileDescriptor`, which it neither duplicates nor closes.
  ///
  /// - Parameter fileDescriptor: The descriptor to read; standard input by default.
  public convenience init(fileDescriptor: Int32 = STDIN_FILENO) {
    self.init(
      fileDescriptor: fileDescriptor, lineLimit: Self.maximumLineBytes,
      chunkSize: Self.defaultChunkSize)
  }

  /// Creates a reader with a custom line limit and buffer size (for tests).
  init(fileDescriptor: Int32, lineLimit: Int, chunkSize: Int) {
    self.fileDescriptor = fileDescriptor
    self.lineLimit = max(0, lineLimit)
    self.chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
  }

  /// Reads the next line; the prompt is ignored.
  ///
  /// - Parameter prompt: Ignored: nothing is written.
  /// - Returns: `.line` for each line, then `.endOfInput` once the input is exhausted
  ///   (or cannot be read).
  public func readLine(prompt: String) -> LineInput {
    var line: [UInt8] = []
    var sawBytes = false
    var truncated = false
    while true {
      if chunkStart == chunkEnd {
        guard !reachedEnd, fillChunk() else { break }
      }
      sawBytes = true
      let newline = nextNewline()
      append(upTo: newline ?? chunkEnd, to: &line, truncated: &truncated)
      if let newline {
        chunkStart = newline + 1
        return .line(finish(line, truncated: truncated))
      }
      chunkStart = chunkEnd
    }
    return sawBytes ? .line(finish(line, truncated: truncated)) : .endOfInput
  }

  /// Does nothing: there is no history without a terminal.
  public func addHistory(_ line: String) {}

  // MARK: - Buffer

  /// Refills the empty buffer with one read; returns `false` at the end of the input.
  private func fillChunk() -> Bool {
    chunkStart = 0
    chunkEnd = 0
    let descriptor = fileDescriptor
    while true {
      let count = chunk.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress, buffer.count)
      }
      if count > 0 {
        chunkEnd = count
        return true
      }
      if count < 0 && errno == EINTR {
        continue
      }
      if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&request, 1, -1)
        continue
      }
      reachedEnd = true
      return false
    }
  }

  /// The index of the next `\n` in the unread part of the buffer.
  private func nextNewline() -> Int? {
    let start = chunkStart
    let end = chunkEnd
    return chunk.withUnsafeBytes { buffer -> Int? in
      guard let base = buffer.baseAddress, let found = memchr(base + start, 0x0A, end - start)
      else {
        return nil
      }
      return base.distance(to: UnsafeRawPointer(found))
    }
  }

  /// Appends the buffer from `chunkStart` to `end` to `line`, up to the line limit.
  private func append(upTo end: Int, to line: inout [UInt8], truncated: inout Bool) {
    let available = end - chunkStart
    let room = max(0, lineLimit - line.count)
    if available > room {
      truncated = true
    }
    let taken = min(available, room)
    if taken > 0 {
      line.append(contentsOf: chunk[chunkStart..<(chunkStart + taken)])
    }
  }

  /// Drops the `\r` of a CRLF ending and a leading byte order mark, and decodes the line.
  private func finish(_ bytes: [UInt8], truncated: Bool) -> String {
    var body = bytes[...]
    if !truncated && body.last == 0x0D {
      body = body.dropLast()
    }
    if atStreamStart && body.starts(with: [0xEF, 0xBB, 0xBF]) {
      body = body.dropFirst(3)
    }
    atStreamStart = false
    return LineBytes.text(body)
  }
}
