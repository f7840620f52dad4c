#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import ArgumentParser
import Dialogue
import DialogueFormat
import LineEditor
import Signals

/// `rekindle chat`: the guided practice conversation (the default subcommand).
struct Chat: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Practise the conversation: ask each question, type their reply, see the signs.",
    discussion: """
      At a terminal, input uses GNU readline: line editing, Up/Down history, Ctrl-R search, Tab \
      completion of the slash commands. Ctrl-C clears the line (twice on an empty line ends), \
      Ctrl-D ends with the summary. With standard input from a file, replies are read one per line \
      and the transcript is printed without prompts or colours.
      """)

  @Option(help: ArgumentHelp("Run another dialogue script (YAML).", valueName: "file"))
  var script: String?

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @OptionGroup(title: "The session")
  var session: SessionOptions

  func run() throws {
    var code: Int32 = 0
    try reportingErrors {
      let resume = session.resume
      let script = try ScriptSource.load(self.script)
      let analyzer = try reading.analyzer()
      var engine = DialogueEngine(script: script, analyzer: analyzer)
      var resumed: SessionLog?
      var redacting = session.redact
      if let resume {
        let log = try SessionRecordReader.read(resume)
        engine = try SessionReplay.engine(replaying: log, script: script, analyzer: analyzer, path: resume)
        if case .ended = engine.phase {
          throw UserFacingError(
            "error: \(resume): that session has already ended; rekindle summary \(resume) shows its summary", code: .dataError)
        }
        if log.header.redacted && !session.redact {
          redacting = true
          StandardError.write("rekindle: note: this session was recorded with --redact; it goes on redacted\n")
        }
        resumed = log
      }
      let redaction = redacting ? SessionRedaction() : nil
      let header = SessionRecordFormat.Header(
        script: script.title, fingerprint: script.fingerprint, started: resumed?.header.started ?? Self.now(),
        redacted: redacting)
      let recorder = try SessionFiles.recorder(
        record: session.record, resume: resume, resumed: resumed, header: header, redaction: redaction)
      let historyPath = SessionFiles.historyPath(session.history)
      let reader = makeLineReader(
        completions: ChatCommand.names, historyFile: historyPath,
        interruptHint: "(Ctrl-C again to quit without the summary; Ctrl-D or /quit to end with it.)")
      let style = TerminalStyle.forStandardOutput(noColor: session.noColor)
      var renderer = ChatRenderer(style: style, interactive: reader.isInteractive, width: TerminalStyle.outputWidth())
      renderer.helplines = try Helplines.load(given: session.helplines)
      let session = ChatSession(
        engine: engine, reader: reader, renderer: renderer, recorder: recorder, redaction: redaction)
      code = try session.run()
    }
    if code != 0 { throw ExitCode(code) }
  }

  /// The time now in ISO 8601, UTC, to the second.
  static func now() -> String {
    var seconds = time(nil)
    var parts = tm()
    gmtime_r(&seconds, &parts)
    var buffer = [CChar](repeating: 0, count: 32)
    let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
