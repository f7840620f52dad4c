import Signals

/// A session record as read: the header of its last session and that session's entries, each
/// with the line it came from.
public struct SessionLog: Sendable {
  /// The record's format (``SessionRecordFormat/current`` or the older snapshot format).
  public var format: String
  /// The header of the last session in the file.
  public var header: SessionRecordFormat.Header
  /// That session's entries, with their 1-based line numbers.
  public var entries: [(line: Int, entry: SessionRecordFormat.Entry)]
  /// A last line without its newline that did not read (the process was stopped while writing
  /// it): its number and its byte offset, so the caller can cut it off.
  public var cutOff: (line: Int, offset: Int)?
}
