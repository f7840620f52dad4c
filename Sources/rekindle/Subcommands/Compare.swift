import ArgumentParser
import Dialogue
import Signals

/// `rekindle compare`: two recorded sessions question by question.
struct Compare: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare two recorded sessions question by question: what became of each, and its signs.",
    discussion: """
      For comparing two practice runs, or two imagined versions of him. Both records must use the same \
      dialogue script. The files are only read.
      """)

  @Argument(help: ArgumentHelp("The first session record.", valueName: "a"))
  var first: String

  @Argument(help: ArgumentHelp("The second session record.", valueName: "b"))
  var second: String

  @Option(help: ArgumentHelp("The dialogue script the sessions used, if not the built-in one.", valueName: "file"))
  var script: String?

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Flag(help: "Do not colour the output.")
  var noColor = false

  func run() throws {
    try reportingErrors {
      let analyzer = try reading.analyzer()
      let a = try RecordedSession.summary(of: first, script: script, analyzer: analyzer)
      let b = try RecordedSession.summary(of: second, script: script, analyzer: analyzer)
      let style = TerminalStyle.forStandardOutput(noColor: noColor)
      try StandardOutput.write(Self.render(a, b, names: ("A", "B"), files: (first, second), style: style))
    }
  }

  /// Both sessions, question by question in the order they were first asked, then the tallies.
  static func render(
    _ a: ConversationSummary, _ b: ConversationSummary, names: (String, String), files: (String, String), style: TerminalStyle
  ) -> String {
    let renderer = ChatRenderer(style: style, interactive: true, width: TerminalStyle.outputWidth())
    var out = style.bold("Comparing two sessions of " + VisibleText.sanitize(a.title)) + "\n"
    out += "  \(names.0): \(VisibleText.sanitize(files.0))\n  \(names.1): \(VisibleText.sanitize(files.1))\n"
    var order: [String] = []
    for question in a.questions + b.questions where !order.contains(question.stateID) { order.append(question.stateID) }
    for state in order {
      let fromA = a.questions.filter { $0.stateID == state }
      let fromB = b.questions.filter { $0.stateID == state }
      guard let first = fromA.first ?? fromB.first else { continue }
      out += "\n" + style.bold(first.progress.label + ":") + " " + VisibleText.sanitize(first.question) + "\n"
      for (name, visits) in [(names.0, fromA), (names.1, fromB)] {
        out += renderer.wrap("\(name): " + describe(visits), indent: "    ").enumerated()
          .map { $0.offset == 0 ? "  " + $0.element.dropFirst(4) : $0.element }.joined(separator: "\n") + "\n"
      }
    }
    out += "\n" + style.bold("Tally") + "\n"
    out += "  \(names.0): \(a.hopefulCount) hopeful, \(a.cautionCount) caution\(ending(a))\n"
    out += "  \(names.1): \(b.hopefulCount) hopeful, \(b.cautionCount) caution\(ending(b))\n"
    return out
  }

  /// What became of a question in one session, and the signs in its replies.
  private static func describe(_ visits: [QuestionSummary]) -> String {
    guard !visits.isEmpty else { return "not asked" }
    return visits.map { question in
      let outcome = ConversationSummary.outcomeText(question).prefix { $0 != ":" && $0 != "." }.lowercased()
      let signs = question.signals.map { signal in
        let words = signal.evidence.prefix(2).map { "“" + VisibleText.sanitize($0) + "”" }.joined(separator: ", ")
        return signal.id.label + (words.isEmpty ? "" : " (\(words))")
      }
      return outcome + (signs.isEmpty ? "; no particular signs" : "; " + signs.joined(separator: "; "))
    }.joined(separator: " / ")
  }

  private static func ending(_ summary: ConversationSummary) -> String {
    switch summary.endReason {
    case .safety: return "; stopped for safety"
    case .stopped: return "; stopped early"
    case .end: return ""
    case nil: return "; not finished"
    }
  }
}
