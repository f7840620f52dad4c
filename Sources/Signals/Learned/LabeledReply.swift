/// One labeled example: a reply, the question it answers, and the signals a reader found in it.
public struct LabeledReply: Sendable, Equatable {
  public var id: String
  public var question: String?
  public var reply: String
  public var signals: Set<SignalID>
  /// Who wrote it (corpus files split by writer); empty when unknown.
  public var writer: String

  public init(id: String, question: String?, reply: String, signals: Set<SignalID>, writer: String = "") {
    self.id = id
    self.question = question
    self.reply = reply
    self.signals = signals
    self.writer = writer
  }
}
