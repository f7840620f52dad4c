import JSONText
import Practice
import Signals

/// A practice as JSON (`rekindle summary --format json` on a practice record): the summary of
/// both sides, then each of her lines with what was read in it and his answer.
enum PracticeSummaryJSON {
  static func json(_ summary: PracticeSummary, turns: [PracticeTurn]) -> JSONValue {
    let groups: [JSONValue] = summary.groups.map { group in
      .object([
        ("group", .int(group.number)), ("covered", .bool(group.covered)),
        ("questions", .array(group.questions.map { .object([("state", .string($0.id)), ("asked", .bool($0.asked))]) })),
      ])
    }
    let lines: [JSONValue] = turns.map { turn in
      .object([
        ("line", .string(turn.line)), ("question", turn.question.map { .string($0) } ?? .null),
        ("follow_up", .bool(turn.isFollowUp)),
        ("signs", .array(turn.signs.map { finding in
          .object([
            ("id", .string(finding.sign.rawValue)), ("helpful", .bool(finding.sign.isHelpful)),
            ("evidence", .array(finding.evidence.map { .string($0.text) })),
          ])
        })),
        ("coaching", turn.coaching.map { .string($0) } ?? .null),
        ("variant", turn.variant.map { .string($0.rawValue) } ?? .null),
        ("reply", .string(turn.reply)),
        ("reply_signals", .array(turn.replyAnalysis.signals.map { signal in
          .object([
            ("id", .string(signal.id.rawValue)), ("kind", .string(signal.id.kind.rawValue)),
            ("evidence", .array(signal.evidence.map { .string($0.text) })),
          ])
        })),
      ])
    }
    return .object([
      ("title", .string(summary.title)), ("persona", .string(summary.personaID)),
      ("stopped_for_safety", .bool(summary.stoppedForSafety)),
      ("groups", .array(groups)),
      ("tones", .array(summary.tones.map { .string($0.rawValue) })),
      ("her_signs", .array(summary.herSigns.map { .object([("id", .string($0.sign.rawValue)), ("count", .int($0.count))]) })),
      ("his_signs", .array(summary.hisSigns.map { .object([("id", .string($0.signal.rawValue)), ("count", .int($0.count))]) })),
      ("off_script_lines", .int(summary.offScriptLines)),
      ("suggestions", .array(summary.suggestions.map { .string($0) })),
      ("lines", .array(lines)),
    ])
  }
}
