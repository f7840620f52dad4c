/// English contractions split into two words before matching ("don't" to "do not").
enum Contraction: Int, CaseIterable, Sendable {
  case not, are, will, have, would, am, `is`, us, possessive

  /// The word the suffix stands for; nil for a possessive "'s", which is dropped.
  var word: String? {
    switch self {
    case .not: return "not"
    case .are: return "are"
    case .will: return "will"
    case .have: return "have"
    case .would: return "would"
    case .am: return "am"
    case .is: return "is"
    case .us: return "us"
    case .possessive: return nil
    }
  }

  /// Words whose "'s" means "is" rather than a possessive.
  static let isStems: Set<[UInt8]> = Set(
    ["it", "that", "what", "there", "here", "he", "she", "who", "where", "how", "this", "everything",
     "nothing", "something", "someone", "everyone", "one", "life"].map { Array($0.utf8) })

  /// Irregular stems of "n't": "can't" is "can not", "won't" is "will not".
  static let irregularNot: [[UInt8]: String] = [
    Array("ca".utf8): "can", Array("wo".utf8): "will", Array("ai".utf8): "is", Array("sha".utf8): "shall",
  ]

  /// Splits a normalized word at a contraction suffix: the stem's length, a replacement stem when
  /// irregular, and the suffix. Nil when the word is not a contraction.
  static func split(_ w: UnsafeBufferPointer<UInt8>) -> (stemLength: Int, stem: String?, suffix: Contraction)? {
    let n = w.count
    let apostrophe = UInt8(ascii: "'")
    guard n >= 3, let quote = w.lastIndex(of: apostrophe), quote > 0 else { return nil }
    let tail = n - quote - 1
    func tailIs(_ s: StaticString) -> Bool {
      guard s.utf8CodeUnitCount == tail else { return false }
      for i in 0..<tail where w[quote + 1 + i] != s.utf8Start[i] { return false }
      return true
    }
    if tail == 1 && w[n - 1] == UInt8(ascii: "t") && quote >= 1 && w[quote - 1] == UInt8(ascii: "n") {
      let stemLength = quote - 1
      guard stemLength > 0 else { return nil }
      let stem = Array(w[0..<stemLength])
      return (stemLength, irregularNot[stem], .not)
    }
    if tailIs("re") { return (quote, nil, .are) }
    if tailIs("ll") { return (quote, nil, .will) }
    if tailIs("ve") { return (quote, nil, .have) }
    if tailIs("d") { return (quote, nil, .would) }
    if tailIs("m") { return (quote, nil, .am) }
    if tailIs("s") {
      let stem = Array(w[0..<quote])
      if stem == Array("let".utf8) { return (quote, nil, .us) }
      return (quote, nil, isStems.contains(stem) ? .is : .possessive)
    }
    return nil
  }
}
