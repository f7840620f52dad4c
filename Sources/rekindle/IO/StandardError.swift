#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unbuffered writes to standard error.
enum StandardError {
  static func write(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes in
      var offset = 0
      while offset < bytes.count {
        let n = Glibc.write(2, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
        if n <= 0 { return }
        offset += n
      }
    }
  }
}
