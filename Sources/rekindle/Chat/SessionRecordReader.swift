#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import JSONText

/// Reads session records for `chat --resume`, in the current event-log format and in the older
/// snapshot format.
enum SessionRecordReader {
  /// The last session in the record at `path`.
  ///
  /// Only a last line without its newline can be a cut-off line (the process was stopped while
  /// writing it): when it does not read, it is removed from the file with a warning. A whole line
  /// that does not read is an error naming it; nothing is deleted then.
  static func read(_ path: String) throws(UserFacingError) -> SessionLog {
    var bytes = Array(try FileReader.readText(path).utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var log: SessionLog?
    var lineNumber = 0
    var offset = 0
    while offset < bytes.count {
      lineNumber += 1
      let newline = bytes[offset...].firstIndex(of: 0x0A)
      let end = newline ?? bytes.count
      var line = bytes[offset..<end]
      let lineStart = offset
      offset = end + 1
      if line.last == 0x0D { line = line.dropLast() }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      do {
        try take(line, number: lineNumber, into: &log)
      } catch {
        if newline == nil {
          StandardError.write(
            "rekindle: warning: \(path):\(lineNumber): the last line was cut off (the session was interrupted); dropping it\n")
          if truncate(path, off_t(lineStart)) != 0 {
            throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError)
          }
          break
        }
        if lineNumber == 1 || log == nil {
          throw UserFacingError("error: \(path):\(lineNumber): not a Rekindle session record", code: .dataError)
        }
        throw UserFacingError(
          "error: \(path):\(lineNumber):\(error.column): damaged record line: \(error.message)", code: .dataError)
      }
    }
    guard let log else {
      throw UserFacingError("error: \(path): not a Rekindle session record (it is empty)", code: .dataError)
    }
    return log
  }

  /// A line that could not be read: where, and why.
  private struct LineProblem: Error {
    var column: Int
    var message: String
  }

  /// Reads one line into `log`: a header starts a new session, anything else is an entry of it.
  private static func take(_ line: ArraySlice<UInt8>, number: Int, into log: inout SessionLog?) throws(LineProblem) {
    let value: JSONValue
    do {
      value = try line.withUnsafeBufferPointer { bytes throws(JSONSyntaxError) in try JSONValue(parsing: bytes) }
    } catch {
      throw LineProblem(column: error.column, message: error.message)
    }
    do throws(SessionRecordFormat.FormatProblem) {
      if value["format"]?.stringValue == SessionRecordFormat.snapshots {
        let (header, entry) = try SessionRecordFormat.snapshotLine(value)
        if log == nil || entry.input == .start {
          log = SessionLog(format: SessionRecordFormat.snapshots, header: header, entries: [])
        }
        log?.entries.append((number, entry))
        return
      }
      if let header = try SessionRecordFormat.header(value) {
        log = SessionLog(format: SessionRecordFormat.current, header: header, entries: [])
        return
      }
      guard log != nil else { throw SessionRecordFormat.FormatProblem("not a Rekindle session record") }
      log?.entries.append((number, try SessionRecordFormat.entry(value)))
    } catch {
      throw LineProblem(column: 1, message: error.message)
    }
  }

  /// A new session is appended to an existing file only when that file is a session record: a
  /// mistyped `--record notes.txt` must not write into someone's notes (nor make a record that
  /// `--resume` refuses).
  static func refuseForeignFile(_ path: String) throws(UserFacingError) {
    var info = stat()
    guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return }
    let source = try LineSource(path: path)
    var first: [UInt8]?
    do {
      while first == nil, try source.nextLine({ line in if !line.isEmpty { first = Array(line) } }) {}
    } catch let error as UserFacingError {
      throw error
    } catch {
      throw UserFacingError("error: \(path): \(error)", code: .ioError)
    }
    guard var first else { return }
    if first.starts(with: [0xEF, 0xBB, 0xBF]) { first.removeFirst(3) }
    let value = first.withUnsafeBufferPointer { try? JSONValue(parsing: $0) }
    let format = value?["format"]?.stringValue
    if format != SessionRecordFormat.current && format != SessionRecordFormat.snapshots {
      throw UserFacingError(
        "error: \(path):1: exists and is not a Rekindle session record; give --record a new file", code: .dataError)
    }
  }
}
