import Dialogue

/// Which transitions and states of a script a set of rehearsals exercised.
public struct CoverageReport: Sendable {
  /// Every transition of the script, plus the safety rule.
  public var all: [TransitionKey]
  public var covered: Set<TransitionKey>
  /// Question states, and those where a question was asked.
  public var states: [String]
  public var visitedStates: Set<String>

  public init(script: DialogueScript, results: [RehearsalResult]) {
    var all: [TransitionKey] = []
    var states: [String] = []
    for state in script.states where !state.isFinal {
      states.append(state.id)
      for index in state.transitions.indices { all.append(TransitionKey(state: state.id, index: index)) }
    }
    if script.safety != nil { all.append(.safetyRule) }
    self.all = all
    self.states = states
    covered = results.reduce(into: Set<TransitionKey>()) { $0.formUnion($1.transitions) }.intersection(all)
    visitedStates = results.reduce(into: Set<String>()) { $0.formUnion($1.visitedStates) }
  }

  /// The share of transitions taken, 0...100.
  public var percent: Double { all.isEmpty ? 100 : 100 * Double(covered.count) / Double(all.count) }

  /// Transitions never taken, in script order.
  public var missing: [TransitionKey] { all.filter { !covered.contains($0) } }
}
