import DialogueFormat
import LineEditor
import Signals

/// The limits that keep memory and time bounded whatever the input, in one place with their reasons.
/// (Each is enforced where its input is read; this is the list.)
enum Limits {
  /// `analyze` reads at most 1 MiB of one line (a reply): analysing takes about 21 bytes per byte
  /// of reply, so a longer line would take memory in proportion to the input. The rest of the
  /// line is read and dropped, and a warning names the line.
  static let analyzedReplyBytes = Analyzer.maximumReplyBytes
  /// A file read whole (a script, a lexicon, a transcript, a session record, a model): 16 MiB.
  static let wholeFileBytes = FileReader.limit
  /// A line typed or piped into `chat` or `practice` is read up to 1 MiB (the rest is dropped
  /// unread into memory)...
  static let chatLineBytes = PlainLineReader.maximumLineBytes
  /// ...and at most 64 KiB of it is kept as a reply (a long letter is 20 KiB): analysing takes
  /// about 21 bytes per byte, and every reply is kept in the engine and written to the record
  /// (read whole on resume, up to 16 MiB: 250 replies of this size). A note says when a line was cut.
  static let replyBytes = 64 * 1024
  /// A lexicon's `expand` line stands for at most 8 words: one short word cannot turn a reply
  /// into millions of tokens.
  static let expansionWords = LexiconDocument.maxExpansionWords
}
