import Dialogue
import Signals
import Yams

/// Reads a `when:` guard: `signals`, `answer`, `evasive`, `tone`, `matches` and `vars`, all ANDed.
struct GuardDecoder {
  static let keys = ScriptFormat.guardRecord.fieldNames
  static let signalKeys = ScriptFormat.signals.fieldNames
  static let toneKeys = ScriptFormat.tone.fieldNames

  let reader: NodeReader

  func decode(_ node: Node, in what: String) throws(ScriptError) -> Guard {
    let context = "the guard of \(what)"
    let entries = try reader.entries(node, of: context)
    try reader.checkKeys(entries, allowed: Self.keys, in: context)
    if entries.isEmpty {
      throw reader.error("\(context) is empty; leave out `when` for a transition that always matches", at: node)
    }
    var signals: (any: [SignalID], all: [SignalID], none: [SignalID]) = ([], [], [])
    var answer: YesNoAnswer?
    var evasive: Bool?
    var tone: (above: Double?, below: Double?) = (nil, nil)
    var pattern: ReplyPattern?
    var vars: [String: String] = [:]
    for entry in entries {
      switch entry.key {
      case "signals": signals = try decodeSignals(entry.value, in: context)
      case "answer": answer = try decodeAnswer(entry.value)
      case "evasive": evasive = try reader.bool(entry.value, of: "`evasive`")
      case "tone": tone = try decodeTone(entry.value, in: context)
      case "matches": pattern = try decodePattern(entry.value)
      default: vars = try reader.stringMap(entry.value, of: "`vars`")
      }
    }
    return Guard(
      anySignals: signals.any, allSignals: signals.all, noneSignals: signals.none, answer: answer,
      evasive: evasive, toneAbove: tone.above, toneBelow: tone.below, pattern: pattern, vars: vars)
  }

  private func decodeSignals(
    _ node: Node, in context: String
  ) throws(ScriptError) -> (any: [SignalID], all: [SignalID], none: [SignalID]) {
    let entries = try reader.entries(node, of: "`signals` in \(context)")
    try reader.checkKeys(entries, allowed: Self.signalKeys, in: "`signals`")
    if entries.isEmpty { throw reader.error("`signals` is empty; use `any`, `all` or `none`", at: node) }
    var result: (any: [SignalID], all: [SignalID], none: [SignalID]) = ([], [], [])
    for entry in entries {
      let list = try reader.signals(entry.value, of: "`signals.\(entry.key)`")
      switch entry.key {
      case "any": result.any = list
      case "all": result.all = list
      default: result.none = list
      }
    }
    return result
  }

  /// `yes`, `no` or `unclear`; YAML booleans (`true`, unquoted `yes`) count as yes and no.
  private func decodeAnswer(_ node: Node) throws(ScriptError) -> YesNoAnswer {
    let word = try reader.text(node, of: "`answer`").lowercased()
    switch word {
    case "yes", "true", "on": return .yes
    case "no", "false", "off": return .no
    case "unclear": return .unclear
    default:
      var message = "`answer` should be yes, no or unclear, not `\(word)`"
      if let suggestion = Suggestion.closest(to: word, in: ["yes", "no", "unclear"]) {
        message += "; did you mean `\(suggestion)`?"
      }
      throw reader.error(message, at: node)
    }
  }

  private func decodeTone(_ node: Node, in context: String) throws(ScriptError) -> (above: Double?, below: Double?) {
    let entries = try reader.entries(node, of: "`tone` in \(context)")
    try reader.checkKeys(entries, allowed: Self.toneKeys, in: "`tone`")
    if entries.isEmpty { throw reader.error("`tone` is empty; use `above`, `below` or both", at: node) }
    var result: (above: Double?, below: Double?) = (nil, nil)
    for entry in entries {
      let value = try reader.double(entry.value, of: "`tone.\(entry.key)`")
      guard (-1...1).contains(value) else {
        throw reader.error(
          "`tone.\(entry.key)` should be between -1 and 1 (tone runs from cold to warm)", at: entry.value)
      }
      if entry.key == "above" { result.above = value } else { result.below = value }
    }
    if let above = result.above, let below = result.below, above >= below {
      throw reader.error("`tone` can never match: `above` (\(above)) must be less than `below` (\(below))", at: node)
    }
    return result
  }

  private func decodePattern(_ node: Node) throws(ScriptError) -> ReplyPattern {
    let source = try reader.text(node, of: "`matches`")
    if let problem = ReplyPattern.problem(in: source) {
      throw reader.error("`matches` is not a valid regular expression: \(problem.message)", at: node)
    }
    return ReplyPattern(source: source)
  }
}
