import Dialogue
import Signals

/// Whether one guard matches every reply another one matches (so a later transition is shadowed).
///
/// Conservative: it answers true only when that follows from the guards' parts alone, whatever the
/// analyzer says about a reply.
enum GuardOrder {
  /// True when every reply (and set of variables) matching `later` also matches `earlier`.
  static func covers(_ earlier: Guard, _ later: Guard) -> Bool {
    // Signals `later` guarantees: all of `all`, and the single `any` when there is only one.
    var certain = Set(later.allSignals)
    if later.anySignals.count == 1 { certain.formUnion(later.anySignals) }
    if !earlier.anySignals.isEmpty {
      let implied =
        earlier.anySignals.contains(where: certain.contains)
        || (!later.anySignals.isEmpty && later.anySignals.allSatisfy(earlier.anySignals.contains))
      if !implied { return false }
    }
    guard Set(earlier.allSignals).isSubset(of: certain) else { return false }
    guard Set(earlier.noneSignals).isSubset(of: later.noneSignals) else { return false }
    if let answer = earlier.answer, later.answer != answer { return false }
    if let evasive = earlier.evasive, later.evasive != evasive { return false }
    if let above = earlier.toneAbove {
      guard let other = later.toneAbove, other >= above else { return false }
    }
    if let below = earlier.toneBelow {
      guard let other = later.toneBelow, other <= below else { return false }
    }
    if let pattern = earlier.pattern, later.pattern != pattern { return false }
    return earlier.vars.allSatisfy { later.vars[$0.key] == $0.value }
  }
}
