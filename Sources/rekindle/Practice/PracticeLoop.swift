#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Dialogue
import DialogueFormat
import Foundation
import LineEditor
import Practice
import Signals

/// The interactive loop of `rekindle practice`: reads her lines, runs commands, feeds the practice
/// engine, shows what it says, and records each input.
final class PracticeLoop {
  private var engine: PracticeEngine
  private let reader: any LineReading
  private var renderer: PracticeRenderer
  private let recorder: SessionRecorder?
  private let redaction: SessionRedaction?
  private let console: SessionConsole

  init(engine: PracticeEngine, reader: any LineReading, renderer: PracticeRenderer, recorder: SessionRecorder?,
       redaction: SessionRedaction?) {
    self.engine = engine
    self.reader = reader
    self.renderer = renderer
    self.recorder = recorder
    self.redaction = redaction
    console = SessionConsole(reader: reader, style: renderer.style)
  }

  /// Runs the practice to its end (continuing it when the engine has already started); returns the
  /// process exit code.
  func run() throws -> Int32 {
    if engine.phase == .notStarted {
      show(welcome())
      show(renderer.render(perform(.start)))
    } else {
      show(renderer.style.dim("Resuming the practice where it stopped (\(engine.turns.count) of your lines so far).") + "\n")
      if let last = engine.turns.last {
        show(renderer.style.dim("  You: \u{201C}\(VisibleText.sanitize(last.line))\u{201D}") + "\n")
        show(renderer.his(engine.persona.name, last.reply, last.replyAnalysis))
      }
    }
    warmUp()
    while !engine.isOver {
      refreshWidth()
      let prompt = reader.isInteractive ? renderer.style.promptDim("(\(engine.turns.count + 1)) ") + "you> " : ""
      switch reader.readLine(prompt: prompt) {
      case .line(let raw):
        let line = console.kept(raw.trimmingSpaces())
        if line.isEmpty { continue }
        if line.hasPrefix("/") {
          if command(PracticeSlashCommand(parsing: line)) { break }
          continue
        }
        reader.addHistory(line)
        if !reader.isInteractive { show("\n> " + VisibleText.sanitize(line) + "\n") }
        var check: Turn.SafetyCheck?
        if reader.isInteractive && engine.safetyConcern(of: line) == .possible {
          check = console.askAboutSafety()
        }
        show(renderer.render(perform(.line(line, safetyCheck: check))))
      case .endOfInput:
        if reader.isInteractive { show("\n") }
        show(renderer.render(perform(.end)))
      case .interrupted:
        let signal = reader.lastInterruptSignal
        show("\n" + renderer.style.dim("Stopped.") + (recorder.map { " The practice is recorded in \($0.path)." } ?? "") + "\n")
        return 128 + (signal == 0 ? SIGINT : signal)
      }
    }
    show(summaryText())
    if reader.isInteractive, let recorder {
      let note = "The practice is recorded in \(recorder.path): rekindle summary \(recorder.path) shows this summary again, rekindle practice --resume \(recorder.path) goes on with it."
      show(renderer.base.wrap(note, indent: "").map { renderer.style.dim($0) }.joined(separator: "\n") + "\n")
    }
    console.offerToSave(markdown(), record: recorder?.path)
    return 0
  }

  /// Applies one input to the engine and records it (the end of a practice is not recorded: a
  /// resumed practice goes on).
  private func perform(_ input: PracticeInput) -> [PracticeEvent] {
    let events = engine.apply(input)
    let changed = !events.contains { if case .notice = $0 { return true } else { return false } }
    if changed, let recorded = PracticeRecord.dialogueInput(input) { recorder?.record(recorded, signals: nil) }
    return events
  }

  /// Runs a slash command; returns true when the practice should end.
  private func command(_ command: PracticeSlashCommand) -> Bool {
    switch command {
    case .help:
      var text = "\n"
      for (name, what) in PracticeSlashCommand.helpLines { text += "  \(renderer.style.bold(name.padding(11)))  \(what)\n" }
      text += "  Anything else you type is what you say to him. Ctrl-D ends with the summary.\n"
      show(text)
    case .why:
      show(renderer.why(engine.turns.last))
    case .back:
      show(renderer.render(perform(.back)))
    case .hint:
      show("\n" + hint())
    case .personas:
      show(PersonaList.text(style: renderer.style, current: engine.persona.id))
    case .summary:
      show(summaryText())
    case .save(let path):
      guard let path else {
        show("  Usage: /save FILE\n")
        return false
      }
      show(console.save(markdown(), to: path, record: recorder?.path))
    case .quit:
      show(renderer.render(perform(.end)))
      return true
    case .unknown(let name, let suggestion):
      show("  Unknown command \(VisibleText.sanitize(name))." + (suggestion.map { " Did you mean \($0)?" } ?? "") + " Type /help.\n")
    }
    return false
  }

  /// What she could ask next: a follow-up when his last answer was vague, and the guide's next
  /// question she has not asked.
  private func hint() -> String {
    var text = ""
    if let last = engine.turns.last, last.replyAnalysis.evasive, last.question != nil {
      text += renderer.base.wrap("His last answer was vague. You could ask: \u{201C}Can you tell me more about that?\u{201D}", indent: "  ")
        .joined(separator: "\n") + "\n"
    }
    if let next = engine.nextQuestion() {
      let group = next.group.map { "group \($0)" } ?? "the guide"
      text += renderer.base.wrap("Next in the guide (\(group)): \u{201C}\(next.ask ?? next.id)\u{201D}, in your own words.", indent: "  ")
        .joined(separator: "\n") + "\n"
    } else {
      text += "  You have asked every question of the guide. You can end with /quit.\n"
    }
    return text
  }

  private func summaryText() -> String {
    let summary = PracticeSummary(of: engine)
    return reader.isInteractive ? PracticeSummaryRenderer(base: renderer.base).render(summary) : "\n" + summary.markdown()
  }

  /// The summary as Markdown, with names and contacts replaced under `--redact`.
  private func markdown() -> String {
    let text = PracticeSummary(of: engine).markdown()
    return redaction?.text(text) ?? text
  }

  private func refreshWidth() {
    guard reader.isInteractive else { return }
    var base = ChatRenderer(style: renderer.style, interactive: true, width: TerminalStyle.outputWidth())
    base.helplines = renderer.base.helplines
    renderer = PracticeRenderer(base: base, script: renderer.script)
  }

  /// Decodes the models in the background while she reads his opening line.
  private func warmUp() {
    let engine = self.engine
    Thread.detachNewThread {
      _ = engine.analyzer.lexicon
      _ = engine.analyzer.model
      _ = engine.herAnalyzer.analyze("", before: nil)
      _ = WordVectors.builtIn
    }
  }

  private func welcome() -> String {
    let style = renderer.style
    var text = renderer.base.wrap("Practice: your side of the conversation", indent: "").map { style.bold($0) }.joined(separator: "\n") + "\n"
    for line in [
      "Say to him what you would say, in your own words; he answers. Type /hint for a question to ask, /help for commands.",
      "What you type stays on this computer.",
    ] {
      text += renderer.base.wrap(line, indent: "").map { style.dim($0) }.joined(separator: "\n") + "\n"
    }
    return text
  }

  private func show(_ text: String) { console.show(text) }
}
