import JSONText
import Signals

/// Turns a rehearsal's observed outcomes into expectations: the text of a golden transcript, and
/// the list of changes from the expectations it had.
public enum GoldenTranscript {
  /// The transcript rewritten with observed expectations, and one line per changed expectation.
  public static func update(_ result: RehearsalResult, comments: TranscriptComments? = nil) -> (text: String, changes: [String]) {
    let t = result.transcript
    var changes: [String] = []
    var text = "title: \(quote(t.title))\n"
    if let script = t.script { text += "script: \(quote(script))\n" }
    if let notes = t.notes { text += "notes: \(quote(notes))\n" }
    text += "turns:\n"
    for (index, observed) in result.turns.enumerated() {
      let turn = observed.turn
      text += comments?.before(line: turn.line) ?? ""
      switch turn.action {
      case .reply(let reply): text += "  - reply: \(quote(reply))\n"
      case .back: text += "  - command: back\n"
      case .skip: text += "  - command: skip\n"
      }
      if let confirms = turn.confirmsHarm { text += "    confirms_harm: \(confirms)\n" }
      guard observed.played else { continue }
      var new = TurnExpectation()
      new.state = observed.stateID
      if case .reply = turn.action {
        let got = observed.analysis?.signalIDs ?? []
        new.signals = got.isEmpty ? nil : got
        new.notSignals = turn.expect.notSignals.filter { !got.contains($0) }
        new.evasive = observed.analysis?.evasive ?? false
        new.followUp = observed.followUp
      }
      let old = turn.expect
      let place = "\(t.file):\(turn.line): turn \(index + 1)"
      if old.state != new.state { changes.append("\(place): state \(old.state ?? "-") → \(new.state ?? "-")") }
      if old.signals.map(Set.init) != new.signals.map(Set.init) {
        changes.append("\(place): signals \(list(old.signals)) → \(list(new.signals))")
      }
      if old.notSignals != new.notSignals {
        changes.append("\(place): not_signals \(list(old.notSignals)) → \(list(new.notSignals))")
      }
      if old.evasive != new.evasive {
        changes.append("\(place): evasive \(old.evasive.map(String.init) ?? "-") → \(new.evasive.map(String.init) ?? "-")")
      }
      if old.followUp != new.followUp {
        changes.append("\(place): follow_up \(old.followUp.map(String.init) ?? "-") → \(new.followUp.map(String.init) ?? "-")")
      }
      text += "    expect:\n"
      if let state = new.state { text += "      state: \(state)\n" }
      if let question = old.question { text += "      question: \(quote(question))\n" }
      if let signals = new.signals, !signals.isEmpty { text += "      signals: \(list(signals))\n" }
      if !new.notSignals.isEmpty { text += "      not_signals: \(list(new.notSignals))\n" }
      if let evasive = new.evasive { text += "      evasive: \(evasive)\n" }
      if let followUp = new.followUp { text += "      follow_up: \(followUp)\n" }
    }
    if t.end != result.ending {
      changes.append("\(t.file):\(t.endLine ?? 1): end \(t.end?.rawValue ?? "-") → \(result.ending.rawValue)")
    }
    text += "end: \(result.ending.rawValue)\n"
    text = (comments?.opening ?? "") + text + (comments?.trailing ?? "")
    return (text, changes)
  }

  /// A YAML double-quoted scalar (JSON string syntax, which YAML accepts).
  static func quote(_ s: String) -> String { JSONEscape.quoted(s) }

  private static func list(_ ids: [SignalID]?) -> String {
    guard let ids else { return "-" }
    return "[" + ids.map(\.rawValue).joined(separator: ", ") + "]"
  }
}
