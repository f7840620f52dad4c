/// One of the fifteen signals of the taxonomy (shared/TAXONOMY.md v1).
public enum SignalID: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
  // Caution signs.
  case coldness, blame, doubt, pressure
  case selfFocus = "self_focus"
  case rebound, minimizing
  // Hopeful signs.
  case openness, remorse, patience
  case givesPowerBack = "gives_power_back"
  case empathy
  case fearOfLoss = "fear_of_loss"
  case growth
  // Step out of the script.
  case safety

  /// Whether a signal is a hopeful sign, a caution sign or a safety concern.
  public enum Kind: String, Sendable, Codable {
    case hopeful, caution, safety
  }

  /// The group the signal belongs to.
  public var kind: Kind {
    switch self {
    case .coldness, .blame, .doubt, .pressure, .selfFocus, .rebound, .minimizing: return .caution
    case .openness, .remorse, .patience, .givesPowerBack, .empathy, .fearOfLoss, .growth: return .hopeful
    case .safety: return .safety
    }
  }

  /// A short human-readable label ("gives the decision back").
  public var label: String {
    switch self {
    case .coldness: return "cold or distant"
    case .blame: return "blames you"
    case .doubt: return "doubt"
    case .pressure: return "pressure"
    case .selfFocus: return "own needs first"
    case .rebound: return "rebound"
    case .minimizing: return "minimizing"
    case .openness: return "openness"
    case .remorse: return "remorse"
    case .patience: return "patience"
    case .givesPowerBack: return "gives the decision back"
    case .empathy: return "empathy"
    case .fearOfLoss: return "afraid of losing you"
    case .growth: return "growth"
    case .safety: return "safety concern"
    }
  }

  /// The order the taxonomy lists signals in.
  public var order: Int {
    switch self {
    case .coldness: return 0
    case .blame: return 1
    case .doubt: return 2
    case .pressure: return 3
    case .selfFocus: return 4
    case .rebound: return 5
    case .minimizing: return 6
    case .openness: return 7
    case .remorse: return 8
    case .patience: return 9
    case .givesPowerBack: return 10
    case .empathy: return 11
    case .fearOfLoss: return 12
    case .growth: return 13
    case .safety: return 14
    }
  }

  /// Every signal in taxonomy order, allocated once.
  public static let ordered: [SignalID] = allCases

  public static func < (lhs: SignalID, rhs: SignalID) -> Bool { lhs.order < rhs.order }
}
