import Dialogue
import JSONText
import DialogueFormat
import Practice
import Rehearsal
import Signals

/// `rehearse` for practice transcripts (her lines against a persona): plays them, checks or updates
/// their expectations, and reports which of each persona's reply variants they reached.
struct PracticeRehearsals {
  let script: String?
  let analyzer: Analyzer
  let style: TerminalStyle

  /// The transcripts at `paths` played: each result, and per persona (by id) what its variants' coverage is.
  func play(_ paths: [String]) throws(UserFacingError) -> (results: [PracticeRehearsalResult], coverage: [(String, PersonaCoverage)]) {
    var results: [PracticeRehearsalResult] = []
    var personas: [String: (Persona, DialogueScript)] = [:]
    var personaOfResult: [String] = []
    for path in paths {
      let transcript: PracticeTranscript
      let text = try FileReader.readText(path)
      do {
        transcript = try PracticeTranscriptLoader.load(text, file: path)
      } catch {
        throw UserFacingError(error.description, code: .dataError)
      }
      let dialogue = try ScriptSource.load(script ?? relative(transcript.script, to: path))
      let name = PersonaLoader.builtIn(transcript.persona) != nil ? transcript.persona : relative(transcript.persona, to: path) ?? transcript.persona
      let persona = try PracticePlay.persona(named: name, script: dialogue)
      personas[persona.id] = (persona, dialogue)
      personaOfResult.append(persona.id)
      results.append(PracticeRehearsalRunner(script: dialogue, persona: persona, analyzer: analyzer).run(transcript))
    }
    let coverage = personas.keys.sorted().compactMap { id -> (String, PersonaCoverage)? in
      guard let (persona, dialogue) = personas[id] else { return nil }
      let mine = zip(results, personaOfResult).filter { $0.1 == id }.map(\.0)
      return (id, PersonaCoverage(persona: persona, script: dialogue, results: mine))
    }
    return (results, coverage)
  }

  /// Plays the transcripts at `paths`; returns the text to print and whether any check failed.
  func run(_ paths: [String], check: Bool, update: Bool, coverage: Bool, minCoverage: Double?) throws(UserFacingError)
    -> (text: String, failed: Bool)
  {
    let (results, reports) = try play(paths)
    var out = ""
    var failed = false
    if update {
      for result in results {
        let path = result.transcript.file
        let original = try? FileReader.readText(path)
        let (text, changes) = PracticeGoldenTranscript.update(result, comments: original.map(TranscriptComments.init(text:)))
        if changes.isEmpty {
          out += "unchanged \(path)\n"
          continue
        }
        for change in changes { out += "  \(VisibleText.sanitize(change))\n" }
        try PrivateFile.write(text, to: path, replacing: true)
        out += "updated \(path) (\(changes.count) change\(changes.count == 1 ? "" : "s"))\n"
      }
    } else if check {
      out += RehearsalPrinter(style: style).checkReport(results, kind: "practice transcripts", steps: "lines")
      failed = results.contains { !$0.passed }
    } else {
      for result in results { out += conversation(result) }
    }
    if coverage || minCoverage != nil {
      for (id, report) in reports {
        let tenths = Int((report.percent * 10).rounded())
        out += "coverage of persona \(id): \(report.covered.count)/\(report.all.count) reply variants (\(tenths / 10).\(tenths % 10)%)\n"
        for key in report.missing { out += "  not reached: \(key)\n" }
        if let floor = minCoverage, report.percent < floor {
          StandardError.write("rekindle: persona \(id): variant coverage is below \(floor)%\n")
          failed = true
        }
      }
    }
    return (out, failed)
  }

  /// Practice results as JSON (`rehearse --format json`): per transcript, each line as played (the
  /// question recognised, her signs, his variant and signs) and the expectations that did not hold;
  /// per persona, its variant coverage.
  static func json(_ results: [PracticeRehearsalResult], coverage: [(String, PersonaCoverage)]) -> JSONValue {
    let transcripts: [JSONValue] = results.map { result in
      let turns: [JSONValue] = result.turns.map { observed in
        var members: [(String, JSONValue)] = [("line", .int(observed.turn.line)), ("played", .bool(observed.played))]
        switch observed.turn.action {
        case .say(let text): members.append(("say", .string(text)))
        case .back: members.append(("say", .string("/back")))
        }
        if let reading = observed.reading {
          members += [
            ("question", reading.question.map { .string($0) } ?? .null), ("follow_up", .bool(reading.isFollowUp)),
            ("tone", .array(reading.signs.map { .string($0.sign.rawValue) })),
            ("variant", reading.variant.map { .string($0.rawValue) } ?? .null),
            ("his_signals", .array(reading.replyAnalysis.signals.map { .string($0.id.rawValue) })),
          ]
        }
        return .object(members)
      }
      return .object([
        ("file", .string(result.file)), ("title", .string(result.title)), ("persona", .string(result.transcript.persona)),
        ("passed", .bool(result.passed)), ("ending", .string(result.ending.rawValue)), ("turns", .array(turns)),
        ("mismatches", .array(result.mismatches.map { m in
          .object([
            ("line", .int(m.line)), ("turn", .int(m.turn)), ("field", .string(m.field)), ("expected", .string(m.expected)),
            ("got", .string(m.got)),
          ])
        })),
      ])
    }
    let personas: [JSONValue] = coverage.map { id, report in
      .object([
        ("persona", .string(id)), ("variants", .int(report.all.count)), ("covered", .int(report.covered.count)),
        ("percent", .number(report.percent)), ("missing", .array(report.missing.map { .string("\($0)") })),
      ])
    }
    return .object([("transcripts", .array(transcripts)), ("coverage", .array(personas))])
  }

  /// The practice as it went: her lines, how they read, his answers.
  private func conversation(_ result: PracticeRehearsalResult) -> String {
    let base = ChatRenderer(style: style, interactive: false, width: 100)
    guard let dialogue = try? ScriptSource.load(script) else { return "" }
    let renderer = PracticeRenderer(base: base, script: dialogue)
    var out = style.bold(VisibleText.sanitize(result.transcript.title)) + "\n"
    for observed in result.turns where observed.played {
      switch observed.turn.action {
      case .say(let line): out += "\n> " + VisibleText.sanitize(line) + "\n"
      case .back: out += "\n> /back\n"
      }
      guard let reading = observed.reading else { continue }
      out += renderer.herReading(reading.signs, question: reading.question, isFollowUp: reading.isFollowUp)
      if let coaching = reading.coaching { out += renderer.render([.coaching(coaching)]) }
      out += renderer.his(result.summary.personaName, reading.reply, reading.replyAnalysis)
    }
    return out + "\n"
  }

  /// A path written in a transcript, relative to the transcript's folder.
  private func relative(_ path: String?, to file: String) -> String? {
    guard let path, path != "default", path != "built-in" else { return nil }
    if path.hasPrefix("/") { return path }
    let directory = file.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    return directory.isEmpty ? path : directory + "/" + path
  }
}
