import Dialogue
import Signals

/// Checks a loaded script as a state machine: reachability, ways out, endings, follow-up limits,
/// transitions that can never be taken, and what the safety rule covers.
struct GraphCheck {
  let script: DialogueScript
  let map: SourceMap

  /// Every finding, in no particular order.
  func run() -> [Diagnostic] {
    var found: [Diagnostic] = []
    let reachable = reachableStates()
    let endings = statesReachingAnEnd()
    let mustSet = VariableFlow(script: script).mustSet()
    let maySet = VariableFlow(script: script).maySet()
    for state in script.states {
      if !reachable.contains(state.id) {
        found.append(
          Diagnostic(
            .unreachableState, "state `\(state.id)` is never reached from `start` (`\(script.start)`)",
            hint: "add a `goto: \(state.id)` where it belongs, or remove the state", at: map.state(state)))
      }
      guard state.kind == .question else { continue }
      let trapped = state.transitions.allSatisfy { $0.goto == state.id }
      if trapped {
        found.append(
          Diagnostic(
            .noWayOut, "state `\(state.id)` has no way out: every transition leads back to it",
            hint: "add a transition that goes to another state", at: map.state(state)))
      } else if !endings.contains(state.id) {
        found.append(
          Diagnostic(
            .noEnd, "no `kind: end` state can be reached from state `\(state.id)`; the conversation cannot finish",
            hint: "add a transition leading toward a `kind: end` state", at: map.state(state)))
      }
      if state.fallbackIndex == nil {
        found.append(
          Diagnostic(
            .noFallback,
            "state `\(state.id)` has no transition without `when`: a reply no guard matches repeats the question, "
              + "and /skip cannot move on",
            hint: "end `transitions` with one that has only a `goto`", at: map.state(state)))
      }
      found += transitionFindings(state, maySet: maySet[state.id] ?? [])
      found += coverage(state, mustSet: mustSet[state.id])
    }
    found += safetyRuleFindings()
    return found
  }

  // MARK: - Transitions

  private func transitionFindings(_ state: DialogueState, maySet: Set<VariableFlow.Assignment>) -> [Diagnostic] {
    var found: [Diagnostic] = []
    var answered: [YesNoAnswer: Int] = [:]  // answers caught by earlier guards testing only `answer`
    for (index, transition) in state.transitions.enumerated() {
      let name = "transition \(index + 1) of state `\(state.id)`"
      let location = map.transition(index, of: state)
      if transition.followUp != nil && transition.retries == nil {
        found.append(
          Diagnostic(
            .unboundedFollowUp,
            "the follow-up of \(name) has no `retries` limit: it is asked again for as long as replies match",
            hint: "add `retries: 1`", at: location))
      }
      if transition.followUp != nil && !transition.set.isEmpty {
        found.append(
          Diagnostic(
            .ignoredSet, "`set` in \(name) is never applied: a transition with `follow_up` moves on without it",
            hint: "move `set` to a transition without `follow_up`", at: location))
      }
      guard let condition = transition.condition else { continue }
      if answered.count == YesNoAnswer.allCases.count {
        let lines = YesNoAnswer.allCases.compactMap { answered[$0] }.sorted().map(String.init)
        found.append(
          Diagnostic(
            .unreachableTransition,
            "\(name) can never be taken: the transitions on lines \(lines.joined(separator: ", ")) already catch "
              + "every answer (yes, no and unclear)",
            hint: "move it before them", at: location))
        continue
      }
      if let answer = Self.onlyAnswer(condition), answered[answer] == nil { answered[answer] = transition.line }
      if let reason = Self.impossibility(condition) {
        found.append(
          Diagnostic(
            .unreachableTransition, "\(name) can never be taken: \(reason)", hint: "fix its `when`", at: location))
        continue
      }
      for (key, value) in condition.vars.sorted(by: { $0.key < $1.key })
      where !maySet.contains(VariableFlow.Assignment(name: key, value: value)) {
        found.append(
          Diagnostic(
            .unreachableTransition,
            "\(name) can never be taken: no path to this state sets `\(key)` to `\(value)`",
            hint: "set `\(key): \"\(value)\"` in an earlier transition, or fix the name or value", at: location))
      }
      if let earlier = state.transitions[..<index].firstIndex(where: { other in
        other.condition.map { GuardOrder.covers($0, condition) } ?? true
      }) {
        let other = state.transitions[earlier]
        found.append(
          Diagnostic(
            .unreachableTransition,
            "\(name) can never be taken: transition \(earlier + 1) (line \(other.line), "
              + "\(GuardLabel.text(other.condition))) matches every reply it would match",
            hint: "put this transition before transition \(earlier + 1), or narrow the earlier `when`", at: location))
      }
    }
    return found
  }

  /// The answer a guard tests when it tests nothing else.
  static func onlyAnswer(_ condition: Guard) -> YesNoAnswer? {
    let onlyAnswer =
      condition.anySignals.isEmpty && condition.allSignals.isEmpty && condition.noneSignals.isEmpty
      && condition.evasive == nil && condition.toneAbove == nil && condition.toneBelow == nil
      && condition.pattern == nil && condition.vars.isEmpty
    return onlyAnswer ? condition.answer : nil
  }

  /// Why a guard can never hold, if it cannot.
  static func impossibility(_ condition: Guard) -> String? {
    if let signal = condition.allSignals.first(where: condition.noneSignals.contains) {
      return "its guard both requires and excludes `\(signal.rawValue)`"
    }
    if !condition.anySignals.isEmpty, condition.anySignals.allSatisfy(condition.noneSignals.contains) {
      return "its guard excludes every signal of `signals.any`"
    }
    return nil
  }

  // MARK: - Safety

  private func coverage(_ state: DialogueState, mustSet: Set<VariableFlow.Assignment>?) -> [Diagnostic] {
    guard let safety = script.safety else {
      return [
        Diagnostic(
          .safetyCoverage,
          "state `\(state.id)` is not covered by a safety rule: a reply about threats, violence or self-harm "
            + "would carry on with the practice",
          hint: "add `safety: { when: { signals: { any: [safety] } }, goto: <a kind: safety state> }`",
          at: map.state(state))
      ]
    }
    guard let mustSet else { return [] }  // never reached: reported as unreachable
    var found: [Diagnostic] = []
    for (key, value) in safety.condition.vars.sorted(by: { $0.key < $1.key })
    where !mustSet.contains(VariableFlow.Assignment(name: key, value: value)) {
      found.append(
        Diagnostic(
          .safetyCoverage,
          "state `\(state.id)` is not covered by the safety rule: it requires `\(key)` to be `\(value)`, "
            + "which not every path to this state sets",
          hint: "remove `vars` from the safety rule's `when`", at: map.state(state)))
    }
    return found
  }

  private func safetyRuleFindings() -> [Diagnostic] {
    guard let safety = script.safety else { return [] }
    let condition = safety.condition
    var found: [Diagnostic] = []
    let triggers = condition.anySignals.contains(.safety) || condition.allSignals.contains(.safety)
    if !triggers {
      found.append(
        Diagnostic(
          .safetyCoverage,
          "the safety rule does not test the `safety` signal, so replies about threats, violence or self-harm "
            + "do not trigger it in any state",
          hint: "use `when: { signals: { any: [safety] } }`", at: map.safety))
    }
    var narrowing: [String] = []
    if condition.allSignals.contains(where: { $0 != .safety }) { narrowing.append("`signals.all`") }
    if !condition.noneSignals.isEmpty { narrowing.append("`signals.none`") }
    if condition.answer != nil { narrowing.append("`answer`") }
    if condition.evasive != nil { narrowing.append("`evasive`") }
    if condition.toneAbove != nil || condition.toneBelow != nil { narrowing.append("`tone`") }
    if condition.pattern != nil { narrowing.append("`matches`") }
    if triggers && !narrowing.isEmpty {
      found.append(
        Diagnostic(
          .safetyCoverage,
          "the safety rule also requires \(narrowing.joined(separator: ", ")): in every state, a safety concern "
            + "that does not meet it carries on with the practice",
          hint: "keep only `signals: { any: [safety] }` in the safety rule", at: map.safety))
    }
    return found
  }

  // MARK: - Reachability

  /// The states reached from `start` by transitions, plus the safety state once any question is reached.
  private func reachableStates() -> Set<String> {
    var seen: Set<String> = [script.start]
    var queue = [script.start]
    while let id = queue.popLast() {
      for transition in script.state(id)?.transitions ?? [] where seen.insert(transition.goto).inserted {
        queue.append(transition.goto)
      }
    }
    if let safety = script.safety, seen.contains(where: { script.state($0)?.kind == .question }) {
      seen.insert(safety.goto)
    }
    return seen
  }

  /// The states from which a `kind: end` state can be reached by transitions (the safety rule aside).
  private func statesReachingAnEnd() -> Set<String> {
    var incoming: [String: [String]] = [:]
    for state in script.states {
      for transition in state.transitions { incoming[transition.goto, default: []].append(state.id) }
    }
    var seen = Set(script.states.filter { $0.kind == .end }.map(\.id))
    var queue = Array(seen)
    while let id = queue.popLast() {
      for source in incoming[id] ?? [] where seen.insert(source).inserted { queue.append(source) }
    }
    return seen
  }
}
