#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Files Rekindle writes hold private words: they are created mode 0600, in directories created 0700.
enum PrivateFile {
  /// Opens `path` for appending (creating it 0600), returning the descriptor. Never follows a
  /// symbolic link; refuses a FIFO or socket (opening one would wait for a reader) and the file
  /// that is this process's own standard input or output.
  static func openForAppend(_ path: String) throws(UserFacingError) -> Int32 {
    try createParentDirectories(of: path)
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

  /// Writes `text` to `path`, replacing it, with mode 0600.
  ///
  /// A new file, or a plain existing one, is written beside it and renamed into place, so a crash
  /// or a full disk never leaves a half-written file where the old one was. Anything else (a
  /// device such as /dev/full, a symbolic or hard link, a file you may not write) is written in place.
  static func write(_ text: String, to path: String) throws(UserFacingError) {
    try createParentDirectories(of: path)
    var info = stat()
    let exists = lstat(path, &info) == 0
    if !exists || ((info.st_mode & S_IFMT) == S_IFREG && info.st_nlink == 1 && access(path, W_OK) == 0) {
      let temporary = path + ".rekindle-\(getpid())"
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      if fd >= 0 {
        _ = fchmod(fd, 0o600)
        var failure = writeAll(fd, text)
        if failure == nil && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        guard let failure else { return }
        unlink(temporary)
        throw UserFacingError("error: \(path): \(String(cString: strerror(failure)))", code: .ioError)
      }
      // No file can be made beside it (say, a directory that is not writable): write in place.
    }
    let fd = open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0o600)
    if fd < 0 { throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError) }
    defer { close(fd) }
    // Only a regular file is made private: `/save /dev/null` run as root must not change the device.
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG { _ = fchmod(fd, 0o600) }
    if let failure = writeAll(fd, text) {
      throw UserFacingError("error: \(path): \(String(cString: strerror(failure)))", code: .ioError)
    }
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
      throw UserFacingError("error: \(temporary): \(String(cString: strerror(errno)))", code: errno == ENOENT ? .cantCreate : .ioError)
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
  static func createParentDirectories(of path: String) throws(UserFacingError) {
    var components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    components.removeLast()
    var current = path.hasPrefix("/") ? "" : "."
    for component in components where !component.isEmpty {
      current += "/" + component
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw UserFacingError("error: \(current): \(String(cString: strerror(errno)))", code: .ioError)
      }
    }
  }
}
