import Foundation

/// Runs `body` on a new thread; `wait()` on the result blocks until it has finished.
func runInBackground(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
  let finished = DispatchSemaphore(value: 0)
  Thread.detachNewThread {
    body()
    finished.signal()
  }
  return finished
}

/// A fresh private directory under the temporary directory.
func makeTemporaryDirectory() -> String {
  var template = Array((NSTemporaryDirectory() + "/LineEditorTests.XXXXXX").utf8CString)
  return template.withUnsafeMutableBufferPointer { buffer in
    guard let base = buffer.baseAddress, let made = mkdtemp(base) else {
      return NSTemporaryDirectory()
    }
    return String(cString: made)
  }
}

/// The permission bits of `path`, or nil if it cannot be examined.
func permissions(of path: String) -> mode_t? {
  var status = stat()
  guard stat(path, &status) == 0 else { return nil }
  return status.st_mode & 0o7777
}
