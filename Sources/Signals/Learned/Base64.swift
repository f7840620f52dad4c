#if canImport(Glibc)
  import Glibc
#endif

/// Decodes standard base64 (the built-in model is embedded as base64 text). Whitespace is skipped.
enum Base64 {
  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 255, count: 256)
    for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
      table[Int(c)] = UInt8(i)
    }
    return table
  }()

  /// Decodes text embedded in the binary (a string literal) that is read once, then tells the
  /// system its memory pages are not needed any more: they are the binary's read-only data, so they
  /// are dropped from the process's memory (and read back from the file if ever touched again)
  /// instead of staying resident for the whole run. The built-in model's text is megabytes that are
  /// otherwise idle. For built-in text only, read nowhere else.
  static func decodeOnce(_ text: String) -> [UInt8]? {
    let decoded = decode(text)
    #if canImport(Glibc)
      var text = text
      text.withUTF8 { bytes in
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // Only whole pages inside the text: a literal's pages are the binary's read-only data. Were
        // the text ever a heap copy instead, those pages would be its own alone, and it is not read
        // again (the caller keeps only the decoded bytes), so nothing else can see them change.
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard page > 0 else { return }
        let first = (Int(bitPattern: base) + page - 1) / page * page
        let end = (Int(bitPattern: base) + bytes.count) / page * page
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        _ = madvise(start, end - first, Int32(MADV_DONTNEED))
      }
    #endif
    return decoded
  }

  static func decode(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { input in
      Self.table.withUnsafeBufferPointer { table -> [UInt8]? in
        var failed = false
        // Written in place: an append per byte was most of the cost of reading the built-in model.
        let out = [UInt8](unsafeUninitializedCapacity: input.count / 4 * 3 + 3) { buffer, written in
          var accumulator: UInt32 = 0
          var bits = 0
          var n = 0
          for c in input {
            let v = table[Int(c)]
            if v == 255 {
              if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { continue }
              if c != UInt8(ascii: "=") { failed = true }
              break
            }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
              bits -= 8
              buffer[n] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
              n += 1
            }
          }
          written = n
        }
        return failed ? nil : out
      }
    }
  }
}
