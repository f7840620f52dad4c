import Glibc

/// The limit on one line and its conversion from bytes to text, shared by both readers.
enum LineBytes {
  /// The most bytes of one line that are kept: 1 MiB (the rest of a longer line is dropped), so
  /// that reading a line takes bounded memory whatever is piped or pasted in.
  static let limit = 1024 * 1024

  /// Decodes a line as UTF-8, replacing invalid sequences with U+FFFD.
  ///
  /// - Parameter bytes: The bytes of the line, already cut to the limit.
  /// - Returns: The repaired text.
  static func text<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self)
  }

  /// Decodes a NUL-terminated C string as UTF-8, keeping at most `limit` bytes.
  ///
  /// - Parameter cString: The string readline returned; the caller still owns (and frees) it.
  /// - Returns: The repaired text.
  static func text(cString: UnsafePointer<CChar>) -> String {
    let length = strnlen(cString, limit)
    let raw = UnsafeRawBufferPointer(start: UnsafeRawPointer(cString), count: length)
    return text(raw)
  }
}
