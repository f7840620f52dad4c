import Signals

/// A slash command typed at the practice prompt.
enum PracticeSlashCommand: Equatable {
  case help, why, back, hint, personas, summary, quit
  case save(String?)
  case unknown(String, suggestion: String?)

  /// The commands offered for Tab completion, as typed.
  static let names = ["/help", "/why", "/back", "/hint", "/personas", "/summary", "/save ", "/quit"]

  /// One line each for /help.
  static let helpLines = [
    ("/help", "show these commands"),
    ("/why", "how your last line read, and the signs in his answer, with the words behind them"),
    ("/back", "take back your last line (and his answer)"),
    ("/hint", "a question of the guide you could ask next"),
    ("/personas", "who he can be (start again with --persona NAME)"),
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
    case "/hint": self = .hint
    case "/personas": self = .personas
    case "/summary": self = .summary
    case "/save": self = .save(argument)
    case "/quit", "/exit", "/q": self = .quit
    default:
      self = .unknown(name, suggestion: slash.suggestion(among: Self.names))
    }
  }
}
