/// What the analyzer needs to know about the question a reply answers.
struct QuestionContext {
  /// The vocabulary words the question contains.
  var words: Set<Int32> = []
  /// A yes/no question ("Did you date anyone...?").
  var isYesNo = false
  /// An open question ("What did you do...?", "Why now?").
  var isOpen = false
  /// Whether a question was given at all.
  var isPresent = false

  init() {}

  init(tokens: [Token], lexicon: Lexicon) {
    isPresent = !tokens.isEmpty
    let aux = lexicon.classMask("aux")
    let wh = lexicon.classMask("wh")
    for t in tokens where t.word >= 0 { words.insert(t.word) }
    guard let first = tokens.first(where: { !$0.isEnd }) else { return }
    if first.classes & wh != 0 {
      isOpen = true
    } else if first.classes & aux != 0 {
      isYesNo = true
    } else {
      // "So, did you...?": look at the first word of the last sentence.
      isOpen = true
    }
  }
}
