/// The default human-readable reason for each signal.
enum SignalReasons {
  static func reason(for id: SignalID) -> String {
    switch id {
    case .coldness: return "distant, curt or dismissive"
    case .blame: return "puts the fault on you"
    case .doubt: return "unsure about coming back or about their own feelings"
    case .pressure: return "rushes you, or keeps the power to decide"
    case .selfFocus: return "wants you back mainly for their own needs"
    case .rebound: return "came back after someone else, or is still attached to them"
    case .minimizing: return "brushes the hurt off or wants to skip the talk"
    case .openness: return "honest and open, willing to tell everything"
    case .remorse: return "regret or apology for what they did"
    case .patience: return "willing to wait and earn trust over time"
    case .givesPowerBack: return "leaves the decision with you"
    case .empathy: return "understands your pain"
    case .fearOfLoss: return "afraid of losing you or of another breakup"
    case .growth: return "has learned or is working on themselves"
    case .safety: return "words about threats, violence, control, stalking or self-harm"
    }
  }
}
