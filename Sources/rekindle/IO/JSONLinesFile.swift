import JSONText

/// Reads a JSON Lines file of labeled data one object at a time, with `FILE:LINE:COL` errors: lines
/// over 1 MiB and lines that are not a JSON object are errors naming their place; blank lines are skipped.
enum JSONLinesFile {
  /// Calls `body` with each object of `path` and its `FILE:LINE` location, in order.
  static func forEachObject(in path: String, _ body: (JSONObjectLine, _ location: String) throws -> Void) throws {
    let source = try LineSource(path: path)
    source.maxLineBytes = Limits.analyzedReplyBytes
    while try source.nextLine({ line in
      let location = "\(source.name):\(source.lineNumber)"
      if source.lastLineLength > Limits.analyzedReplyBytes {
        throw UserFacingError("\(location):1: error: the line is over the 1 MiB limit", code: .dataError)
      }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
      do {
        try body(try JSONObjectLine(parsing: line), location)
      } catch let error as JSONSyntaxError {
        throw UserFacingError("\(location):\(error.column): error: \(error.message)", code: .dataError)
      }
    }) {}
  }
}
