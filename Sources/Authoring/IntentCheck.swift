import Dialogue

/// Warns where practice mode would recognise a question poorly: a question state with fewer than
/// ``minimum`` phrasings in `intents:` (her paraphrases are recognised by a model trained on the
/// `ask` wording and these). Only scripts that declare intents are checked: one that declares none
/// is written for chat, where they play no part.
struct IntentCheck {
  /// The fewest phrasings a question should have.
  static let minimum = 3

  let script: DialogueScript
  let map: SourceMap

  func run() -> [Diagnostic] {
    let questions = script.states.filter { $0.kind == .question }
    let hint = "add other ways she might ask it under `intents:` (at least \(Self.minimum)), so practice mode knows it in her own words"
    guard questions.contains(where: { !$0.intents.isEmpty }) else { return [] }
    return questions.filter { $0.intents.count < Self.minimum }.map { state in
      let count = state.intents.count
      let location = state.intents.isEmpty ? map.state(state) : map.stateText("intents", of: state).location
      return Diagnostic(
        .fewIntents, "question state `\(state.id)` has \(count == 0 ? "no" : "only \(count)") phrasing\(count == 1 ? "" : "s") in `intents:`",
        hint: hint, at: location)
    }
  }
}
