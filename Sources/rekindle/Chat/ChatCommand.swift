import Signals

/// A slash command typed at the chat prompt.
enum ChatCommand: Equatable {
  case help, why, back, skip, summary, quit, questions
  case save(String?)
  /// `/not SIGNAL`: she says a sign flagged in the last reply is not there.
  case not(String?)
  /// `/note TEXT`: her note on the current question.
  case note(String?)
  case unknown(String, suggestion: String?)

  /// The commands offered for Tab completion, as typed.
  static let names = ["/help", "/why", "/back", "/skip", "/not ", "/note ", "/questions", "/summary", "/save ", "/quit"]

  /// One line each for /help.
  static let helpLines = [
    ("/help", "show these commands"),
    ("/why", "the evidence and reasons behind the last reply's signs"),
    ("/back", "undo the last answer and ask again"),
    ("/skip", "skip this question"),
    ("/not SIGN", "say a sign flagged in the last reply is not there (kept as yours)"),
    ("/note TEXT", "add your note to this question (shown in the summary)"),
    ("/questions", "the questions still ahead"),
    ("/summary", "show the summary so far"),
    ("/save FILE", "save the summary as Markdown (mode 0600)"),
    ("/quit", "end the practice and show the summary"),
  ]

  /// Parses a line starting with "/".
  init(parsing line: String) {
    let slash = SlashLine(line)
    let name = slash.name
    let argument = slash.argument
    switch name {
    case "/help", "/?": self = .help
    case "/why": self = .why
    case "/back", "/undo": self = .back
    case "/skip": self = .skip
    case "/summary": self = .summary
    case "/questions": self = .questions
    case "/not": self = .not(argument)
    case "/note": self = .note(argument)
    case "/save": self = .save(argument)
    case "/quit", "/exit", "/q": self = .quit
    default:
      self = .unknown(name, suggestion: slash.suggestion(among: Self.names))
    }
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: Character) -> String {
    var s = Substring(self)
    while s.last == set { s.removeLast() }
    return String(s)
  }

}
