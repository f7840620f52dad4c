extension DialogueEngine {
  /// Where a conversation stands.
  public enum Phase: Sendable, Equatable, Codable {
    /// `start()` has not been called yet.
    case notStarted
    /// The question of this state (or its pending follow-up) waits for a reply.
    case awaitingReply(String)
    /// The conversation is over.
    case ended(EndReason)
  }
}
