import DialogueFormat
import LineEditor

/// The files a session at the terminal uses, as chat and practice open them: the record (new, or
/// the resumed one continued) and the readline history.
enum SessionFiles {
  /// The recorder for `--record`/`--resume`: the resumed file itself is continued; another file
  /// first gets the resumed session's events, so it holds the whole session.
  static func recorder(
    record: String?, resume: String?, resumed: SessionLog?, header: SessionRecordFormat.Header,
    redaction: SessionRedaction?
  ) throws(UserFacingError) -> SessionRecorder? {
    guard let path = record ?? resume else { return nil }
    if let resume, let resumed, PrivateFile.sameFile(path, resume) {
      return try SessionRecorder(path: path, header: header, continuing: resumed, redaction: redaction)
    }
    return try SessionRecorder(path: path, header: header, replayed: resumed?.entries.map(\.entry) ?? [], redaction: redaction)
  }

  /// The history file for `--history` (prepared: 0600 in a 0700 folder), or nil with a warning when
  /// it cannot be kept.
  static func historyPath(_ wanted: Bool) -> String? {
    guard wanted else { return nil }
    let path = ReadlineReader.defaultHistoryPath()
    do {
      try ReadlineReader.prepareHistoryFile(path)
      return path
    } catch {
      StandardError.write("rekindle: warning: history not kept: \(error)\n")
      return nil
    }
  }
}
