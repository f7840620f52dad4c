import JSONText
import Practice

/// A practice rehearsal's observed outcomes as expectations: the golden transcript text and its changes.
public enum PracticeGoldenTranscript {
  public static func update(_ result: PracticeRehearsalResult, comments: TranscriptComments? = nil) -> (text: String, changes: [String]) {
    let t = result.transcript
    var changes: [String] = []
    var text = "title: \(quote(t.title))\npersona: \(quote(t.persona))\n"
    if let script = t.script { text += "script: \(quote(script))\n" }
    if let notes = t.notes { text += "notes: \(quote(notes))\n" }
    text += "turns:\n"
    for (index, observed) in result.turns.enumerated() {
      let turn = observed.turn
      text += comments?.before(line: turn.line) ?? ""
      switch turn.action {
      case .say(let line):
        text += "  - say: \(quote(line))\n"
        if let confirms = turn.confirmsHarm { text += "    confirms_harm: \(confirms)\n" }
      case .back: text += "  - command: back\n"
      }
      guard observed.played, let reading = observed.reading else { continue }
      var new = PracticeExpectation()
      new.question = reading.question ?? "none"
      let signs = reading.signs.map(\.sign)
      new.tone = signs
      new.notTone = turn.expect.notTone.filter { !signs.contains($0) }
      new.variant = reading.variant?.rawValue ?? "off_script"
      let his = reading.replyAnalysis.signalIDs
      new.hisSignals = his
      let old = turn.expect
      let place = "\(t.file):\(turn.line): turn \(index + 1)"
      if old.question != new.question { changes.append("\(place): question \(old.question ?? "-") → \(new.question ?? "-")") }
      if old.tone.map(Set.init) != new.tone.map(Set.init) {
        changes.append("\(place): tone \(names(old.tone?.map(\.rawValue))) → \(names(new.tone?.map(\.rawValue)))")
      }
      if old.variant != new.variant { changes.append("\(place): variant \(old.variant ?? "-") → \(new.variant ?? "-")") }
      if old.hisSignals.map(Set.init) != new.hisSignals.map(Set.init) {
        changes.append("\(place): his_signals \(names(old.hisSignals?.map(\.rawValue))) → \(names(new.hisSignals?.map(\.rawValue)))")
      }
      text += "    expect:\n"
      text += "      question: \(new.question ?? "none")\n"
      text += "      tone: \(names(new.tone?.map(\.rawValue)))\n"
      if !new.notTone.isEmpty { text += "      not_tone: \(names(new.notTone.map(\.rawValue)))\n" }
      text += "      variant: \(new.variant ?? "off_script")\n"
      text += "      his_signals: \(names(new.hisSignals?.map(\.rawValue)))\n"
    }
    if t.end != result.ending { changes.append("\(t.file):\(t.endLine ?? 1): end \(t.end?.rawValue ?? "-") → \(result.ending.rawValue)") }
    text += "end: \(result.ending.rawValue)\n"
    text = (comments?.opening ?? "") + text + (comments?.trailing ?? "")
    return (text, changes)
  }

  static func quote(_ s: String) -> String { JSONEscape.quoted(s) }

  private static func names(_ list: [String]?) -> String { "[" + (list ?? []).joined(separator: ", ") + "]" }
}
