import ArgumentParser
import Authoring
import Dialogue
import DialogueFormat

/// `rekindle lint`: checks dialogue scripts and reports errors and warnings with their place.
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check dialogue scripts and personas: structure, flow, examples against the analyzer, wording, safety.",
    discussion: """
      Prints one line per finding, `FILE:LINE:COLUMN: error|warning: message [rule] (hint: ...)`, then a \
      summary on standard error. Checks the YAML and the format (unknown keys, wrong values, unknown \
      signals and states), the flow (unreachable states, states with no way to an end, shadowed \
      transitions, follow-ups without a retry limit, safety coverage), runs each transition's \
      `examples:` through the analyzer and the guards, and reads the script's own questions and \
      coaching for blame or pressure. A persona file (a top-level `persona:`, see Scripts/personas/README.md)       is checked against the script's questions, and every reply of his is read: none may read as a       safety concern. Exits 0 when clean, 1 otherwise. See Scripts/README.md.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json

    /// `jsonl` is accepted for `json`, as `analyze` accepts `json` for `jsonl`.
    init?(argument: String) {
      self.init(rawValue: argument == "jsonl" ? "json" : argument)
    }
  }

  @Argument(help: "Script or persona files to check (the built-in script and personas when none).")
  var files: [String] = []

  @Option(help: ArgumentHelp("The dialogue script personas answer (default: the built-in one).", valueName: "file"))
  var script: String?

  @Option(help: "Output: 'text' (one line per finding) or 'json' (one object).")
  var format: Format = .text

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Flag(help: "Do not colour the output.")
  var noColor = false

  func run() throws {
    var clean = true
    try reportingErrors {
      let linter = Linter(analyzer: try reading.analyzer())
      let style = TerminalStyle.forStandardOutput(noColor: noColor)
      var report = LintReport()
      var sources: [(path: String, text: String?)] =
        files.isEmpty ? [(ScriptLoader.builtInFile, ScriptLoader.builtInText)] : files.map { ($0, nil) }
      if files.isEmpty {
        for id in PersonaLoader.builtInIDs { sources.append(("Scripts/personas/\(id).yaml", PersonaLoader.builtInText(id))) }
      }
      let personaLinter = PersonaLinter(analyzer: linter.analyzer, script: try ScriptSource.load(script))
      for source in sources {
        let text = try source.text ?? FileReader.readText(source.path)
        let found =
          PersonaLinter.isPersona(text) ? personaLinter.lint(text, file: source.path) : linter.lint(text, file: source.path)
        report.add(found, for: source.path)
        if format == .text {
          try StandardOutput.write(found.map { Self.line($0, style: style) + "\n" }.joined())
        }
      }
      if format == .json { try StandardOutput.write(report.json.pretty + "\n") }
      StandardError.write("rekindle lint: \(report.summary)\n")
      clean = report.isClean
    }
    if !clean { throw ExitCode(1) }
  }

  /// One finding, with the severity coloured on a terminal.
  private static func line(_ diagnostic: Diagnostic, style: TerminalStyle) -> String {
    let severity =
      diagnostic.severity == .error
      ? style.danger("error") : style.caution("warning")
    // Messages quote the script's own text: control characters are shown visibly, never sent raw.
    let location = VisibleText.sanitize("\(diagnostic.location)")
    let message = VisibleText.sanitize(diagnostic.message)
    var text = "\(location): \(severity): \(message) \(style.dim("[\(diagnostic.rule.rawValue)]"))"
    if !diagnostic.hint.isEmpty { text += " (hint: \(VisibleText.sanitize(diagnostic.hint)))" }
    return text
  }
}
