#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Files Rekindle writes hold private words: they are created mode 0600, in directories created 0700.
enum PrivateFile {
  /// Opens `path` for appending (creating it 0600), returning the descriptor. Never follows a
  /// symbolic link; refuses a FIFO or socket (opening one would wait for a reader) and the file
  /// that is this process's own standard input or output.
  static func openForAppend(_ path: String) throws(UserFacingError) -> Int32 {
    let created = try createParentDirectories(of: path)
    if let folder = created.last {
      StandardError.write("rekindle: note: created the folder \(folder) (readable only by you) for \(path)\n")
    }
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o600)
    if fd < 0 {
      let code = errno
      if code == ELOOP {
        throw UserFacingError("error: \(path): is a symbolic link; give the file itself", code: .cantCreate)
      }
      if code == ENXIO {
        throw UserFacingError("error: \(path): is a FIFO or socket, not a file", code: .cantCreate)
      }
      throw UserFacingError("error: \(path): \(String(cString: strerror(code)))", code: code == ENOENT ? .noInput : .ioError)
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return fd }
    let type = info.st_mode & S_IFMT
    if type == S_IFIFO || type == S_IFSOCK {
      close(fd)
      throw UserFacingError("error: \(path): is a FIFO or socket, not a file", code: .cantCreate)
    }
    for standard: Int32 in [0, 1] {
      var other = stat()
      if fstat(standard, &other) == 0 && other.st_dev == info.st_dev && other.st_ino == info.st_ino && type == S_IFREG {
        close(fd)
        throw UserFacingError(
          "error: \(path): is this program's standard \(standard == 0 ? "input" : "output"); give another file",
          code: .cantCreate)
      }
    }
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    if type == S_IFREG {
      _ = fchmod(fd, 0o600)  // also when it existed with wider permissions, or the umask was 0
    }
    return fd
  }

  /// Writes `text` to `path` with mode 0600.
  ///
  /// A new file, or an existing regular one when `replacing` is true, is written beside it and
  /// renamed into place, so a crash or a full disk never leaves a half-written file where the old
  /// one was. A symbolic link is never followed, and an existing regular file is never replaced
  /// unless `replacing` (the caller asks first). A device (such as /dev/null) is written in place
  /// and its mode left alone. Missing parent directories are created 0700; `created` lists them.
  @discardableResult
  static func write(_ text: String, to path: String, replacing: Bool) throws(UserFacingError) -> [String] {
    var info = stat()
    if lstat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFLNK:
        throw UserFacingError("error: \(path): is a symbolic link; not followed", code: .cantCreate)
      case S_IFDIR:
        throw UserFacingError("error: \(path): is a directory", code: .cantCreate)
      case S_IFCHR:
        return try writeInPlace(text, to: path)
      case S_IFREG:
        if !replacing { throw UserFacingError("error: \(path): already exists; not replaced", code: .cantCreate) }
      default:
        throw UserFacingError("error: \(path): exists and is not a regular file; not replaced", code: .cantCreate)
      }
    }
    let created = try createParentDirectories(of: path)
    do {
      try write(bytes: Array(text.utf8), to: path, force: replacing)
    } catch {
      removeDirectories(created)
      throw error
    }
    return created
  }

  /// Writes to a device in place (its mode is not ours to change).
  private static func writeInPlace(_ text: String, to path: String) throws(UserFacingError) -> [String] {
    let fd = open(path, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
    if fd < 0 { throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError) }
    defer { close(fd) }
    if let failure = writeAll(fd, text) {
      throw UserFacingError("error: \(path): \(String(cString: strerror(failure)))", code: .ioError)
    }
    return []
  }

  /// Whether `path` is an existing regular file (not following a symbolic link).
  static func isRegularFile(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
  }

  /// Refuses `path` when something already exists there (unless `force`) or when it is a symbolic
  /// link, a directory or a device: checked before long work, so nothing is lost at the end.
  static func checkCanCreate(_ path: String, force: Bool) throws(UserFacingError) {
    var info = stat()
    guard lstat(path, &info) == 0 else { return }
    if (info.st_mode & S_IFMT) != S_IFREG {
      throw UserFacingError("error: \(path): exists and is not a regular file; not replaced", code: .cantCreate)
    }
    if !force {
      throw UserFacingError("error: \(path): already exists; use --force to replace it", code: .cantCreate)
    }
  }

  /// Writes `bytes` to a new file `path` (mode 0600): into a temporary file beside it, synced, then
  /// renamed into place, so no half-written file is ever seen. Never follows a symbolic link;
  /// replaces an existing regular file only with `force`.
  static func write(bytes: [UInt8], to path: String, force: Bool) throws(UserFacingError) {
    try checkCanCreate(path, force: force)
    let temporary = path + ".rekindle-\(getpid()).tmp"
    let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    if fd < 0 {
      let code = errno
      throw UserFacingError(
        "error: \(path): \(code == ENOENT ? "its folder does not exist" : String(cString: strerror(code)))",
        code: code == ENOENT ? .cantCreate : .ioError)
    }
    _ = fchmod(fd, 0o600)
    var failure = bytes.withUnsafeBufferPointer { writeAll(fd, $0) }
    if failure == nil && fsync(fd) != 0 { failure = errno }
    close(fd)
    if failure == nil {
      // Checked again just before the rename: a file that appeared meanwhile is not replaced unasked.
      var info = stat()
      if !force && lstat(path, &info) == 0 { failure = EEXIST }
    }
    if failure == nil && rename(temporary, path) != 0 { failure = errno }
    guard let failure else { return }
    unlink(temporary)
    throw UserFacingError("error: \(path): \(String(cString: strerror(failure)))", code: .ioError)
  }

  /// Writes every byte of `text` in as few calls as possible; returns errno on failure.
  @discardableResult
  static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var copy = text
    return copy.withUTF8 { writeAll(fd, $0) }
  }

  /// Writes every byte of `bytes`, retrying after interrupts; returns errno on failure.
  static func writeAll(_ fd: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    var offset = 0
    while offset < bytes.count {
      let n = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      if n == 0 { return EIO }
      offset += n
    }
    return nil
  }


  /// Whether two paths name the same existing file (or the same path, when neither exists).
  static func sameFile(_ a: String, _ b: String) -> Bool {
    var x = stat()
    var y = stat()
    guard stat(a, &x) == 0, stat(b, &y) == 0 else { return a == b }
    return x.st_dev == y.st_dev && x.st_ino == y.st_ino
  }

  /// Creates the missing parent directories of `path` with mode 0700.
  @discardableResult
  static func createParentDirectories(of path: String) throws(UserFacingError) -> [String] {
    var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    components.removeLast()
    var current = path.hasPrefix("/") ? "" : "."
    var created: [String] = []
    for component in components where !component.isEmpty {
      current += "/" + component
      if mkdir(current, 0o700) == 0 {
        created.append(current)
      } else if errno != EEXIST {
        let code = errno
        removeDirectories(created)
        throw UserFacingError("error: \(current): \(String(cString: strerror(code)))", code: .ioError)
      }
    }
    return created
  }

  /// Removes directories this process just created (deepest first), when what they were for failed.
  static func removeDirectories(_ created: [String]) {
    for directory in created.reversed() { rmdir(directory) }
  }
}
