/// Which slash commands complete what the person has typed (pure; no readline).
enum SlashCompletion {
  /// The commands that start with `word`, in the given order and without repeats.
  ///
  /// - Parameters:
  ///   - word: The word being completed; nothing matches unless it starts with "/".
  ///   - commands: The known commands, such as `["/help", "/quit"]`.
  /// - Returns: The matching commands; all of them for "/".
  static func matches(for word: String, in commands: [String]) -> [String] {
    guard word.hasPrefix("/") else { return [] }
    var seen = Set<String>()
    return commands.filter { $0.hasPrefix(word) && seen.insert($0).inserted }
  }

  /// Whether Tab should complete `word`: it starts with "/" and is the first word of the line.
  ///
  /// - Parameters:
  ///   - word: The word at the cursor, as readline split it.
  ///   - lineBefore: The text of the line before that word.
  /// - Returns: `true` when only blanks precede a word that starts with "/".
  static func applies(to word: String, after lineBefore: String) -> Bool {
    word.hasPrefix("/") && lineBefore.allSatisfy { $0 == " " || $0 == "\t" }
  }
}
