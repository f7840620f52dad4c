/// Reusable buffers for analyzing many replies without allocating for each one.
///
/// Keep one per thread and pass it to ``Analyzer/analyze(_:question:workspace:)``.
public struct AnalysisWorkspace {
  var tokens: [Token] = []
  var questionTokens: [Token] = []
  var scratch: [UInt8] = []
  var matches: [PatternMatch] = []
  var present: [UInt64] = []
  var viable: [UInt64] = []
  var candidates: [Int32] = []
  var rules = RuleScratch()
  var features = ReplyFeatures()
  var characterRows = CharacterRowCache()

  public init() {
    tokens.reserveCapacity(256)
    scratch.reserveCapacity(64)
    matches.reserveCapacity(64)
  }
}

/// Per-reply buffers of the rule evaluation, kept in the workspace between replies.
struct RuleScratch {
  var sentence: [Int32] = []
  var firstContrast: [Int32] = []
  var lastContrast: [Int32] = []
  var startsWithContrast: [Bool] = []
  var filler: [Bool] = []
  var masks: [(Int32, Int32)] = []
  var thirdPartySentences: [Int32] = []
  var echoQuestion: [Bool] = []
  var maskReach: [Int32] = []
  var thirdPartySet: Set<Int32> = []
  var contributions: [(SignalID, PatternMatch, Double)] = []
}

/// A note per signal explaining a rule's effect (at most one each), without a dictionary.
struct SignalNotes {
  private var notes: [String?] = []

  subscript(id: SignalID) -> String? {
    get { notes.isEmpty ? nil : notes[id.order] }
    set {
      if notes.isEmpty { notes = [String?](repeating: nil, count: 15) }
      notes[id.order] = newValue
    }
  }
}
