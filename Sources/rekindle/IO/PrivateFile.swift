#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// Files Rekindle writes hold private words: they are created mode 0600, in directories created 0700.
enum PrivateFile {
  /// Opens `path` for appending (creating it 0600), returning the descriptor.
  static func openForAppend(_ path: String) throws(UserFacingError) -> Int32 {
    try createParentDirectories(of: path)
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
    if fd < 0 {
      throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: errno == ENOENT ? .noInput : .ioError)
    }
    var info = stat()
    if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG {
      _ = fchmod(fd, 0o600)  // also when it existed with wider permissions, or the umask was 0
    }
    return fd
  }

  /// Writes `text` to `path`, replacing it, with mode 0600.
  static func write(_ text: String, to path: String) throws(UserFacingError) {
    try createParentDirectories(of: path)
    let fd = open(path, O_WRONLY | O_TRUNC | O_CREAT | O_CLOEXEC, 0o600)
    if fd < 0 { throw UserFacingError("error: \(path): \(String(cString: strerror(errno)))", code: .ioError) }
    defer { close(fd) }
    _ = fchmod(fd, 0o600)
    if let failure = writeAll(fd, text) {
      throw UserFacingError("error: \(path): \(String(cString: strerror(failure)))", code: .ioError)
    }
  }

  /// Writes every byte of `text` in as few calls as possible; returns errno on failure.
  @discardableResult
  static func writeAll(_ fd: Int32, _ text: String) -> Int32? {
    var copy = text
    return copy.withUTF8 { bytes -> Int32? in
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
