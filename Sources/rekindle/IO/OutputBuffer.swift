#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import JSONText

/// A byte buffer in front of a file descriptor, flushed when full and on demand.
///
/// A closed pipe (`rekindle analyze big.txt | head -1`) ends the process quietly with status 0,
/// as `cat` does with SIGPIPE ignored: there is nobody left to tell.
struct OutputBuffer: JSONSink {
  private(set) var bytes: [UInt8] = []
  let descriptor: Int32
  let capacity: Int

  init(descriptor: Int32 = 1, capacity: Int = 1 << 16) {
    self.descriptor = descriptor
    self.capacity = capacity
    bytes.reserveCapacity(capacity + 1024)
  }

  /// Forgets what is buffered, keeping the memory for what comes next.
  mutating func reset() { bytes.removeAll(keepingCapacity: true) }

  @inline(__always)
  mutating func append(_ byte: UInt8) { bytes.append(byte) }

  @inline(__always)
  mutating func append(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  mutating func append(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes.append(contentsOf: $0) }
  }

  mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

  /// Appends a decimal integer without making a String.
  mutating func append(decimal value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { d in
      repeat {
        d[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(d[k]) }
    }
  }

  /// Flushes when the buffer has grown past its capacity.
  @inline(__always)
  mutating func flushIfFull() throws(UserFacingError) {
    if bytes.count >= capacity { try flush() }
  }

  /// Writes everything buffered.
  mutating func flush() throws(UserFacingError) {
    var offset = 0
    let count = bytes.count
    var failure: Int32 = 0
    bytes.withUnsafeBufferPointer { buffer in
      while offset < count {
        let n = write(descriptor, buffer.baseAddress.map { $0 + offset }, count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        offset += n
      }
    }
    bytes.removeAll(keepingCapacity: true)
    if failure == EPIPE { exit(0) }
    if failure != 0 {
      throw UserFacingError("error: cannot write output: \(String(cString: strerror(failure)))", code: .ioError)
    }
  }
}
