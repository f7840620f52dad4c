#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Reads whole small files (scripts, lexicons, transcripts) with clear one-line errors.
enum FileReader {
  /// The largest file read whole: 16 MiB.
  static let limit = 16 << 20

  /// The bytes of `path`, or a ``UserFacingError`` naming it (exit 66 when missing or unreadable).
  static func read(_ path: String) throws(UserFacingError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .noInput)
    }
    defer { close(fd) }
    var info = stat()
    if fstat(fd, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR {
        throw UserFacingError("error: \(path): is a directory", code: .noInput)
      }
      if Int(info.st_size) > limit {
        throw UserFacingError("error: \(path): file is too large (over 16 MiB)", code: .dataError)
      }
    }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBufferPointer { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError)
      }
      if n == 0 { break }
      result.append(contentsOf: chunk[0..<n])
      if result.count > limit {
        throw UserFacingError("error: \(path): file is too large (over 16 MiB)", code: .dataError)
      }
    }
    return result
  }

  /// The text of `path`; invalid UTF-8 is an error naming the line.
  static func readText(_ path: String) throws(UserFacingError) -> String {
    var bytes = try read(path)
    // A leading byte-order mark (some Windows editors write one) is not part of the text.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    if bytes.contains(0) {
      let line = bytes.prefix { $0 != 0 }.filter { $0 == UInt8(ascii: "\n") }.count + 1
      throw UserFacingError("error: \(path):\(line): contains a NUL byte; is it a binary file?", code: .dataError)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      var line = 1
      var prefix: [UInt8] = []
      for b in bytes {
        prefix.append(b)
        if b == UInt8(ascii: "\n") {
          if String(validating: prefix, as: UTF8.self) == nil { break }
          line += 1
        }
      }
      throw UserFacingError("error: \(path):\(line): not valid UTF-8 text", code: .dataError)
    }
    return text
  }
}
