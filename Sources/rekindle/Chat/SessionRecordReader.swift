#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import DialogueFormat

/// Reads session records for `chat --resume`, in the current event-log format and in the older
/// snapshot format.
enum SessionRecordReader {
  /// The last session in the record at `path`. A last line cut off by a crash is removed from the
  /// file with a warning; a whole line that does not read is an error naming it, and nothing is
  /// deleted then.
  static func read(_ path: String) throws(UserFacingError) -> SessionLog {
    let bytes = Array(try FileReader.readText(path).utf8)
    let log: SessionLog
    do {
      log = try SessionLog(reading: bytes, file: path)
    } catch {
      throw UserFacingError(error.description, code: .dataError)
    }
    if let cut = log.cutOff {
      StandardError.write(
        "rekindle: warning: \(path):\(cut.line): the last line was cut off (the session was interrupted); dropping it\n")
      if truncate(path, off_t(cut.offset)) != 0 {
        throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError)
      }
    }
    return log
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
    guard let first else { return }
    if !SessionLog.isRecord(firstLine: first) {
      throw UserFacingError(
        "error: \(path):1: exists and is not a Rekindle session record; give --record a new file", code: .dataError)
    }
  }
}
