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

  @Option(help: ArgumentHelp("Append the session to FILE as JSON Lines, one line per turn (mode 0600).", valueName: "file"))
  var record: String?

  @Option(help: ArgumentHelp("Continue a session recorded with --record (and keep recording to it).", valueName: "file"))
  var resume: String?

  @Flag(help: "Keep the typed lines between sessions, in $XDG_STATE_HOME/rekindle/history (mode 0600).")
  var history = false

  @Flag(help: "Do not colour the output (NO_COLOR works too).")
  var noColor = false

  @OptionGroup(title: "Reading replies")
  var reading: ReadingOptions

  @Option(
    name: .customLong("helpline"),
    help: ArgumentHelp(
      "A helpline for where you live, shown with the safety advice (repeatable; also read from $XDG_CONFIG_HOME/rekindle/helplines, one per line).",
      valueName: "name and number"))
  var helplines: [String] = []

  @Flag(help: "In the --record file and /save summaries, replace names, places, emails and phone numbers with placeholders.")
  var redact = false

  func run() throws {
    var code: Int32 = 0
    try reportingErrors {
      let script = try ScriptSource.load(self.script)
      let analyzer = try reading.analyzer()
      var engine = DialogueEngine(script: script, analyzer: analyzer)
      var resumed: SessionLog?
      var redacting = redact
      if let resume {
        let log = try SessionRecordReader.read(resume)
        engine = try SessionReplay.engine(replaying: log, script: script, analyzer: analyzer, path: resume)
        if case .ended = engine.phase {
          throw UserFacingError(
            "error: \(resume): that session has already ended; rekindle summary \(resume) shows its summary", code: .dataError)
        }
        if log.header.redacted && !redact {
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
        record: record, resume: resume, resumed: resumed, header: header, redaction: redaction)
      let historyPath = SessionFiles.historyPath(history)
      let reader = makeLineReader(
        completions: ChatCommand.names, historyFile: historyPath,
        interruptHint: "(Ctrl-C again to quit without the summary; Ctrl-D or /quit to end with it.)")
      let style = TerminalStyle.forStandardOutput(noColor: noColor)
      var renderer = ChatRenderer(style: style, interactive: reader.isInteractive, width: TerminalStyle.outputWidth())
      renderer.helplines = try Helplines.load(given: helplines)
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
