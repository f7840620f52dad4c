import Dialogue
import Signals

/// Short readable text for a guard, used in graph edges and lint messages ("rebound", "answer no, vars").
enum GuardLabel {
  /// The guard as a short phrase; "otherwise" for a transition without `when`.
  /// - Parameter patterns: whether to show a `matches` pattern itself (messages) or just "matches pattern" (graphs).
  static func text(_ condition: Guard?, patterns: Bool = false) -> String {
    guard let condition else { return "otherwise" }
    var parts: [String] = []
    if !condition.anySignals.isEmpty { parts.append(names(condition.anySignals).joined(separator: " or ")) }
    if !condition.allSignals.isEmpty { parts.append(names(condition.allSignals).joined(separator: " and ")) }
    if !condition.noneSignals.isEmpty { parts.append("no " + names(condition.noneSignals).joined(separator: " or ")) }
    if let answer = condition.answer { parts.append("answer \(answer.rawValue)") }
    if let evasive = condition.evasive { parts.append(evasive ? "evasive" : "not evasive") }
    if let above = condition.toneAbove { parts.append("tone > \(number(above))") }
    if let below = condition.toneBelow { parts.append("tone < \(number(below))") }
    if let pattern = condition.pattern { parts.append(patterns ? "matches /\(pattern.source)/" : "matches pattern") }
    for key in condition.vars.keys.sorted() { parts.append("\(key) = \(condition.vars[key] ?? "")") }
    return parts.joined(separator: ", ")
  }

  /// A transition's label in a graph: its guard, with "↻N" when it first asks a follow-up (up to N times;
  /// "↻∞" without a limit).
  static func edge(_ transition: Transition) -> String {
    var label = text(transition.condition)
    if transition.followUp != nil {
      label += " ↻" + (transition.retries.map(String.init) ?? "∞")
    }
    return label
  }

  private static func names(_ signals: [SignalID]) -> [String] { signals.map(\.rawValue) }

  /// "0.2", "-0.5", "1".
  static func number(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
  }
}
