#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import ArgumentParser
import Dialogue
import DialogueFormat
import LineEditor
import Practice
import Signals

/// `rekindle practice` (`practice play`): she says her side, Rekindle answers as him.
struct PracticePlay: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "play",
    abstract: "Practise your side: say what you would say to him; he answers from a persona.",
    discussion: """
      Rekindle recognises which of the guide's questions you asked, in your own words and in any \
      order, reads how you asked it (open, calm, patient... or accusatory, pressing, sarcastic...), \
      and answers as him: a calm, open question gets more of the story; heat makes him close down or \
      push back. His answers are read for signs as in 'rekindle chat'. At a terminal input uses GNU \
      readline; piped lines give a plain transcript. Built-in personas: \
      \(PersonaLoader.builtInIDs.joined(separator: ", ")).
      """)

  @Option(help: ArgumentHelp("Who he is: a built-in persona's name, or a persona file (YAML).", valueName: "name|file"))
  var persona: String?

  @Flag(help: "List the built-in personas and exit.")
  var personas = false

  @Option(help: ArgumentHelp("Another dialogue script (YAML) whose questions you ask.", valueName: "file"))
  var script: String?

  @OptionGroup(title: "The session")
  var session: SessionOptions

  func run() throws {
    var code: Int32 = 0
    try reportingErrors {
      let resume = session.resume
      let style = TerminalStyle.forStandardOutput(noColor: session.noColor)
      if personas {
        try StandardOutput.write(PersonaList.text(style: style))
        return
      }
      let script = try ScriptSource.load(self.script)
      let analyzer = Analyzer()
      var resumed: SessionLog?
      if let resume { resumed = try SessionRecordReader.read(resume) }
      let persona = try Self.persona(named: self.persona ?? resumed?.header.persona?.id ?? "remorseful", script: script)
      var engine = PracticeEngine(script: script, persona: persona, analyzer: analyzer)
      var redacting = session.redact
      if let resume, let log = resumed {
        engine = try PracticeRecord.engine(replaying: log, script: script, persona: persona, analyzer: analyzer, path: resume)
        if engine.phase == .stoppedForSafety {
          throw UserFacingError("error: \(resume): that practice stopped for safety; it cannot go on", code: .dataError)
        }
        if log.header.redacted && !session.redact {
          redacting = true
          StandardError.write("rekindle: note: this practice was recorded with --redact; it goes on redacted\n")
        }
      }
      let redaction = redacting ? SessionRedaction() : nil
      let header = SessionRecordFormat.Header(
        script: script.title, fingerprint: script.fingerprint, started: resumed?.header.started ?? Chat.now(),
        redacted: redacting, persona: (persona.id, persona.fingerprint))
      let recorder = try SessionFiles.recorder(
        record: session.record, resume: resume, resumed: resumed, header: header, redaction: redaction)
      let historyPath = SessionFiles.historyPath(session.history)
      let reader = makeLineReader(
        completions: PracticeSlashCommand.names, historyFile: historyPath,
        interruptHint: "(Ctrl-C again to quit without the summary; Ctrl-D or /quit to end with it.)")
      var base = ChatRenderer(style: style, interactive: reader.isInteractive, width: TerminalStyle.outputWidth())
      base.helplines = try Helplines.load(given: session.helplines)
      let loop = PracticeLoop(
        engine: engine, reader: reader, renderer: PracticeRenderer(base: base, script: script), recorder: recorder,
        redaction: redaction)
      code = try loop.run()
    }
    if code != 0 { throw ExitCode(code) }
  }

  /// A built-in persona by name, or a persona file.
  static func persona(named name: String, script: DialogueScript) throws(UserFacingError) -> Persona {
    if let builtIn = PersonaLoader.builtIn(name), script.fingerprint == ScriptLoader.builtIn.fingerprint {
      return builtIn
    }
    let looksLikeFile = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") || PrivateFile.isRegularFile(name)
    if !looksLikeFile {
      let hint = Suggestion.closest(to: name, in: PersonaLoader.builtInIDs).map { "; did you mean \($0)?" } ?? ""
      if PersonaLoader.builtIn(name) != nil {
        throw UserFacingError(
          "error: the built-in personas answer the built-in script's questions; give --persona FILE for \(script.file)",
          code: .usage)
      }
      throw UserFacingError(
        "error: no persona called \(name)\(hint) (built-in: \(PersonaLoader.builtInIDs.joined(separator: ", ")); or give a file)",
        code: .usage)
    }
    let text = try FileReader.readText(name)
    do {
      return try PersonaLoader.load(text, file: name, script: script)
    } catch {
      throw UserFacingError(error.description, code: .dataError)
    }
  }
}
