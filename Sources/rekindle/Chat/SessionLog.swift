/// A session record as read from its file: the header of its last session and that session's
/// entries, each with the line it came from.
struct SessionLog {
  /// The record's format (``SessionRecordFormat/current`` or the older snapshot format).
  var format: String
  var header: SessionRecordFormat.Header
  var entries: [(line: Int, entry: SessionRecordFormat.Entry)]
}
