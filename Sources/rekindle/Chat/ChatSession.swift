#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Dialogue
import Foundation
import LineEditor
import Signals

/// The interactive loop of `rekindle chat`: reads lines, runs commands, feeds replies to the
/// engine, shows what it says, and records each turn.
final class ChatSession {
  private var engine: DialogueEngine
  private let reader: any LineReading
  private var renderer: ChatRenderer
  private let recorder: SessionRecorder?
  /// With `--redact`: applied to what `/save` writes.
  private let redaction: SessionRedaction?
  /// Where the latest question stands, as its event said.
  private var progress: QuestionProgress
  private let console: SessionConsole

  init(
    engine: DialogueEngine, reader: any LineReading, renderer: ChatRenderer, recorder: SessionRecorder?,
    redaction: SessionRedaction? = nil
  ) {
    self.redaction = redaction
    self.engine = engine
    self.reader = reader
    self.renderer = renderer
    self.recorder = recorder
    console = SessionConsole(reader: reader, style: renderer.style)
    progress = engine.progress
  }

  /// Runs the conversation to its end (continuing it when the engine has already started);
  /// returns the process exit code.
  func run() throws -> Int32 {
    if case .awaitingReply(let state) = engine.phase, let question = engine.currentQuestion {
      show(renderer.wrap("Resuming the practice where it stopped.", indent: "").map { renderer.style.dim($0) }.joined(separator: "\n") + "\n" + recap())
      show(renderer.render([.question(stateID: state, text: question, progress: engine.progress)]))
    } else {
      show(welcome())
      showEvents(try perform(.start))
    }
    warmUp()
    while case .awaitingReply = engine.phase {
      // The terminal may have been resized since the last reply: wrap at its width now.
      if reader.isInteractive {
        var resized = ChatRenderer(style: renderer.style, interactive: true, width: TerminalStyle.outputWidth())
        resized.helplines = renderer.helplines
        renderer = resized
      }
      let prompt = reader.isInteractive ? renderer.style.promptDim("(\(progress.number)/\(progress.total)) ") + "their reply> " : ""
      switch reader.readLine(prompt: prompt) {
      case .line(let raw):
        let line = console.kept(raw.trimmingSpaces())
        if line.isEmpty { continue }
        if line.hasPrefix("/") {
          if try command(ChatCommand(parsing: line)) {
            offerToSave()
            return 0
          }
          continue
        }
        reader.addHistory(line)
        if !reader.isInteractive { show("> " + VisibleText.sanitize(line) + "\n") }
        var analysis = engine.analyze(line)
        var check: Turn.SafetyCheck?
        if analysis.safetyIsUncertain && reader.isInteractive {
          check = console.askAboutSafety()
          analysis = analysis.resolvingSafety(confirmed: check != .dismissed)
        }
        let events = try engine.reply(line, analysis: analysis, safetyCheck: check)
        recorder?.record(.reply(line, safetyCheck: check), events: events)
        showEvents(events)
      case .endOfInput:
        if reader.isInteractive { show("\n") }
        showEvents(engine.finish())
        return 0
      case .interrupted:
        let signal = reader.lastInterruptSignal
        show("\n" + renderer.style.dim("Stopped.") + (recorder.map { " The session is recorded in \($0.path)." } ?? "") + "\n")
        return 128 + (signal == 0 ? SIGINT : signal)
      }
    }
    offerToSave()
    return 0
  }

  /// The questions already asked in a resumed session, one line each with their signs.
  private func recap() -> String {
    let done = engine.summary.questions.filter { !$0.isOpen }
    guard !done.isEmpty else { return "" }
    var out = "\n" + renderer.style.bold("So far") + "\n"
    for question in done {
      var line = "\(question.progress.label): \(question.question) "
      switch question.outcome {
      case .answered: line += "(answered"
      case .evaded: line += "(evaded"
      case .skipped: line += "(skipped"
      case .unanswered: line += "(not answered"
      }
      let signs = question.signals.map { $0.id.label }
      line += signs.isEmpty ? ")" : "; " + signs.joined(separator: ", ") + ")"
      out += renderer.wrap(line, indent: "  ").joined(separator: "\n") + "\n"
    }
    return out
  }

  /// At the end of a conversation at a terminal: offers to save the summary, and says where the
  /// record is and how to see the summary again.
  private func offerToSave() {
    guard reader.isInteractive else { return }
    if let recorder {
      let note = "The session is recorded in \(recorder.path); rekindle summary \(recorder.path) shows this summary again."
      show(renderer.wrap(note, indent: "").map { renderer.style.dim($0) }.joined(separator: "\n") + "\n")
    }
    console.offerToSave((redaction?.summary(of: engine) ?? engine.summary).markdown(), record: recorder?.path)
  }

  /// The signs of the last reply, for messages ("none" when it showed none).
  private func lastSigns() -> String {
    let signs = engine.turns.last?.analysis.signals.map(\.id.rawValue) ?? []
    return signs.isEmpty ? "none" : signs.joined(separator: ", ")
  }

  /// Applies one input to the engine and records it.
  private func perform(_ input: DialogueInput) throws(DialogueError) -> [DialogueEvent] {
    let events = try engine.apply(input)
    recorder?.record(input, events: events)
    return events
  }

  /// Shows what the engine said, keeping the progress of its latest question for the prompt.
  private func showEvents(_ events: [DialogueEvent]) {
    for event in events { if case .question(_, _, let latest) = event { progress = latest } }
    show(renderer.render(events))
  }

  /// Compiles the analyzer's lexicon and decodes its model in the background while the person reads
  /// the first question.
  private func warmUp() {
    let analyzer = engine.analyzer
    Thread.detachNewThread {
      _ = analyzer.lexicon
      _ = analyzer.model
      _ = ReplyFeatures(reply: "", question: nil, lexicon: nil)
    }
  }

  /// Runs a slash command; returns true when the session should end.
  private func command(_ command: ChatCommand) throws -> Bool {
    switch command {
    case .help:
      var text = "\n"
      for (name, what) in ChatCommand.helpLines { text += "  \(renderer.style.bold(name.padding(10)))  \(what)\n" }
      text += "  Anything else you type is their reply. Ctrl-C clears the line; Ctrl-D ends with the summary.\n"
      show(text)
    case .why:
      show(renderer.why(engine.lastAnalysis, reply: engine.turns.last?.reply))
    case .back:
      do {
        let events = try perform(.back)
        show(renderer.style.dim("  (Went back one answer.)") + "\n")
        showEvents(events)
      } catch {
        show("  Nothing to go back to yet.\n")
      }
    case .skip:
      do {
        showEvents(try perform(.skip))
      } catch {
        show("  This question cannot be skipped.\n")
      }
    case .not(let name):
      guard let name else {
        show("  Usage: /not SIGN, for example /not blame. The signs of the last reply: \(lastSigns()).\n")
        return false
      }
      let wanted = name.lowercased().replacing(" ", with: "_")
      guard let id = SignalID.allCases.first(where: { $0.rawValue == wanted || $0.label.lowercased() == name.lowercased() })
      else {
        let hint = Suggestion.closest(to: wanted, in: SignalID.allCases.map(\.rawValue)).map { " Did you mean \($0)?" } ?? ""
        show("  There is no sign called \(VisibleText.sanitize(name)).\(hint)\n")
        return false
      }
      do {
        _ = try perform(.overrule(id))
        show("  Noted: you say the last reply does not show \(id.label). The summary keeps it as yours.\n")
      } catch {
        show("  The last reply does not show \(id.label). Its signs: \(lastSigns()).\n")
      }
    case .note(let text):
      guard let text else {
        show("  Usage: /note TEXT, for example /note He said the same last year.\n")
        return false
      }
      if (try? perform(.note(text))) != nil { show("  Your note is kept with this question.\n") }
    case .questions:
      let ahead = engine.questionsAhead
      if ahead.isEmpty {
        show("  No other questions ahead.\n")
      } else {
        var text = "  Questions ahead (the conversation picks the way by the answers):\n"
        for state in ahead {
          text += renderer.wrap("- \(state.ask ?? state.id)", indent: "    ").joined(separator: "\n") + "\n"
        }
        show(text)
      }
    case .summary:
      show((renderer.interactive ? "" : "\n") + renderer.summaryText(engine.summary))
    case .save(let path):
      guard let path else {
        show("  Usage: /save FILE\n")
        return false
      }
      show(console.save((redaction?.summary(of: engine) ?? engine.summary).markdown(), to: path, record: recorder?.path))
    case .quit:
      showEvents(engine.finish())
      return true
    case .unknown(let name, let suggestion):
      show("  Unknown command \(VisibleText.sanitize(name))." + (suggestion.map { " Did you mean \($0)?" } ?? "") + " Type /help.\n")
    }
    return false
  }

  private func welcome() -> String {
    let style = renderer.style
    var text = renderer.wrap(engine.script.title, indent: "").map { style.bold($0) }.joined(separator: "\n") + "\n"
    for line in ["Ask each question, then type what they answered. Type /help for commands.", "What you type stays on this computer."] {
      text += renderer.wrap(line, indent: "").map { style.dim($0) }.joined(separator: "\n") + "\n"
    }
    return text
  }

  private func show(_ text: String) { console.show(text) }
}

extension String {
  /// The string padded with spaces to `width` characters.
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}