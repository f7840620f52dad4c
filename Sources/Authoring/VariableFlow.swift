import Dialogue

/// Which variables hold on entry to each state: on every path (`mustSet`) or on some path (`maySet`).
///
/// A transition applies its `set` only when it moves on without a follow-up; a follow-up that runs out,
/// and `/skip` (which takes the transition without `when`), move on without setting anything.
struct VariableFlow {
  /// One variable holding one value.
  struct Assignment: Hashable {
    var name: String
    var value: String
  }

  let script: DialogueScript

  /// For each reachable state, the assignments that hold on every path from `start` to it.
  func mustSet() -> [String: Set<Assignment>] {
    var entry: [String: Set<Assignment>] = [script.start: []]
    var changed = true
    while changed {
      changed = false
      for state in script.states {
        guard let incoming = entry[state.id] else { continue }
        for (target, outgoing) in moves(from: state, incoming: incoming) {
          let merged = entry[target].map { $0.intersection(outgoing) } ?? outgoing
          if entry[target] != merged {
            entry[target] = merged
            changed = true
          }
        }
      }
    }
    return entry
  }

  /// For each reachable state, the assignments that hold on at least one path from `start` to it.
  func maySet() -> [String: Set<Assignment>] {
    var entry: [String: Set<Assignment>] = [script.start: []]
    var changed = true
    while changed {
      changed = false
      for state in script.states {
        guard let incoming = entry[state.id] else { continue }
        for (target, outgoing) in moves(from: state, incoming: incoming) {
          let merged = (entry[target] ?? []).union(outgoing)
          if entry[target] != merged {
            entry[target] = merged
            changed = true
          }
        }
      }
    }
    return entry
  }

  /// The states a question state can move to, each with the assignments holding on arrival.
  private func moves(from state: DialogueState, incoming: Set<Assignment>) -> [(String, Set<Assignment>)] {
    guard state.kind == .question else { return [] }
    var result: [(String, Set<Assignment>)] = []
    for (index, transition) in state.transitions.enumerated() {
      if transition.followUp == nil && !transition.set.isEmpty {
        var outgoing = incoming.filter { transition.set[$0.name] == nil }
        for (name, value) in transition.set { outgoing.insert(Assignment(name: name, value: value)) }
        result.append((transition.goto, outgoing))
        if index == state.fallbackIndex { result.append((transition.goto, incoming)) }  // `/skip`
      } else {
        result.append((transition.goto, incoming))
      }
    }
    return result
  }
}
