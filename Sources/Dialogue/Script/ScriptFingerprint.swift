import Signals

/// The FNV-1a 64-bit hash of a script's canonical form: every field that changes behaviour, in a
/// fixed order, each one tagged and length-prefixed. Examples and source lines are left out, so editing
/// them keeps saved conversations valid.
struct ScriptFingerprint {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  static func compute(
    title: String, start: String, reactions: [SignalID: String], safety: SafetyRule?, states: [DialogueState]
  ) -> String {
    var f = ScriptFingerprint()
    f.add("format", DialogueScript.format)
    f.add("title", title)
    f.add("start", start)
    for id in reactions.keys.sorted() { f.add("reaction", id.rawValue, reactions[id]) }
    if let safety {
      f.add("safety", safety.goto)
      f.add(safety.condition)
    }
    for state in states { f.add(state) }
    return f.hex
  }

  private var hex: String {
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  private mutating func add(_ state: DialogueState) {
    add("state", state.id, state.kind.rawValue, state.group.map(String.init), state.coach, state.ask)
    add("yes_no", state.yesNo ? "1" : "0", state.say)
    for t in state.transitions {
      add("transition", t.goto, t.followUp, t.retries.map(String.init), t.coach)
      for key in t.set.keys.sorted() { add("set", key, t.set[key]) }
      if let condition = t.condition { add(condition) } else { add("always") }
    }
  }

  private mutating func add(_ g: Guard) {
    add("any", g.anySignals.map(\.rawValue).joined(separator: ","))
    add("all", g.allSignals.map(\.rawValue).joined(separator: ","))
    add("none", g.noneSignals.map(\.rawValue).joined(separator: ","))
    add("answer", g.answer?.rawValue, g.evasive.map { $0 ? "1" : "0" })
    add("tone", g.toneAbove.map { "\($0)" }, g.toneBelow.map { "\($0)" })
    add("matches", g.pattern?.source)
    for key in g.vars.keys.sorted() { add("var", key, g.vars[key]) }
  }

  /// Feeds each field as `<length>:<text>`, and a missing field as `-`, then a record separator.
  private mutating func add(_ fields: String?...) {
    for field in fields {
      if let field {
        feed("\(field.utf8.count):")
        feed(field)
      } else {
        feed("-")
      }
    }
    feed("\n")
  }

  private mutating func feed(_ text: String) {
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
  }
}
