import Foundation
import Dialogue
import DialogueFormat
import TestSupport
import XCTest

/// `rekindle chat` with standard input from a pipe, a file or /dev/null (never a terminal).
final class E2EChatPipedTests: E2ETestCase {
  static let firstAsk = "Ask: What did you do while we were apart?"
  static let secondAsk = "Ask: And why did you come back?"
  static let thirdAsk = "Ask: When did you realize you still have feelings for me?"
  static let fourthAsk = "Ask: Did you date anyone while we were broken up?"

  private func chat(_ lines: [String], _ extra: [String] = [], environment: [String: String]? = nil) throws -> E2EResult {
    // The lexicon's deterministic rules: these tests are about the conversation's mechanics.
    try run(["chat", "--no-model"] + extra, stdin: .pipe(Data(lines.map { $0 + "\n" }.joined().utf8)), environment: environment)
  }

  /// The lines of `text` that start with `prefix`.
  private func lines(_ text: String, startingWith prefix: String) -> [String] {
    E2EText.lines(text).filter { $0.hasPrefix(prefix) }
  }

  /// Asserts `needles` occur in `text` in this order.
  private func assertInOrder(_ text: String, _ needles: [String], file: StaticString = #filePath, line: UInt = #line) {
    var from = text.startIndex
    for needle in needles {
      guard let range = text.range(of: needle, range: from..<text.endIndex) else {
        XCTFail("\"\(needle)\" missing, or out of order, in:\n\(text)", file: file, line: line)
        return
      }
      from = range.upperBound
    }
  }

  // MARK: - The transcript

  func testPipedTranscriptHasNoEscapesNoPromptAndQuestionsInOrder() throws {
    let replies = [
      "I messed up, I know that.",
      "I kept thinking about us, and I wanted to talk about it properly.",
      "It was your birthday. I almost called you that night.",
      "No, I didn't date anyone.",
      "I've been in therapy, and I learned that I shut down when things get hard.",
      "I'll call when I'm running late, and we'll talk things through on Sundays.",
      "Take all the time you need. I'll wait. \u{1B}[2J",
    ]
    let result = try chat(replies)
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    let out = result.out
    XCTAssertFalse(result.stdout.contains(0x1B), "ESC bytes in piped output:\n\(out.debugDescription.prefix(800))")
    XCTAssertFalse(out.contains("their reply>"), "a prompt in piped output")
    XCTAssertTrue(out.hasPrefix("Talking it through: when your ex wants to come back\n"), String(out.prefix(200)))
    assertInOrder(
      out,
      [
        "Question 1 of 7\n" + Self.firstAsk, "> " + replies[0],
        Self.secondAsk, "> " + replies[1],
        "Question 2 of 7\n" + Self.thirdAsk, "> " + replies[2],
        "Question 3 of 7\n" + Self.fourthAsk, "> " + replies[3],
        "Question 4 of 7\nAsk: What have you learned since we broke up?", "> " + replies[4],
        "Ask: What will be different this time?", "> " + replies[5],
        "Question 5 of 7\nAsk: Trust will take time to rebuild. How do you feel about going slowly?",
        "> Take all the time you need. I'll wait. ^[[2J",
        "Question 6 of 7\nAsk: Do you understand what the breakup did to me?",
        "# Talking it through", "## Question by question", "### Question 1 of 7: What did you do while we were apart?",
        "## Tally", "## A last word",
      ])
    // Question numbers never go backwards.
    let numbers = lines(out, startingWith: "Question ").compactMap { Int($0.split(separator: " ")[1]) }
    XCTAssertEqual(numbers, numbers.sorted(), "question numbers out of order: \(numbers)")
    XCTAssertEqual(numbers.first, 1)
    // Every reply is echoed once, as typed.
    let echoed = replies.map { "> " + $0.replacingOccurrences(of: "\u{1B}", with: "^[") }
    let transcript = String(out[..<(out.range(of: "# Talking it through", options: .backwards)?.lowerBound ?? out.endIndex)])
    XCTAssertEqual(lines(transcript, startingWith: "> "), echoed)
    XCTAssertTrue(out.contains("  [I messed up], I know that.\n  hopeful  remorse: “I messed up”"), out)
  }

  func testEndOfInputEndsWithTheSummary() throws {
    let result = try chat(["I messed up, I know that."])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    let out = result.out
    assertInOrder(
      out,
      [
        Self.firstAsk, "> I messed up, I know that.", Self.secondAsk,
        "# Talking it through: when your ex wants to come back", "## Question by question",
        "### Question 1 of 7: What did you do while we were apart?", "*Answered.*", "> I messed up, I know that.",
        "- Hopeful: remorse (\"I messed up\")", "### Question 1 of 7, part 2: And why did you come back?", "## Tally",
        "- Hopeful signs: 1", "## A last word",
      ])
    XCTAssertTrue(out.contains("The conversation was stopped before the last question."), out)
  }

  /// /summary in the middle marks the question being asked as in progress, not as unanswered.
  func testSummaryMidConversationMarksTheOpenQuestion() throws {
    let result = try chat(["I messed up, I know that.", "/summary"])
    XCTAssertTrue(result.exited(0), result.summary)
    assertInOrder(
      result.out,
      [
        "### Question 1 of 7, part 2: And why did you come back?", "*In progress: the question being asked now.*",
        "### Question 1 of 7, part 2: And why did you come back?", "*Not answered: the conversation ended here.*",
      ])
  }

  /// One vocabulary of formats: json and jsonl alike; the root help names the slash commands.
  func testFormatsAndHelp() throws {
    let analyzed = try run(["analyze", "--no-model", "--format", "json"], stdin: .pipe(Data("I'm sorry.\n".utf8)))
    XCTAssertTrue(analyzed.exited(0), analyzed.summary)
    XCTAssertEqual(jsonObjects(analyzed.stdout).count, 1)
    let labeled = try makeFile("l.jsonl", "{\"reply\":\"It was your fault.\",\"signals\":[\"blame\"]}\n")
    let evaluated = try run(["eval", "--no-model", "--format", "jsonl", labeled.path])
    XCTAssertTrue(evaluated.exited(0), evaluated.summary)
    XCTAssertNotNil(jsonObject(evaluated.out.trimmingCharacters(in: .whitespacesAndNewlines)))
    let help = try run(["--help"])
    for text in ["/why", "/save FILE", "summary", "compare", "corrections"] {
      XCTAssertTrue(help.out.contains(text), "root help lacks \(text): \(help.out)")
    }
  }

  func testEmptyInputStillAsksTheFirstQuestionThenSummarizes() throws {
    let result = try run(["chat"], stdin: .null)
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    XCTAssertFalse(result.stdout.contains(0x1B))
    assertInOrder(
      result.out,
      ["Question 1 of 7", Self.firstAsk, "## Question by question", "*Not answered: the conversation ended here.*", "## Tally"])
    XCTAssertFalse(result.out.contains(Self.secondAsk))
    XCTAssertFalse(result.out.contains("> "), "nothing was typed, nothing is echoed")

    // The default subcommand is chat.
    let bare = try run([], stdin: .null)
    XCTAssertTrue(bare.exited(0), bare.summary)
    XCTAssertEqual(bare.out, result.out)
  }

  // MARK: - Safety

  /// The safety statement from the product brief, typed as the first reply.
  /// With the built-in model and no one to ask (input is not a terminal), a possible concern stops
  /// the practice too: safety first.
  func testAPossibleConcernStopsAPipedPractice() throws {
    let result = try run(["chat"], stdin: .pipe(Data("I kept an eye on where you went.\nI was at my brother's.\n".utf8)))
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertTrue(result.out.contains("possible safety concern"), result.out)
    XCTAssertTrue(result.out.contains("call your local emergency number"), result.out)
    XCTAssertFalse(result.out.contains("And why did you come back?"), "the practice stopped at the concern")
  }

  func testSafetyStatementEndsThePractice() throws {
    try assertSafetyExit(statement: "If you say no I'll hurt myself")
  }

  /// The same statement with a comma before the threat.
  func testSafetyStatementWithACommaEndsThePractice() throws {
    try assertSafetyExit(statement: "If you say no, I'll hurt myself.")
  }

  func testSafetyStatementInAFollowUpEndsThePractice() throws {
    try assertSafetyExit(statement: "Honestly some days I don't want to be alive without you.", before: ["Not much."])
  }

  private func assertSafetyExit(
    statement: String, before: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let later = "I kept thinking about us, and I wanted to talk about it properly."
    let result = try chat(before + [statement, later, "/help"])
    XCTAssertTrue(result.exited(0), result.summary, file: file, line: line)
    XCTAssertEqual(result.err, "", file: file, line: line)
    let out = result.out
    XCTAssertTrue(out.contains("> " + statement), out, file: file, line: line)
    guard out.contains("Safety first.") else {
      XCTFail("no safety exit for \"\(statement)\"; the practice went on:\n\(out.prefix(1500))", file: file, line: line)
      return
    }
    XCTAssertTrue(out.contains("emergency"), "the safety text should mention emergency services", file: file, line: line)
    XCTAssertTrue(out.contains("safety concern"), file: file, line: line)
    XCTAssertFalse(out.contains("> " + later), "a line after the safety statement was read as a reply", file: file, line: line)
    XCTAssertFalse(out.contains(later), file: file, line: line)
    XCTAssertFalse(out.contains("/save FILE"), "a command after the safety statement was run", file: file, line: line)
    XCTAssertFalse(out.contains(Self.secondAsk), "the practice went on after a safety statement", file: file, line: line)
    assertInOrder(out, ["Safety first.", "## Question by question", "## Tally"], file: file, line: line)
  }

  // MARK: - Slash commands

  func testHelpListsTheCommands() throws {
    let result = try chat(["/help"])
    XCTAssertTrue(result.exited(0), result.summary)
    for command in ["/help", "/why", "/back", "/skip", "/summary", "/save FILE", "/quit"] {
      XCTAssertTrue(E2EText.matches(result.out, "^  \(command) +\\S"), "/help does not list \(command):\n\(result.out)")
    }
    XCTAssertFalse(result.out.contains("> /help"), "a command is not a reply")
    XCTAssertTrue(result.out.contains("*Not answered: the conversation ended here.*"), "/help is not recorded as an answer")
  }

  func testWhyExplainsTheLastReply() throws {
    let result = try chat(["/why", "I messed up, I know that.", "/why"])
    XCTAssertTrue(result.exited(0), result.summary)
    assertInOrder(
      result.out,
      [
        Self.firstAsk, "  No reply yet.", "> I messed up, I know that.", Self.secondAsk,
        "  remorse (score +1.00): regret or apology for what they did", "    “I messed up” at 0–11", "  tone +0.33",
        "## Question by question",
      ])
  }

  func testBackAsksTheQuestionAgain() throws {
    let result = try chat(["I messed up, I know that.", "/back", "Mostly I was at my brother's place, fixing cars."])
    XCTAssertTrue(result.exited(0), result.summary)
    let out = result.out
    assertInOrder(
      out,
      [
        Self.firstAsk, "> I messed up, I know that.", Self.secondAsk, "(Went back one answer.)", Self.firstAsk,
        "> Mostly I was at my brother's place, fixing cars.", Self.secondAsk, "## Question by question",
        "> Mostly I was at my brother's place, fixing cars.",
      ])
    let summary = String(out[(out.range(of: "## Question by question")?.lowerBound ?? out.endIndex)...])
    XCTAssertFalse(summary.contains("I messed up"), "the undone answer is still in the summary:\n\(summary)")

    let nothing = try chat(["/back"])
    XCTAssertTrue(nothing.exited(0), nothing.summary)
    XCTAssertTrue(nothing.out.contains("Nothing to go back to yet."), nothing.out)
  }

  func testSkipMovesOn() throws {
    let result = try chat(["/skip", "I kept thinking about us."])
    XCTAssertTrue(result.exited(0), result.summary)
    assertInOrder(
      result.out,
      [
        Self.firstAsk, "(Skipped.)", Self.secondAsk, "> I kept thinking about us.", Self.thirdAsk,
        "### Question 1 of 7: What did you do while we were apart?", "*Skipped.*", "### Question 1 of 7, part 2: And why did you come back?", "*Answered.*",
      ])
  }

  func testSaveWritesPrivateMarkdown() throws {
    let target = tempDir.appendingPathComponent("notes/deeper/summary.md")
    let result = try chat(["I messed up, I know that.", "/save \(target.path)", "/save"])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertTrue(result.out.contains("Saved the summary to \(target.path)"), result.out)
    XCTAssertTrue(
      result.out.contains("Created the folder \(tempDir.appendingPathComponent("notes/deeper").path) for it."),
      "a folder made for the summary is announced: \(result.out)")
    XCTAssertTrue(result.out.contains("Usage: /save FILE"), "/save without a file should explain its use")
    let markdown = try String(contentsOf: target, encoding: .utf8)
    XCTAssertTrue(markdown.hasPrefix("# Talking it through: when your ex wants to come back\n"), markdown)
    XCTAssertTrue(markdown.contains("## Question by question"))
    XCTAssertTrue(markdown.contains("> I messed up, I know that."))
    XCTAssertFalse(markdown.contains("\u{1B}"))
    XCTAssertEqual(try permissions(target), 0o600)
    XCTAssertEqual(try permissions(target.deletingLastPathComponent()), 0o700)

    // An existing file is not replaced when she cannot be asked (piped input).
    let existing = try makeFile("public.md", "old\n")
    let again = try chat(["/save \(existing.path)"])
    XCTAssertTrue(again.exited(0), again.summary)
    XCTAssertTrue(again.out.contains("Could not save: \(existing.path) already exists; not replaced."), again.out)
    XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "old\n")
  }

  func testQuitEndsWithTheSummaryAndReadsNoMore() throws {
    let result = try chat(["I messed up, I know that.", "/quit", "Never read as a reply.", "/help"])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    assertInOrder(result.out, ["> I messed up, I know that.", Self.secondAsk, "## Question by question", "## A last word"])
    XCTAssertFalse(result.out.contains("Never read"), result.out)
    XCTAssertFalse(result.out.contains("/save FILE"), "a command after /quit was run")
    XCTAssertEqual(result.out.components(separatedBy: "## Question by question").count, 2, "one summary")
  }

  func testUnknownCommandSuggestsTheClosest() throws {
    let result = try chat(["/hepl", "/skpi", "/frobnicate"])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertTrue(result.out.contains("Unknown command /hepl. Did you mean /help?"), result.out)
    XCTAssertTrue(result.out.contains("Unknown command /skpi. Did you mean /skip?"), result.out)
    XCTAssertTrue(result.out.contains("Unknown command /frobnicate."), result.out)
    XCTAssertFalse(result.out.contains("(Skipped.)"), "a misspelt command must not run")
  }

  // MARK: - Recording and resuming

  func testRecordWritesOneJSONLinePerTurnPrivately() throws {
    let record = tempDir.appendingPathComponent("sessions/today.jsonl")
    let result = try chat(
      ["I messed up, I know that.", "/back", "Mostly I was at my brother's place.", "/skip", "It was your birthday."],
      ["--record", record.path])
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(
      result.err, "rekindle: note: created the folder \(tempDir.appendingPathComponent("sessions").path) (readable only by you) for \(record.path)\n")
    XCTAssertEqual(try permissions(record), 0o600)
    let data = try Data(contentsOf: record)
    let objects = jsonObjects(data)
    XCTAssertEqual(objects.first?["format"] as? String, "rekindle-record/2")
    XCTAssertEqual(objects.first?["fingerprint"] as? String, ScriptLoader.builtIn.fingerprint)
    XCTAssertEqual(objects.first?["redacted"] as? Bool, false)
    XCTAssertNotNil((objects.first?["started"] as? String)?.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"#, options: .regularExpression))
    XCTAssertEqual(objects.dropFirst().map { $0["event"] as? String }, ["start", "reply", "back", "reply", "skip", "reply"])
    XCTAssertEqual(objects.compactMap { $0["reply"] as? String },
      ["I messed up, I know that.", "Mostly I was at my brother's place.", "It was your birthday."])
    XCTAssertEqual(objects[2]["signals"] as? [String], ["remorse"])
    XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("snapshot"), "the state is never written")

    // An existing record readable by others is made private.
    let shared = try makeFile("shared.jsonl", "")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: shared.path)
    let again = try chat(["I messed up"], ["--record", shared.path])
    XCTAssertTrue(again.exited(0), again.summary)
    XCTAssertEqual(try permissions(shared), 0o600)
  }

  func testResumeContinuesAfterTheLastRecordedAnswer() throws {
    let record = tempDir.appendingPathComponent("session.jsonl")
    let first = try chat(["I messed up, I know that.", "I kept thinking about us."], ["--record", record.path])
    XCTAssertTrue(first.exited(0), first.summary)
    let linesBefore = jsonObjects(try Data(contentsOf: record)).count
    XCTAssertEqual(linesBefore, 4, "a header, the start and two replies")

    let resumed = try chat(["It was your birthday. I almost called you that night."], ["--resume", record.path])
    XCTAssertTrue(resumed.exited(0), resumed.summary)
    XCTAssertEqual(resumed.err, "")
    let out = resumed.out
    XCTAssertFalse(out.contains(Self.firstAsk), "an answered question was asked again")
    XCTAssertFalse(out.contains(Self.secondAsk), "an answered question was asked again")
    let asks = lines(out, startingWith: "Ask: ")
    XCTAssertEqual(asks.first, Self.thirdAsk, "the next question after the last recorded answer")
    // A short recap of what was already asked comes first.
    assertInOrder(
      out,
      [
        "So far", "Question 1 of 7: What did you do while we were apart? (answered; remorse)",
        "Question 1 of 7, part 2: And why did you come back? (answered", Self.thirdAsk,
      ])
    assertInOrder(
      out,
      [
        "Resuming", Self.thirdAsk, "> It was your birthday. I almost called you that night.", Self.fourthAsk,
        "## Question by question", "### Question 1 of 7: What did you do while we were apart?", "> I messed up, I know that.",
        "### Question 1 of 7, part 2: And why did you come back?", "> I kept thinking about us.",
        "### Question 2 of 7: When did you realize you still have feelings for me?",
        "> It was your birthday. I almost called you that night.", "- Hopeful signs: 1",
      ])
    // The resumed session keeps recording to the same file.
    let after = jsonObjects(try Data(contentsOf: record))
    XCTAssertEqual(after.count, linesBefore + 1)
    XCTAssertEqual(after.last?["reply"] as? String, "It was your birthday. I almost called you that night.")
  }

  /// A record whose last line was cut short (the process was killed mid-write) resumes from the
  /// last whole line, and the turns of the resumed session are not lost to that damaged line.
  func testResumeAfterATruncatedLastLineKeepsTheNewTurns() throws {
    let record = tempDir.appendingPathComponent("cut.jsonl")
    let first = try chat(["I messed up, I know that.", "I kept thinking about us."], ["--record", record.path])
    XCTAssertTrue(first.exited(0), first.summary)
    var recordLines = E2EText.lines(try String(contentsOf: record, encoding: .utf8))
    XCTAssertEqual(recordLines.count, 4)
    recordLines[3] = String(recordLines[3].prefix(30))  // no newline after it
    try Data(recordLines.joined(separator: "\n").utf8).write(to: record)

    let resumed = try chat(["I still love you, and I wanted to say it properly."], ["--resume", record.path])
    XCTAssertTrue(resumed.exited(0), resumed.summary)
    XCTAssertEqual(lines(resumed.out, startingWith: "Ask: ").first, Self.secondAsk, "resumes from the last whole line")

    // The new turn is on a line of its own that parses.
    let after = E2EText.lines(try String(contentsOf: record, encoding: .utf8))
    let last = after.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    XCTAssertEqual(
      last?["reply"] as? String, "I still love you, and I wanted to say it properly.",
      "the resumed turn was glued to the damaged line: \(after.last?.prefix(160) ?? "")")

    // Resuming again continues after that turn.
    let again = try run(["chat", "--resume", record.path], stdin: .null)
    XCTAssertTrue(again.exited(0), again.summary)
    XCTAssertEqual(lines(again.out, startingWith: "Ask: ").first, Self.thirdAsk, "the resumed session's answer was lost")
  }

  func testCorruptRecordIsAClearError() throws {
    let garbage = try makeFile("garbage.jsonl", "this is not a record\n")
    let result = try run(["chat", "--resume", garbage.path], stdin: .null)
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains(garbage.path), result.err)
    XCTAssertFalse(result.out.contains("Ask:"), "no practice with a corrupt record")

    // A damaged line before a good one.
    let record = tempDir.appendingPathComponent("good.jsonl")
    _ = try chat(["I messed up, I know that.", "I kept thinking about us."], ["--record", record.path])
    var recordLines = E2EText.lines(try String(contentsOf: record, encoding: .utf8))
    XCTAssertEqual(recordLines.count, 4)
    recordLines[2] = String(recordLines[2].prefix(40))
    let damaged = try makeFile("damaged.jsonl", recordLines.joined(separator: "\n") + "\n")
    let result2 = try run(["chat", "--resume", damaged.path], stdin: .null)
    XCTAssertTrue(result2.exited(65), result2.summary)
    XCTAssertTrue(result2.err.contains("\(damaged.path):3"), result2.err)

    let missing = try run(["chat", "--resume", tempDir.appendingPathComponent("none.jsonl").path], stdin: .null)
    XCTAssertTrue(missing.exited(66), missing.summary)
  }

  func testResumingAnEndedSessionIsRefused() throws {
    let record = tempDir.appendingPathComponent("ended.jsonl")
    let first = try chat(["If you say no, I'll hurt myself."], ["--record", record.path])
    XCTAssertTrue(first.exited(0), first.summary)
    let result = try run(["chat", "--resume", record.path], stdin: .null)
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertTrue(result.err.contains(record.path), result.err)
    XCTAssertFalse(result.out.contains("Ask:"))
  }

  // MARK: - Scripts

  static let twoQuestionScript = """
    format: rekindle-dialogue/1
    title: "Two questions"
    start: first
    states:
      first:
        group: 1
        ask: "What happened?"
        transitions:
          - goto: second
      second:
        group: 2
        ask: "And then?"
        transitions:
          - goto: done
      done:
        kind: end
        say: "That was the last question."

    """

  func testScriptFileRunsToItsEnd() throws {
    let script = try makeFile("two.yaml", Self.twoQuestionScript)
    let result = try chat(["We argued.", "We stopped talking.", "Never read."], ["--script", script.path])
    XCTAssertTrue(result.exited(0), result.summary)
    assertInOrder(
      result.out,
      [
        "Two questions", "Question 1 of 2", "Ask: What happened?", "> We argued.", "Question 2 of 2", "Ask: And then?",
        "> We stopped talking.", "That was the last question.", "# Two questions", "## Question by question",
      ])
    XCTAssertFalse(result.out.contains("Never read"))

    // A record made with one script does not resume with another.
    let record = tempDir.appendingPathComponent("two.jsonl")
    _ = try chat(["We argued."], ["--script", script.path, "--record", record.path])
    let mismatch = try run(["chat", "--resume", record.path], stdin: .null)
    XCTAssertTrue(mismatch.exited(65), mismatch.summary)
    XCTAssertTrue(mismatch.err.contains("--script"), mismatch.err)
  }

  func testMissingScriptFileExit66() throws {
    let path = tempDir.appendingPathComponent("missing.yaml").path
    let result = try run(["chat", "--script", path], stdin: .null)
    XCTAssertTrue(result.exited(66), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains(path), result.err)
    XCTAssertEqual(result.out, "")
  }

  func testScriptWithAYAMLErrorReportsFileLineColumnExit65() throws {
    let syntax = try makeFile(
      "syntax.yaml", "format: rekindle-dialogue/1\ntitle: \"x\"\nstart: a\nstates:\n  a:\n    ask: [unclosed\n")
    let result = try run(["chat", "--script", syntax.path], stdin: .null)
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(E2EText.matches(result.err, "\(NSRegularExpression.escapedPattern(for: syntax.path)):[0-9]+:[0-9]+: error: "), result.err)
    XCTAssertEqual(result.out, "")

    let unknownKey = try makeFile(
      "key.yaml", "format: rekindle-dialogue/1\ntitle: \"x\"\nstart: a\nstates:\n  a:\n    ask: \"Q?\"\n    bogus: 1\n")
    let result2 = try run(["chat", "--script", unknownKey.path], stdin: .null)
    XCTAssertTrue(result2.exited(65), result2.summary)
    XCTAssertTrue(result2.err.contains("\(unknownKey.path):7:5: error: "), result2.err)
  }

  // MARK: - Colour switches

  func testNoColorSwitchesAreAccepted() throws {
    let replies = ["I messed up, I know that.", "/why"]
    let plain = try chat(replies)
    XCTAssertTrue(plain.exited(0), plain.summary)
    let flag = try chat(replies, ["--no-color"])
    XCTAssertTrue(flag.exited(0), flag.summary)
    var env = baseEnvironment()
    env["NO_COLOR"] = "1"
    let variable = try chat(replies, environment: env)
    XCTAssertTrue(variable.exited(0), variable.summary)
    for result in [plain, flag, variable] {
      XCTAssertFalse(result.stdout.contains(0x1B))
      XCTAssertEqual(result.err, "")
    }
    XCTAssertEqual(flag.out, plain.out)
    XCTAssertEqual(variable.out, plain.out)
  }
}
