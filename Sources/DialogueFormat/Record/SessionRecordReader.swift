import JSONText
import Signals

extension SessionLog {
  /// Reads a session record (its text as UTF-8 bytes); `file` names it in errors. Pure.
  ///
  /// A leading byte-order mark and CRLF line ends are accepted. Only a last line without its
  /// newline can be a cut-off line: when it does not read, it is left out and reported in
  /// ``cutOff``. A whole line that does not read is an error naming it.
  public init(reading bytes: [UInt8], file: String) throws(SourceError) {
    var bytes = bytes[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    var log: SessionLog?
    var cutOff: (line: Int, offset: Int)?
    var lineNumber = 0
    var offset = bytes.startIndex
    while offset < bytes.endIndex {
      lineNumber += 1
      let newline = bytes[offset...].firstIndex(of: 0x0A)
      let end = newline ?? bytes.endIndex
      var line = bytes[offset..<end]
      let lineStart = offset
      offset = end + 1
      if line.last == 0x0D { line = line.dropLast() }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      do {
        try Self.take(line, number: lineNumber, into: &log)
      } catch {
        if newline == nil {
          cutOff = (lineNumber, lineStart)
          break
        }
        guard log != nil else {
          throw SourceError("not a Rekindle session record", at: SourceLocation(file: file, line: lineNumber, column: 1))
        }
        throw SourceError(
          "damaged record line: \(error.message)", at: SourceLocation(file: file, line: lineNumber, column: error.column))
      }
    }
    guard var log else {
      throw SourceError("not a Rekindle session record (it has no whole line)", at: SourceLocation(file: file, line: 1, column: 1))
    }
    log.cutOff = cutOff
    self = log
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

  /// Whether `firstLine` (the first non-empty line of a file) starts a session record, in either format.
  public static func isRecord(firstLine: [UInt8]) -> Bool {
    var line = firstLine[...]
    if line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
    let value = line.withUnsafeBufferPointer { try? JSONValue(parsing: $0) }
    let format = value?["format"]?.stringValue
    return format == SessionRecordFormat.current || format == SessionRecordFormat.snapshots
  }
}
