import DialogueFormat
import LineEditor
import Signals

/// The limits that keep memory and time bounded whatever the input, in one place with their reasons.
/// (Each is enforced where its input is read; this is the list.)
enum Limits {
  /// `analyze` reads at most 1 MiB of one line (a reply): analysing takes about 21 bytes per byte
  /// of reply, so a longer line would take memory in proportion to the input. The rest of the
  /// line is read and dropped, and a warning names the line.
  static let analyzedReplyBytes = 1 << 20
  /// A file read whole (a script, a lexicon, a transcript, a session record, a model): 16 MiB.
  static let wholeFileBytes = FileReader.limit
  /// A line typed or piped into `chat`: 16 MiB (the rest is dropped).
  static let chatLineBytes = PlainLineReader.maximumLineBytes
  /// A lexicon's `expand` line stands for at most 8 words: one short word cannot turn a reply
  /// into millions of tokens.
  static let expansionWords = LexiconDocument.maxExpansionWords
}
