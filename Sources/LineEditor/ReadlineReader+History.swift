@preconcurrency import CReadline
import Glibc

extension ReadlineReader {
  // MARK: - History

  /// Adds `line` to the session history and, with a history file, appends it there too.
  ///
  /// Blank lines and a repeat of the previous entry are skipped. The file is created with mode
  /// 0600 if missing and cut to its last `historyLimit` lines; failures are kept in
  /// `historyFileError`.
  ///
  /// - Parameter line: The line to remember.
  public func addHistory(_ line: String) {
    guard !line.allSatisfy(\.isWhitespace), line != Self.lastHistoryEntry else { return }
    add_history(line)
    guard let historyFile else { return }
    do {
      try Self.openPrivateFile(historyFile)
    } catch let error as HistoryFileError {
      historyFileError = error
      return
    } catch {
      return
    }
    let appended = append_history(1, historyFile)
    if appended != 0 {
      historyFileError = HistoryFileError(path: historyFile, operation: "append to", code: appended)
      return
    }
    let truncated = history_truncate_file(historyFile, Self.historyLimit)
    if truncated != 0 {
      historyFileError = HistoryFileError(path: historyFile, operation: "truncate", code: truncated)
    }
  }

  /// Starts the session history afresh, from the history file if there is one.
  func loadHistory() {
    using_history()
    clear_history()
    stifle_history(Self.historyLimit)
    guard let historyFile else { return }
    do {
      try Self.prepareHistoryFile(historyFile)
    } catch let error as HistoryFileError {
      historyFileError = error
      return
    } catch {
      return
    }
    let status = read_history(historyFile)
    if status != 0 && status != ENOENT {
      historyFileError = HistoryFileError(path: historyFile, operation: "read", code: status)
    }
  }

  /// The newest history entry, if any.
  private static var lastHistoryEntry: String? {
    guard history_length > 0, let entry = history_get(history_base + history_length - 1),
      let text = entry.pointee.line
    else { return nil }
    return String(cString: text)
  }

  // MARK: - History file

  /// The history file's usual place: `$XDG_STATE_HOME/rekindle/history`, or
  /// `~/.local/state/rekindle/history` when that variable is unset or not absolute.
  ///
  /// Nothing is created; see `prepareHistoryFile(_:)`.
  ///
  /// - Returns: The path (relative, `.rekindle_history`, only if no home directory is known).
  public static func defaultHistoryPath() -> String {
    defaultHistoryPath(
      environment: { name in getenv(name).map { String(cString: $0) } }, home: userHome)
  }

  /// The history file's usual place, given how to look up environment variables and the home
  /// directory (for tests).
  static func defaultHistoryPath(environment: (String) -> String?, home: () -> String?) -> String {
    if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") {
      return joined(state, "rekindle/history")
    }
    if let home = environment("HOME").flatMap({ $0.isEmpty ? nil : $0 }) ?? home() {
      return joined(home, ".local/state/rekindle/history")
    }
    return ".rekindle_history"
  }

  /// Creates the history file's missing directories (mode 0700) and the file itself (mode
  /// 0600, whatever the umask), and makes an existing regular file mode 0600.
  ///
  /// - Parameter path: The history file.
  /// - Throws: `HistoryFileError` when a directory or the file cannot be created or secured.
  public static func prepareHistoryFile(_ path: String) throws {
    guard !path.isEmpty else {
      throw HistoryFileError(path: path, operation: "use", code: ENOENT)
    }
    try createDirectories(containing: path)
    try openPrivateFile(path)
  }

  /// Creates each missing directory above `path`, mode 0700.
  private static func createDirectories(containing path: String) throws {
    let components = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
    var directory = path.hasPrefix("/") ? "/" : ""
    for component in components {
      directory += component
      if mkdir(directory, 0o700) == 0 {
        // mkdir honours the umask; make the mode exact.
        guard chmod(directory, 0o700) == 0 else {
          throw HistoryFileError(path: directory, operation: "secure directory", code: errno)
        }
      } else if errno != EEXIST {
        throw HistoryFileError(path: directory, operation: "create directory", code: errno)
      }
      directory += "/"
    }
  }

  /// Creates `path` with mode 0600 if missing, and makes a regular file mode 0600. Refuses a
  /// symbolic link (readline would write through it) and a FIFO or socket (opening one waits for
  /// a reader; reading one never ends).
  static func openPrivateFile(_ path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      let code = errno
      let reason =
        code == ELOOP ? "it is a symbolic link; give the file itself" : code == ENXIO ? "it is a FIFO or socket, not a file" : nil
      throw HistoryFileError(path: path, operation: reason == nil ? "create" : "use", code: code, reason: reason)
    }
    defer { Glibc.close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw HistoryFileError(path: path, operation: "inspect", code: errno)
    }
    let type = status.st_mode & S_IFMT
    if type == S_IFIFO || type == S_IFSOCK {
      throw HistoryFileError(path: path, operation: "use", code: EINVAL, reason: "it is a FIFO or socket, not a file")
    }
    // Leave devices such as /dev/null alone: only a regular file is ours to secure.
    guard type == S_IFREG, status.st_mode & 0o7777 != 0o600 else { return }
    guard fchmod(descriptor, 0o600) == 0 else {
      throw HistoryFileError(path: path, operation: "secure", code: errno)
    }
  }

  /// The home directory from the password database.
  private static func userHome() -> String? {
    guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
    let home = String(cString: directory)
    return home.isEmpty ? nil : home
  }

  /// `base` and `relative` joined by one slash.
  private static func joined(_ base: String, _ relative: String) -> String {
    base.hasSuffix("/") ? base + relative : base + "/" + relative
  }
}

extension ReadlineReader {
  /// The session history, oldest first (for tests).
  static var sessionHistory: [String] {
    (0..<history_length).compactMap { offset in
      history_get(history_base + offset)?.pointee.line.map { String(cString: $0) }
    }
  }
}
