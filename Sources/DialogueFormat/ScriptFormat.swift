import Dialogue
import Signals

/// The dialogue script format (`rekindle-dialogue/1`) as data: every key, its shape and what it is for.
///
/// The one description of the format: the loader's decoders take their keys from it, the linter's
/// structure check walks scripts against it, and the schema command prints it as a JSON Schema.
package enum ScriptFormat {
  /// The question groups of the guidance a state can belong to.
  package static let groups = 1...7

  /// The top level of a script.
  package static let root = Record(
    name: "script",
    summary: "A Rekindle dialogue script: the questions, how replies move between them, and the safety rule.",
    fields: [
      Field(
        name: "format", shape: .constant(DialogueScript.format), required: true,
        summary: "The format version; always `\(DialogueScript.format)`."),
      Field(name: "title", shape: .text, required: true, summary: "Shown above the conversation and its summary."),
      Field(
        name: "start", shape: .stateName, required: true,
        summary: "The id of the question state the conversation begins with."),
      Field(
        name: "reactions", shape: .reactions,
        summary: "Coaching shown whenever a signal is flagged in any reply, by signal id."),
      Field(
        name: "safety", shape: .record(safety),
        summary: "The rule checked before any transition in every state; it leads to a `kind: safety` state."),
      Field(
        name: "states", shape: .states, required: true,
        summary: "The states by id: questions (`ask`, `transitions`) and final states (`kind: end`, `kind: safety`)."),
    ])

  /// `safety:`.
  package static let safety = Record(
    name: "safetyRule",
    summary: "The global safety rule.",
    fields: [
      Field(
        name: "when", shape: .record(guardRecord), required: true,
        summary: "The guard that triggers the rule; usually `{ signals: { any: [safety] } }`.",
        context: { _ in "the guard of the safety rule" }),
      Field(name: "goto", shape: .stateName, required: true, summary: "A state with `kind: safety`."),
    ])

  /// A state that asks a question.
  package static let questionState = Record(
    name: "questionState",
    summary: "A state that asks a question and moves on by the first transition whose guard matches the reply.",
    fields: [
      Field(name: "kind", shape: .constant("question"), summary: "`question` (the default when `kind` is left out)."),
      Field(
        name: "group", shape: .integer(min: groups.lowerBound, max: groups.upperBound), required: true,
        summary: "The question group of the guidance, 1 to 7 (shown as progress)."),
      Field(name: "coach", shape: .text, summary: "Coaching shown before the question."),
      Field(name: "ask", shape: .text, required: true, summary: "The question to ask."),
      Field(
        name: "yes_no", shape: .boolean,
        summary: "Whether it is a yes/no question (guards may then test `answer`)."),
      Field(
        name: "transitions", shape: .list(.record(transition), nonEmpty: true, itemName: "transition"),
        required: true,
        summary: "The ways out, tried in order; the last one usually has no `when` and catches every other reply."),
      Field(
        name: "intents", shape: .list(.text, nonEmpty: false, itemName: nil),
        summary:
          "Other ways she might ask this question, for `rekindle practice` to recognise it in her own words (the `ask` text counts as one)."),
    ])

  /// A state that ends the conversation.
  package static let finalState = Record(
    name: "finalState",
    summary: "A state that ends the conversation: normally (`kind: end`) or with a safety message (`kind: safety`).",
    fields: [
      Field(
        name: "kind", shape: .choice(["end", "safety"], booleans: false), required: true,
        summary: "`end` for the normal ending, `safety` for the safety exit."),
      Field(name: "say", shape: .text, required: true, summary: "The closing or safety text."),
    ])

  /// One transition.
  package static let transition = Record(
    name: "transition",
    summary: "One way out of a question state.",
    fields: [
      Field(
        name: "when", shape: .record(guardRecord),
        summary: "The guard; leave it out for the transition that always matches (it must come last).",
        context: { "the guard of \($0)" }),
      Field(name: "goto", shape: .stateName, required: true, summary: "The state to go to."),
      Field(
        name: "follow_up", shape: .text,
        summary: "A follow-up question asked instead of moving on, while `retries` last; then `goto`."),
      Field(
        name: "retries", shape: .integer(min: 0, max: nil),
        summary: "How many follow-ups one visit may ask (needs `follow_up`; unlimited when left out)."),
      Field(name: "coach", shape: .text, summary: "Coaching shown when the transition is taken."),
      Field(
        name: "set", shape: .dictionary(.scalar),
        summary: "Variables to set when the transition moves on (not applied with `follow_up`)."),
      Field(
        name: "examples", shape: .list(.text, nonEmpty: false, itemName: nil),
        summary: "Sample replies that should take this transition; `rekindle lint` checks them."),
    ])

  /// A guard (`when:`).
  package static let guardRecord = Record(
    name: "guard",
    summary: "A condition on the reply; every part that is given must hold.",
    fields: [
      Field(name: "signals", shape: .record(signals), summary: "Signals the analyzer must (or must not) find."),
      Field(
        name: "answer", shape: .choice(YesNoAnswer.allCases.map(\.rawValue), booleans: true),
        summary: "The yes/no answer the reply gives: `yes`, `no` or `unclear`."),
      Field(name: "evasive", shape: .boolean, summary: "Whether the reply avoids the question."),
      Field(name: "tone", shape: .record(tone), summary: "Bounds on the reply's warmth, from -1 (cold) to 1 (warm)."),
      Field(
        name: "matches", shape: .pattern,
        summary:
          "A case-insensitive regular expression the reply must match somewhere (common syntax; no back-references or look-around; matched in linear time)."),
      Field(
        name: "vars", shape: .dictionary(.scalar),
        summary: "Variables (set by earlier transitions) that must hold exactly these values."),
    ],
    nonEmpty: true)

  /// `signals:` in a guard.
  package static let signals = Record(
    name: "signals",
    summary: "Signal conditions.",
    fields: [
      Field(
        name: "any", shape: .list(.signal, nonEmpty: true, itemName: nil),
        summary: "At least one of these signals."),
      Field(name: "all", shape: .list(.signal, nonEmpty: true, itemName: nil), summary: "All of these signals."),
      Field(name: "none", shape: .list(.signal, nonEmpty: true, itemName: nil), summary: "None of these signals."),
    ],
    nonEmpty: true)

  /// `tone:` in a guard.
  package static let tone = Record(
    name: "tone",
    summary: "Tone bounds (both strict).",
    fields: [
      Field(name: "above", shape: .number(min: -1, max: 1), summary: "The tone must be above this."),
      Field(name: "below", shape: .number(min: -1, max: 1), summary: "The tone must be below this."),
    ],
    nonEmpty: true)

  /// The signal ids, in taxonomy order.
  package static var signalIDs: [String] { SignalID.ordered.map(\.rawValue) }
}
