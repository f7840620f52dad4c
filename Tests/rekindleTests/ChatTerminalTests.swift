#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import TestSupport
import XCTest

/// Drives the built `rekindle chat` under a pseudo-terminal, as a person would: typing, history
/// (Up), Tab completion, Ctrl-C, Ctrl-D, SIGTERM, and the history file.
///
/// The child gets a new session with the pty slave as its controlling terminal (so Ctrl-C in
/// the line discipline really sends SIGINT), a 100x40 window, `TERM=xterm`, colours on, and
/// `HOME`/`XDG_STATE_HOME`/`INPUTRC` inside a fresh temporary directory.
final class ChatTerminalTests: XCTestCase {
  private var child: PseudoTerminalChild?
  private var sandbox: URL!

  private let reply = "I worked a lot and missed you."
  private let firstQuestion = "What did you do while we were apart?"
  private let secondQuestion = "And why did you come back?"
  private let prompt = "their reply> "

  override func setUpWithError() throws {
    try super.setUpWithError()
    sandbox = FileManager.default.temporaryDirectory
      .appendingPathComponent("rekindle-pty-\(getpid())-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: sandbox.appendingPathComponent("home"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: sandbox.appendingPathComponent("state"), withIntermediateDirectories: true)
    // An empty inputrc: neither ~/.inputrc nor /etc/inputrc changes the key bindings.
    _ = FileManager.default.createFile(atPath: sandbox.appendingPathComponent("inputrc").path, contents: Data())
  }

  override func tearDownWithError() throws {
    child?.kill()
    child = nil
    if let sandbox {
      try? FileManager.default.removeItem(at: sandbox)
    }
    try super.tearDownWithError()
  }

  // MARK: - Tests

  /// Reply, Up recalls it, Ctrl-U clears it, Tab completes /help, Ctrl-C clears a line and the
  /// process lives on, Ctrl-D ends with the summary and exit status 0.
  func testEditingHistoryCompletionCtrlCAndCtrlD() throws {
    let pty = try launch()

    // 1. The welcome, the first question and the prompt.
    try expect(pty, firstQuestion)
    try expect(pty, prompt)
    let editing = pty.terminalModes()
    XCTAssertNotNil(editing)
    if let editing {
      XCTAssertEqual(editing.c_lflag & tcflag_t(ICANON), 0, "readline should edit in non-canonical mode")
      XCTAssertEqual(editing.c_lflag & tcflag_t(ECHO), 0, "readline should echo the line itself")
    }

    // 2. A reply, then the next question.
    pty.send(reply + "\r")
    try expect(pty, secondQuestion)
    try expect(pty, prompt)

    // 3. Up recalls the previous reply onto the line; Ctrl-U clears it again.
    pty.send("\u{1B}[A")
    try expect(pty, reply, "Up (ESC [ A) should bring back the previous reply")
    pty.send("\u{15}")
    pty.settle()
    let cleared = pty.screen()
    XCTAssertTrue(
      cleared.rows.last(where: { $0.contains(prompt.trimmingTrailingSpaces()) })?.hasSuffix(prompt.trimmingTrailingSpaces()) == true,
      "after Ctrl-U the prompt row should hold only the prompt; screen:\n\(cleared.dump())")

    // 4. "/he" + Tab completes to "/help"; Enter shows the help.
    pty.send("/he")
    try expect(pty, "/he")
    pty.send("\t")
    try expect(pty, "lp", "Tab after /he should complete the rest of /help")
    XCTAssertTrue(
      pty.screen().rows.contains { $0.hasSuffix(prompt + "/help") },
      "the edited line should read /help after Tab; screen:\n\(pty.screen().dump())")
    pty.send("\r")
    try expect(pty, "/why", "the help should list /why")
    try expect(pty, "Ctrl-D ends with the summary")
    try expect(pty, prompt)
    // The line really was cleared by Ctrl-U: otherwise "I worked a lot.../help" would have been
    // taken as a reply, and no help would have been shown.
    XCTAssertFalse(pty.text(since: 0).contains(reply + "/he"))

    // 5. Some text, then Ctrl-C: "^C", a fresh prompt, the process still running.
    pty.send("half a thought")
    try expect(pty, "half a thought")
    pty.send("\u{03}")
    try expect(pty, "^C", "Ctrl-C should be echoed as ^C")
    try expect(pty, prompt, "Ctrl-C should show a fresh prompt")
    pty.settle()
    XCTAssertTrue(pty.isRunning, "one Ctrl-C on a non-empty line must not end the session")

    // 6. Ctrl-D on the (cleared) empty line: the summary, exit status 0.
    pty.send("\u{04}")
    try expect(pty, "Summary: Talking it through")
    try expect(pty, "Question 1 of 7:")
    try expect(pty, "Tally")
    let status = pty.waitForExit(timeout: 10)
    XCTAssertEqual(status, .exited(0), "Ctrl-D should end the session with status 0")
    let all = pty.text(since: 0)
    XCTAssertFalse(all.contains("half a thought\n"), "the line cleared by Ctrl-C must not be taken as a reply")
    XCTAssertFalse(all.contains("Their reply:\n\n> half a thought"), "the cleared line must not be in the summary")
    assertTerminalRestored(pty)
  }

  /// Ctrl-C on an empty line, then Ctrl-C again: "Stopped." and exit status 130.
  func testCtrlCTwiceOnEmptyLineExits130() throws {
    let pty = try launch()
    try expect(pty, firstQuestion)
    try expect(pty, prompt)

    pty.send("\u{03}")
    try expect(pty, "^C")
    try expect(pty, "(Ctrl-C again to quit without the summary; Ctrl-D or /quit to end with it.)", "the first Ctrl-C says how to leave")
    try expect(pty, prompt, "the first Ctrl-C should only show a fresh prompt")
    pty.settle()
    XCTAssertTrue(pty.isRunning, "the first Ctrl-C must not end the session")

    pty.send("\u{03}")
    let status = pty.waitForExit(timeout: 10)
    XCTAssertEqual(status, .exited(130), "a second Ctrl-C on an empty line should exit with 130")
    let output = pty.text(since: 0).trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertTrue(
      output.hasSuffix("Stopped."), "the output should end with the Stopped. line; it ends with: \(output.suffix(120).debugDescription)")
    XCTAssertFalse(output.contains("Summary:"), "Ctrl-C Ctrl-C stops without a summary")
    assertTerminalRestored(pty)
  }

  /// A reply that might be about harm, read by the built-in model: she is asked first, and "n" goes on
  /// with the practice, noted in the summary; "y" stops it with the safety advice.
  func testAPossibleSafetyConcernIsAskedAboutFirst() throws {
    let pty = try launch()
    try expect(pty, firstQuestion)
    try expect(pty, prompt)
    pty.send("I kept an eye on where you went.\r")
    try expect(pty, "That could be about harm.")
    try expect(pty, "y/n> ")
    pty.send("maybe\r")
    try expect(pty, "Please type y or n.")
    pty.send("n\r")
    try expect(pty, "Going on with the practice.")
    try expect(pty, "And why did you come back?", "a dismissed concern moves on to the next question")
    try expect(pty, prompt)
    pty.send("/summary\r")
    try expect(pty, "was not about real harm")
    pty.send("I kept an eye on where you went, and I will again.\r")
    if pty.waitFor("y/n> ", timeout: 5) { pty.send("y\r") }
    // The end offers to save the summary; Enter skips.
    try expect(pty, "Save this summary to a file? Enter a path, or press Enter to skip:")
    pty.send("\r")
    let status = pty.waitForExit(timeout: 10)
    XCTAssertEqual(status, .exited(0))
    XCTAssertTrue(pty.text(since: 0).contains("emergency"), "a confirmed concern ends with the safety advice")
    assertTerminalRestored(pty)
  }

  /// `rekindle practice` at a terminal: she types her side, he answers; Up recalls her line, Tab
  /// completes a command, /hint suggests a question, Ctrl-D ends with the summary and the offer to save.
  func testPracticeConversationAtTheTerminal() throws {
    let pty = try launch(arguments: ["practice", "--persona", "rebound"])
    let you = "you> "
    try expect(pty, "You are talking to Ryan.")
    try expect(pty, you)
    let line = "What was life like for you while we were apart?"
    pty.send(line + "\r")
    try expect(pty, "asked: What did you do while we were apart?")
    try expect(pty, "Ryan:")
    try expect(pty, you)
    pty.send("\u{1B}[A")
    try expect(pty, line, "Up recalls her last line")
    pty.send("\u{15}")
    pty.send("/hi")
    pty.send("\t")
    try expect(pty, "nt", "Tab after /hi completes /hint")
    pty.send("\r")
    try expect(pty, "Next in the guide")
    try expect(pty, you)
    pty.send("Why did it end with her? Answer me, I'm sick of waiting.\r")
    try expect(pty, "coach:")
    try expect(pty, you)
    pty.send("\u{04}")
    try expect(pty, "Summary: practice with Ryan")
    try expect(pty, "How you asked")
    try expect(pty, "Save this summary to a file? Enter a path, or press Enter to skip:")
    pty.send("\r")
    XCTAssertEqual(pty.waitForExit(timeout: 10), .exited(0))
    assertTerminalRestored(pty)
  }

  /// SIGTERM while the prompt waits: "Stopped." and exit status 143.
  func testSigtermAtPromptExits143() throws {
    let pty = try launch()
    try expect(pty, firstQuestion)
    try expect(pty, prompt)
    pty.send("typed but not sent")
    try expect(pty, "typed but not sent")
    pty.settle()

    pty.signal(SIGTERM)
    let status = pty.waitForExit(timeout: 10)
    XCTAssertEqual(status, .exited(143), "SIGTERM at the prompt should exit with 128 + 15")
    let output = pty.text(since: 0).trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertTrue(output.hasSuffix("Stopped."), "ends with: \(output.suffix(120).debugDescription)")
    assertTerminalRestored(pty)
  }

  /// `--history` keeps the typed replies in $XDG_STATE_HOME/rekindle/history (0600, directory
  /// 0700), and the next session recalls them with Up.
  func testHistoryFlagKeepsRepliesInPrivateFile() throws {
    let directory = sandbox.appendingPathComponent("state/rekindle")
    let file = directory.appendingPathComponent("history")

    let first = try launch(arguments: ["chat", "--history"])
    try expect(first, firstQuestion)
    try expect(first, prompt)
    first.send(reply + "\r")
    try expect(first, secondQuestion)
    try expect(first, prompt)
    first.send("\u{04}")
    try expect(first, "Tally")
    XCTAssertEqual(first.waitForExit(timeout: 10), .exited(0))
    assertTerminalRestored(first)
    first.kill()

    var info = stat()
    XCTAssertEqual(stat(directory.path, &info), 0, "\(directory.path) should exist")
    XCTAssertEqual(info.st_mode & 0o777, 0o700, "the history directory should have mode 0700")
    XCTAssertEqual(stat(file.path, &info), 0, "\(file.path) should exist")
    XCTAssertEqual(info.st_mode & 0o777, 0o600, "the history file should have mode 0600")
    XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG)
    let saved = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    XCTAssertTrue(saved.contains(reply), "the history file should hold the reply; it holds \(saved.debugDescription)")

    // A second session starts with that history: Up brings the reply back.
    let second = try launch(arguments: ["chat", "--history"])
    child = second
    try expect(second, firstQuestion)
    try expect(second, prompt)
    second.send("\u{1B}[A")
    try expect(second, reply, "Up in a new --history session should recall the saved reply")
    second.send("\u{15}\u{04}")
    try expect(second, "Tally")
    XCTAssertEqual(second.waitForExit(timeout: 10), .exited(0))
    assertTerminalRestored(second)
  }

  /// Without `--history` nothing is written: no history file anywhere under the sandbox.
  func testNoHistoryFileWithoutFlag() throws {
    let pty = try launch()
    try expect(pty, firstQuestion)
    try expect(pty, prompt)
    pty.send(reply + "\r")
    try expect(pty, secondQuestion)
    try expect(pty, prompt)
    pty.send("\u{04}")
    try expect(pty, "Tally")
    XCTAssertEqual(pty.waitForExit(timeout: 10), .exited(0))
    assertTerminalRestored(pty)

    let state = sandbox.appendingPathComponent("state")
    let home = sandbox.appendingPathComponent("home")
    XCTAssertFalse(FileManager.default.fileExists(atPath: state.appendingPathComponent("rekindle").path))
    XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? [], [])
    let homeFiles = FileManager.default.enumerator(atPath: home.path)?.allObjects as? [String] ?? []
    XCTAssertEqual(homeFiles, [], "nothing should be written under HOME without --history")
  }

  /// A reply longer than one row wraps at the 100th column, and Ctrl-U then clears both rows and
  /// puts the cursor right after the prompt. For readline to know where the prompt ends, the
  /// prompt's colour codes must not count as visible characters (they need \u{1}...\u{2}).
  func testLongReplyWrapsAndCtrlUClearsItCleanly() throws {
    let pty = try launch()
    try expect(pty, firstQuestion)
    try expect(pty, prompt)
    let long = (0..<12).map { "word\($0)xx" }.joined(separator: " ")  // 12 * 8 + 11 = 107 columns
    pty.send(long)
    try expect(pty, "word11xx")
    pty.settle()

    var screen = pty.screen()
    guard let row = screen.rows.lastIndex(where: { $0.contains(prompt) }) else {
      return XCTFail("no prompt on screen:\n\(screen.dump())")
    }
    let promptLine = screen.rows[row]
    let promptEnd = promptLine.range(of: prompt)!.upperBound
    let promptText = String(promptLine[..<promptEnd])  // "(1/7) their reply> "
    let promptColumns = promptText.count
    let expectedFirst = String(long.prefix(100 - promptColumns))
    let expectedRest = String(long.dropFirst(100 - promptColumns))
    XCTAssertEqual(
      String(promptLine[promptEnd...]), expectedFirst,
      "the prompt row should be filled to column 100 before wrapping; screen:\n\(screen.dump())")
    XCTAssertEqual(
      row + 1 < screen.rows.count ? screen.rows[row + 1] : nil, expectedRest,
      "the rest of the reply should continue at the start of the next row; screen:\n\(screen.dump())")
    XCTAssertEqual(screen.cursorRow, row + 1)
    XCTAssertEqual(screen.cursorColumn, expectedRest.count)

    // Ctrl-U kills the whole (wrapped) line: the screen must show the bare prompt again.
    pty.send("\u{15}")
    pty.settle()
    screen = pty.screen()
    XCTAssertEqual(
      screen.rows[row], promptText.trimmingTrailingSpaces(),
      "after Ctrl-U the prompt row should hold only the prompt; screen:\n\(screen.dump())")
    XCTAssertEqual(
      row + 1 < screen.rows.count ? screen.rows[row + 1] : "", "",
      "after Ctrl-U the wrapped row should be blank; screen:\n\(screen.dump())")
    XCTAssertEqual(screen.cursorRow, row, "after Ctrl-U the cursor should be on the prompt row")
    XCTAssertEqual(
      screen.cursorColumn, promptColumns,
      "after Ctrl-U the cursor should sit right after the prompt; screen:\n\(screen.dump())")

    // What is typed next appears right after the prompt.
    pty.send("ok")
    try expect(pty, "ok")
    pty.settle()
    screen = pty.screen()
    XCTAssertEqual(
      screen.rows[row], promptText + "ok",
      "text typed after Ctrl-U should follow the prompt directly; screen:\n\(screen.dump())")

    pty.send("\u{15}\u{04}")
    try expect(pty, "Tally")
    XCTAssertEqual(pty.waitForExit(timeout: 10), .exited(0))
    assertTerminalRestored(pty)
  }

  // MARK: - Helpers

  /// The built binary next to the test bundle; skips the test if it is not there.
  private func rekindleBinary() throws -> String {
    let bundle = Bundle(for: Self.self).bundleURL
    var candidates = [
      bundle.deletingLastPathComponent().appendingPathComponent("rekindle"),
      bundle.appendingPathComponent("rekindle"),
    ]
    if let executable = Bundle.main.executableURL {
      candidates.append(executable.deletingLastPathComponent().appendingPathComponent("rekindle"))
    }
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("rekindle"))
    }
    for candidate in candidates where access(candidate.path, X_OK) == 0 {
      var info = stat()
      if stat(candidate.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG {
        return candidate.path
      }
    }
    throw XCTSkip("the rekindle binary was not found next to the tests (\(candidates.map(\.path)))")
  }

  /// A whole conversation at 50 columns, resized to 100 halfway: nothing printed is wider than the
  /// terminal at the time (so no word is split by the terminal), the end offers to save the
  /// summary, and `rekindle summary` and `rekindle compare` read the record back.
  func testAWholeConversationAt50ColumnsWithAResize() throws {
    let record = sandbox.appendingPathComponent("whole.jsonl")
    let pty = try launch(arguments: ["chat", "--no-model", "--record", record.path], columns: 50)
    let replies = [
      "I messed up, I know that, and I am sorry for all of it.", "I kept thinking about us, every single day.",
      "It was your birthday. I almost called you that night.", "No, there was nobody else, not even a date.",
      "I learned that I never listened to you properly.", "I will call when I say I will, and I will listen.",
      "I can wait as long as you need, there is no rush.", "Yes, I think I see what it did to you.",
      "You must have felt completely alone and abandoned.", "Take all the time you need, it is your decision.",
      "I would be sad, but I would respect it completely.",
    ]
    var widths: [(Int, String)] = []
    for (index, reply) in replies.enumerated() {
      pty.settle(quiet: 0.3)
      if pty.text(since: 0).contains("Save this summary") { break }
      guard pty.waitFor("their reply> ", count: index + 1, timeout: 15) else { break }
      let columns = index < 5 ? 50 : 100
      let start = pty.text(since: 0).count
      if index == 5 {
        pty.resize(columns: 100, rows: 40)
        pty.settle()
      }
      pty.send(reply + "\r")
      pty.settle(quiet: 0.3)
      for line in pty.text(since: start).components(separatedBy: "\n") where line.count > columns {
        widths.append((columns, line))
      }
    }
    try expect(pty, "Save this summary to a file? Enter a path, or press Enter to skip:")
    let saved = sandbox.appendingPathComponent("kept.md")
    pty.send(saved.path + "\r")
    _ = pty.waitForExit(timeout: 10)
    let ending = pty.text(since: 0).suffix(900)
    XCTAssertTrue(ending.contains("Saved the summary to"), String(ending))
    // The typed reply echoed by readline may wrap at the terminal's edge; everything Rekindle prints fits.
    let printed = widths.filter {
      !$0.1.contains("their reply>") && !$0.1.contains("Enter a path") && !replies.contains(where: $0.1.contains)
    }
    XCTAssertTrue(printed.isEmpty, "lines wider than the terminal: \(printed.map { "\($0.0): \($0.1)" }.joined(separator: "\n"))")
    XCTAssertTrue(FileManager.default.fileExists(atPath: saved.path), String(ending))
    // The script's closing words were shown; the summary does not repeat them as "A last word".
    let all = pty.text(since: 0)
    XCTAssertTrue(all.contains("That was the last question."), String(all.suffix(400)))
    XCTAssertFalse(all.contains("A last word"), "the closing paragraph said twice")

    let summary = try runBinary(["summary", "--no-model", "--format", "markdown", record.path])
    XCTAssertEqual(summary.status, 0, summary.err)
    XCTAssertEqual(summary.out, try String(contentsOf: saved, encoding: .utf8), "the summary of the record is the one saved")
    let compare = try runBinary(["compare", "--no-model", record.path, record.path])
    XCTAssertEqual(compare.status, 0, compare.err)
    XCTAssertTrue(compare.out.contains("A: answered"), compare.out)
    XCTAssertTrue(compare.out.contains("B: answered"), compare.out)
  }

  /// At 40, 80 and 120 columns, nothing Rekindle prints is wider than the terminal (the summary
  /// at the end of the input included).
  func testOutputWrapsAt40_80And120Columns() throws {
    let replies = [
      "I messed up, I know that, and it was your fault too, honestly.", "dunno", "I kept thinking about us, every day.",
    ]
    for columns: UInt16 in [40, 80, 120] {
      let pty = try launch(arguments: ["chat", "--no-model"], columns: columns)
      defer { pty.kill() }
      for (index, reply) in replies.enumerated() {
        XCTAssertTrue(pty.waitFor("their reply> ", count: index + 1, timeout: 15), "\(columns) columns")
        pty.send(reply + "\r")
      }
      XCTAssertTrue(pty.waitFor("their reply> ", count: replies.count + 1, timeout: 15))
      pty.send("/summary\r")
      XCTAssertTrue(pty.waitFor("their reply> ", count: replies.count + 2, timeout: 15))
      pty.send("\u{04}")
      XCTAssertEqual(pty.waitForExit(timeout: 10), .exited(0))
      let wide = pty.text(since: 0).components(separatedBy: "\n").filter {
        $0.count > Int(columns) && !$0.contains("their reply>")
      }
      XCTAssertEqual(wide, [], "\(columns) columns")
    }
  }

  /// Runs the binary with no terminal, in the sandbox.
  private func runBinary(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    let launcher = ChildLauncher(directory: sandbox, environment: environment)
    let result = launcher.finish(try launcher.start(try rekindleBinary(), arguments), timeout: 60)
    return (result.exitCode ?? -1, result.out, result.err)
  }

  /// Starts `rekindle` under a new pty; it is killed in tearDown if still running.
  private func launch(arguments: [String] = ["chat"], columns: UInt16 = 100) throws -> PseudoTerminalChild {
    let binary = try rekindleBinary()
    var environment = [
      "TERM=xterm",
      "HOME=" + sandbox.appendingPathComponent("home").path,
      "XDG_STATE_HOME=" + sandbox.appendingPathComponent("state").path,
      "INPUTRC=" + sandbox.appendingPathComponent("inputrc").path,
      "PATH=/usr/bin:/bin",
      "LANG=C.UTF-8",
    ]
    // Under Scripts/sanitizers.sh the child gets the same sanitizer options as the tests (leak
    // reports at exit are off there: the Swift runtime's own allocations at exit are not leaks).
    if let options = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] { environment.append("ASAN_OPTIONS=" + options) }
    child?.kill()
    let process = try PseudoTerminalChild(
      executable: binary, arguments: arguments, environment: environment, columns: columns, rows: 40)
    child = process
    return process
  }

  /// Waits for `text` after the last match; fails with the screen so far if it never comes.
  private func expect(
    _ pty: PseudoTerminalChild, _ text: String, _ message: String = "", timeout: Double = 10,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    if !pty.waitFor(text, timeout: timeout) {
      let tail = String(pty.text(since: 0).suffix(1500))
      XCTFail(
        "timed out waiting for \(text.debugDescription). \(message)\n--- output tail ---\n\(tail)\n--- screen ---\n\(pty.screen().dump())",
        file: file, line: line)
      throw PTYTimeout()
    }
  }

  /// After the child exits the pty is back in canonical mode with echo, and no crash was printed.
  private func assertTerminalRestored(
    _ pty: PseudoTerminalChild, file: StaticString = #filePath, line: UInt = #line
  ) {
    guard let modes = pty.terminalModes() else {
      return XCTFail("tcgetattr on the pty failed", file: file, line: line)
    }
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ICANON), 0, "ICANON should be set again after exit", file: file, line: line)
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ECHO), 0, "ECHO should be set again after exit", file: file, line: line)
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ISIG), 0, "ISIG should be set after exit", file: file, line: line)
    let raw = pty.rawText()
    if let on = raw.range(of: "\u{1B}[?2004h", options: .backwards) {
      XCTAssertTrue(
        raw[on.upperBound...].contains("\u{1B}[?2004l"),
        "bracketed paste mode should be switched off again before exit", file: file, line: line)
    }
    for crash in ["Fatal error", "Backtrace", "Segmentation fault", "💣", "Program crashed", "Illegal instruction"] {
      XCTAssertFalse(raw.contains(crash), "crash text \(crash.debugDescription) in the output", file: file, line: line)
    }
  }
}

private struct PTYTimeout: Error {}
