/// The rule a ``Diagnostic`` comes from; the raw value is the id shown in brackets and in JSON.
public enum LintRule: String, Sendable, CaseIterable, Equatable, Hashable {
  /// The text is not valid YAML, or is too large or deep to read.
  case syntax
  /// A key the format does not know (with a did-you-mean).
  case unknownKey = "unknown-key"
  /// A required key is missing.
  case missingKey = "missing-key"
  /// The same key twice in one mapping.
  case duplicateKey = "duplicate-key"
  /// A value of the wrong type, out of range, or not one of the allowed words.
  case wrongType = "wrong-type"
  /// A signal id that is not in the taxonomy.
  case unknownSignal = "unknown-signal"
  /// A `goto` or `start` naming a state that does not exist.
  case unknownState = "unknown-state"
  /// Another structural problem the loader rejects (for example `retries` without `follow_up`).
  case structure
  /// A transition that can never be taken: an earlier one always matches first, or its guard cannot hold.
  case unreachableTransition = "unreachable-transition"
  /// A state that no path from `start` reaches.
  case unreachableState = "unreachable-state"
  /// A question state from which no `kind: end` state can be reached.
  case noEnd = "no-end"
  /// A question state whose every transition leads back to itself.
  case noWayOut = "no-way-out"
  /// A question state without an unconditional transition: an unmatched reply repeats the question.
  case noFallback = "no-fallback"
  /// A follow-up without `retries`: it can be asked again and again.
  case unboundedFollowUp = "unbounded-follow-up"
  /// `set` on a transition with a `follow_up`, which the engine never applies.
  case ignoredSet = "ignored-set"
  /// A question state the safety rule does not protect.
  case safetyCoverage = "safety-coverage"
  /// A sample reply (`examples:`) that the analyzer and guards send through another transition.
  case exampleMismatch = "example-mismatch"
  /// A question or coaching line whose own wording blames or pressures.
  case wording
  /// A persona reply the analyzer reads as a safety concern: role-play must stay safe.
  case personaSafety = "persona-safety"
  /// A persona reply given twice for one question.
  case personaRepeat = "persona-repeat"
  /// A question state with fewer than three phrasings in `intents:`, which practice mode reads her questions by.
  case fewIntents = "few-intents"

  /// The severity findings of this rule have.
  public var severity: Severity {
    switch self {
    case .syntax, .unknownKey, .missingKey, .duplicateKey, .wrongType, .unknownSignal, .unknownState, .structure,
      .noEnd, .noWayOut, .personaSafety:
      return .error
    case .unreachableTransition, .unreachableState, .noFallback, .unboundedFollowUp, .ignoredSet, .safetyCoverage,
      .exampleMismatch, .wording, .personaRepeat, .fewIntents:
      return .warning
    }
  }
}
