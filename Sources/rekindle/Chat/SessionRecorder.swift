#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Dialogue
import DialogueFormat

/// Appends a session's events to its record file, one line per event in one write each, and reports
/// write errors once without stopping the conversation.
///
/// The file is opened without following a symbolic link, locked so that a second `rekindle` cannot
/// interleave its lines, and kept mode 0600.
final class SessionRecorder {
  let path: String
  private let descriptor: Int32
  private var failed = false
  /// With `--redact`: replies are written with placeholders.
  private let redaction: SessionRedaction?

  /// Opens `path` to record a session described by `header`.
  ///
  /// - `continuing`: the record being resumed, when it is this same file: new events are appended
  ///   to it (a record in the older snapshot format is first rewritten as an event log).
  /// - `replayed`: the events of a resumed session written to a new file first, so that file holds
  ///   the whole session.
  init(
    path: String, header: SessionRecordFormat.Header, continuing: SessionLog? = nil,
    replayed: [SessionRecordFormat.Entry] = [], redaction: SessionRedaction?
  ) throws(UserFacingError) {
    self.path = path
    self.redaction = redaction
    if let continuing, continuing.format == SessionRecordFormat.snapshots {
      // Rewritten whole, beside it and renamed into place: never half old, half new.
      var text = SessionRecordFormat.line(continuing.header) + "\n"
      for entry in continuing.entries { text += SessionRecordFormat.line(entry.entry) + "\n" }
      try PrivateFile.write(bytes: Array(text.utf8), to: path, force: true)
      StandardError.write(
        "rekindle: note: \(path): rewritten in the current record format (\(SessionRecordFormat.current))\n")
    } else if continuing == nil {
      try SessionRecordReader.refuseForeignFile(path)
    }
    descriptor = try PrivateFile.openForAppend(path)
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 && (errno == EWOULDBLOCK || errno == EAGAIN) {
      close(descriptor)
      throw UserFacingError(
        "error: \(path): another rekindle is recording to this file; give --record another file", code: .cantCreate)
    }
    endCutOffLine()
    if continuing == nil {
      write(SessionRecordFormat.line(header))
      for entry in replayed { write(SessionRecordFormat.line(entry)) }
    }
  }

  deinit { close(descriptor) }

  /// Records what she just did and the events it brought.
  func record(_ input: DialogueInput, events: [DialogueEvent]) {
    record(input, signals: events.flaggedSignals)
  }

  /// Records what she did, with the signals a reply showed (nil: not written, as in a practice).
  func record(_ input: DialogueInput, signals: [String]?) {
    var entry = SessionRecordFormat.Entry(input: input, signals: nil)
    if case .reply(let text, let check) = input {
      entry.input = .reply(redaction?.text(text) ?? text, safetyCheck: check)
      entry.signals = signals
    }
    if case .note(let text) = input { entry.input = .note(redaction?.text(text) ?? text) }
    write(SessionRecordFormat.line(entry))
  }

  /// A record cut off mid-line (the process was killed while writing) gets its line ended, so the
  /// next line starts whole.
  private func endCutOffLine() {
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return }
    var last: UInt8 = 0
    if pread(descriptor, &last, 1, off_t(info.st_size - 1)) == 1 && last != 0x0A {
      PrivateFile.writeAll(descriptor, "\n")
    }
  }

  /// Appends one line in one write; a failure is reported once on standard error.
  private func write(_ line: String) {
    var before = stat()
    let size = fstat(descriptor, &before) == 0 && (before.st_mode & S_IFMT) == S_IFREG ? before.st_size : -1
    if let code = PrivateFile.writeAll(descriptor, line + "\n") {
      // A full disk can take part of a line: cut it off again, so the record stays whole lines.
      if size >= 0 { _ = ftruncate(descriptor, size) }
      guard !failed else { return }
      failed = true
      StandardError.write(
        "rekindle: warning: cannot write the session record \(path): \(String(cString: strerror(code))); the conversation goes on\n"
      )
    }
  }
}

extension [DialogueEvent] {
  /// The ids of the signals flagged in these events' reply (empty when it showed none).
  var flaggedSignals: [String] {
    for event in self { if case .flags(_, let analysis) = event { return analysis.signalIDs.map(\.rawValue) } }
    return []
  }
}
