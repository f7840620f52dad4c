import ArgumentParser
import Dialogue
import DialogueFormat
import Rehearsal
import Signals

/// `rekindle rehearse`: replays scripted transcripts through the conversation engine.
struct Rehearse: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Replay transcripts of replies through the conversation, and check their expectations.",
    discussion: """
      A transcript is a YAML file (title, optional script, turns with a reply and optional \
      expectations, and how it should end) or a plain text file with one reply per line. Without \
      --check the conversation is printed as the chat would show it. A minimal transcript:

        title: "He apologises"
        turns:
          - reply: "I messed up, I know that."
            expect: { signals: [remorse] }

      `rehearse --update FILE` fills in the expectations from what the conversation does now.
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, junit

    /// `jsonl` is accepted for `json`, as `analyze` accepts `json` for `jsonl`.
    init?(argument: String) {
      self.init(rawValue: argument == "jsonl" ? "json" : argument)
    }
  }

  @Argument(help: "Transcript files (YAML, or plain text with one reply per line).")
  var files: [String]

  @Flag(help: "Check every expectation; exit 1 if any failed.")
  var check = false

  @Flag(help: "Write the observed outcomes back as the expectations (after showing the changes).")
  var update = false

  @Option(help: "Output: text, json or junit (JUnit XML for CI systems).")
  var format: Format = .text

  @Flag(help: "Report which transitions and states of the script the transcripts exercised.")
  var coverage = false

  @Option(help: ArgumentHelp("Exit 1 below this percentage of transitions covered (implies --coverage).", valueName: "percent"))
  var minCoverage: Double?

  @Option(help: ArgumentHelp("Dialogue script to play (overrides the transcripts' own).", valueName: "file"))
  var script: String?

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Flag(help: "Do not colour the output.")
  var noColor = false

  func validate() throws {
    if update && check { throw ValidationError("use either --check or --update, not both") }
    if let x = minCoverage, !(0...100).contains(x) { throw ValidationError("--min-coverage must be between 0 and 100") }
  }

  func run() throws {
    var failed = false
    try reportingErrors {
      let analyzer = try reading.analyzer()
      var results: [RehearsalResult] = []
      var scripts: [String: DialogueScript] = [:]
      var scriptOfResult: [String] = []
      var practicePaths: [String] = []
      for path in files {
        if PracticeTranscriptLoader.isPractice(try FileReader.readText(path)) {
          practicePaths.append(path)
          continue
        }
        let transcript: Transcript
        do {
          transcript = try TranscriptLoader.load(try FileReader.readText(path), file: path)
        } catch let error as ScriptError {
          throw UserFacingError(error.description, code: .dataError)
        }
        let scriptPath = try resolveScript(for: transcript)
        if scripts[scriptPath ?? ""] == nil { scripts[scriptPath ?? ""] = try ScriptSource.load(scriptPath) }
        guard let dialogue = scripts[scriptPath ?? ""] else { continue }
        results.append(RehearsalRunner(script: dialogue, analyzer: analyzer).run(transcript))
        scriptOfResult.append(scriptPath ?? "")
      }
      let style = TerminalStyle.forStandardOutput(noColor: noColor)
      let printer = RehearsalPrinter(style: style)
      var out = ""
      var reports: [(String, CoverageReport)] = []
      if coverage || minCoverage != nil {
        for (key, dialogue) in scripts.sorted(by: { $0.key < $1.key }) {
          let mine = zip(results, scriptOfResult).filter { $0.1 == key }.map(\.0)
          reports.append((key.isEmpty ? ScriptLoader.builtInFile : key, CoverageReport(script: dialogue, results: mine)))
        }
      }
      switch format {
      case .json: out = printer.json(results, coverage: reports)
      case .junit: out = printer.junit(results)
      case .text:
        if update {
          out = try writeGolden(results, printer: printer)
        } else if check && !(results.isEmpty && !practicePaths.isEmpty) {
          out = printer.checkReport(results)
        } else {
          for (result, key) in zip(results, scriptOfResult) {
            if let dialogue = scripts[key] { out += printer.conversation(result, script: dialogue) }
          }
        }
        for (name, report) in reports { out += printer.coverage(report, script: name) }
      }
      if !practicePaths.isEmpty && format != .text {
        let practice = PracticeRehearsals(script: script, analyzer: analyzer, style: style)
        let (practiceResults, practiceCoverage) = try practice.play(practicePaths)
        switch format {
        case .json:
          out = printer.json(
            results, coverage: reports,
            practice: PracticeRehearsals.json(practiceResults, coverage: (coverage || minCoverage != nil) ? practiceCoverage : []))
        default:
          out = printer.junit(results.map { $0 as any CheckedRehearsal } + practiceResults.map { $0 as any CheckedRehearsal })
        }
        if check && practiceResults.contains(where: { !$0.passed }) { failed = true }
        if let floor = minCoverage {
          for (id, report) in practiceCoverage where report.percent < floor {
            StandardError.write("rekindle: persona \(id): variant coverage is below \(floor)%\n")
            failed = true
          }
        }
      } else if !practicePaths.isEmpty {
        let practice = try PracticeRehearsals(script: script, analyzer: analyzer, style: style).run(
          practicePaths, check: check, update: update, coverage: coverage, minCoverage: minCoverage)
        out += practice.text
        failed = failed || practice.failed
      }
      try StandardOutput.write(out)
      if check && results.contains(where: { !$0.passed }) { failed = true }
      if let floor = minCoverage, reports.contains(where: { $0.1.percent < floor }) {
        StandardError.write("rekindle: transition coverage is below \(floor)%\n")
        failed = true
      }
    }
    if failed { throw ExitCode(1) }
  }

  /// The script a transcript is played with: --script, else its own `script:` (relative to it), else built-in.
  private func resolveScript(for transcript: Transcript) throws(UserFacingError) -> String? {
    if let script { return script }
    guard let own = transcript.script, own != "default", own != "built-in" else { return nil }
    if own.hasPrefix("/") { return own }
    let directory = transcript.file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    return directory.isEmpty ? own : directory + "/" + own
  }

  private func writeGolden(_ results: [RehearsalResult], printer: RehearsalPrinter) throws(UserFacingError) -> String {
    var out = ""
    for result in results {
      let original = result.transcript.isPlainText ? nil : try? FileReader.readText(result.transcript.file)
      let (text, changes) = GoldenTranscript.update(result, comments: original.map(TranscriptComments.init(text:)))
      var path = result.transcript.file
      if result.transcript.isPlainText { path += ".yaml" }
      if changes.isEmpty && !result.transcript.isPlainText {
        out += "unchanged \(path)\n"
        continue
      }
      for change in changes { out += "  \(VisibleText.sanitize(change))\n" }
      // The transcript's own comments are kept where they were (opening, above turns, at the end).
      try PrivateFile.write(text, to: path, replacing: true)
      out += "updated \(path) (\(changes.count) change\(changes.count == 1 ? "" : "s"))\n"
    }
    return out
  }
}
