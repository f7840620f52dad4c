import Dialogue
import Foundation

/// One line of a session record (`chat --record FILE`): JSON Lines, one per turn.
///
/// Every line carries the engine snapshot after it, so `chat --resume FILE` can continue from the
/// last whole line, whatever happened to the process after it was written.
struct SessionRecordLine: Codable {
  /// "start", "turn", "back" or "skip".
  var type: String
  var format = "rekindle-record/1"
  var script: String
  var fingerprint: String
  var number: Int
  var state: String?
  var question: String?
  var reply: String?
  var signals: [String]?
  var evasive: Bool?
  var snapshot: DialogueSnapshot
}

/// Appends session record lines to a private file, each in one write, and reports write errors
/// once without stopping the conversation.
final class SessionRecorder {
  let path: String
  private let descriptor: Int32
  private var number = 0
  private var failed = false
  /// With `--redact`: replies (and their evidence) are written with placeholders.
  private let redaction: SessionRedaction?
  private let encoder: JSONEncoder = {
    let e = JSONEncoder()
    e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return e
  }()

  init(path: String, continuingAt number: Int = 0, redaction: SessionRedaction? = nil) throws(UserFacingError) {
    self.redaction = redaction
    self.path = path
    self.number = number
    if number == 0 { try Self.refuseForeignFile(path) }
    descriptor = try PrivateFile.openForAppend(path)
    // A record cut off mid-line (the process was killed while writing) gets its line ended, so
    // the next line starts whole.
    if lseek(descriptor, -1, SEEK_END) >= 0 {
      var last: UInt8 = 0
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      if fd >= 0 {
        if lseek(fd, -1, SEEK_END) >= 0 && read(fd, &last, 1) == 1 && last != 0x0A {
          PrivateFile.writeAll(descriptor, "\n")
        }
        close(fd)
      }
    }
  }

  deinit { close(descriptor) }

  /// A new session is appended to an existing file only when that file is a session record: a
  /// mistyped `--record notes.txt` must not write into someone's notes (nor make a record that
  /// `--resume` refuses).
  static func refuseForeignFile(_ path: String) throws(UserFacingError) {
    var info = stat()
    guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return }
    let source = try LineSource(path: path)
    var first: [UInt8]?
    do {
      while first == nil, try source.nextLine({ line in if !line.isEmpty { first = Array(line) } }) {}
    } catch let error as UserFacingError {
      throw error
    } catch {
      throw UserFacingError("error: \(path): \(error)", code: .ioError)
    }
    if let first, (try? JSONDecoder().decode(SessionRecordLine.self, from: Data(first))) == nil {
      throw UserFacingError(
        "error: \(path):1: exists and is not a Rekindle session record; give --record a new file", code: .dataError)
    }
  }

  /// Writes one line for what just happened; a failure is reported once on standard error.
  func record(_ type: String, engine: DialogueEngine, turn: Turn?) {
    number += 1
    let turn = turn.map { redaction?.turn($0) ?? $0 }
    let snapshot = redaction?.snapshot(engine.snapshot) ?? engine.snapshot
    let line = SessionRecordLine(
      type: type, script: engine.script.title, fingerprint: engine.script.fingerprint, number: number,
      state: turn?.stateID, question: turn?.question, reply: turn?.reply,
      signals: turn.map { $0.analysis.signalIDs.map(\.rawValue) }, evasive: turn?.analysis.evasive,
      snapshot: snapshot)
    do {
      var data = try encoder.encode(line)
      data.append(0x0A)
      let text = String(decoding: data, as: UTF8.self)
      var before = stat()
      let size = fstat(descriptor, &before) == 0 && (before.st_mode & S_IFMT) == S_IFREG ? before.st_size : -1
      if let code = PrivateFile.writeAll(descriptor, text) {
        // A full disk can take part of a line: cut it off again, so the record stays whole lines.
        if size >= 0 { _ = ftruncate(descriptor, size) }
        report(code)
      }
    } catch {
      report(EINVAL)
    }
  }

  private func report(_ code: Int32) {
    guard !failed else { return }
    failed = true
    StandardError.write(
      "rekindle: warning: cannot write the session record \(path): \(String(cString: strerror(code))); the conversation goes on\n")
  }

  /// The snapshot in the last whole line of a record, for `--resume`. A last line cut off by a
  /// crash is removed from the file (with a warning) so the record stays whole; a damaged line
  /// anywhere else is an error.
  static func lastSnapshot(in path: String) throws(UserFacingError) -> (SessionRecordLine, Int) {
    let text = try FileReader.readText(path)
    let decoder = JSONDecoder()
    var last: (SessionRecordLine, Int)?
    var lineNumber = 0
    var offset = 0
    var bad: (line: Int, offset: Int)?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      defer { offset += line.utf8.count + 1 }
      if line.isEmpty { continue }
      if let bad {
        throw UserFacingError("error: \(path):\(bad.line): damaged record line", code: .dataError)
      }
      if let decoded = try? decoder.decode(SessionRecordLine.self, from: Data(line.utf8)) {
        last = (decoded, lineNumber)
      } else {
        bad = (lineNumber, offset)
      }
    }
    guard let last else {
      let at = bad.map { ":\($0.line)" } ?? ""
      throw UserFacingError("error: \(path)\(at): not a Rekindle session record", code: .dataError)
    }
    if let bad {
      StandardError.write(
        "rekindle: warning: \(path):\(bad.line): the last line was cut off (the session was interrupted); dropping it\n")
      if truncate(path, off_t(bad.offset)) != 0 {
        throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError)
      }
    }
    return last
  }
}
