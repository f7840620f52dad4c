#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import XCTest

/// Drives the built `rekindle chat` under a pseudo-terminal, as a person would: typing, history
/// (Up), Tab completion, Ctrl-C, Ctrl-D, SIGTERM, and the history file.
///
/// The child gets a new session with the pty slave as its controlling terminal (so Ctrl-C in
/// the line discipline really sends SIGINT), a 100x40 window, `TERM=xterm`, colours on, and
/// `HOME`/`XDG_STATE_HOME`/`INPUTRC` inside a fresh temporary directory.
final class ChatTerminalTests: XCTestCase {
  private var child: PTYChatProcess?
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

  /// Starts `rekindle` under a new pty; it is killed in tearDown if still running.
  private func launch(arguments: [String] = ["chat"]) throws -> PTYChatProcess {
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
    let process = try PTYChatProcess(
      executable: binary, arguments: arguments, environment: environment, columns: 100, rows: 40)
    child = process
    return process
  }

  /// Waits for `text` after the last match; fails with the screen so far if it never comes.
  private func expect(
    _ pty: PTYChatProcess, _ text: String, _ message: String = "", timeout: Double = 10,
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
    _ pty: PTYChatProcess, file: StaticString = #filePath, line: UInt = #line
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

/// How a child ended.
private enum PTYExit: Equatable, CustomStringConvertible {
  case exited(Int32)
  case signaled(Int32)

  var description: String {
    switch self {
    case .exited(let code): return "exit status \(code)"
    case .signaled(let signal): return "killed by signal \(signal)"
    }
  }
}

/// A child process whose standard streams and controlling terminal are a new pseudo-terminal.
private final class PTYChatProcess {
  let pid: pid_t
  private let master: Int32
  /// Kept open so that the pty (and its modes) outlive the child, for `terminalModes()`.
  private let slave: Int32
  private var output: [UInt8] = []
  /// Where the next `waitFor` starts looking, in the escape-free text.
  private var mark = 0
  private var exitStatus: PTYExit?
  private var closed = false

  init(executable: String, arguments: [String], environment: [String], columns: UInt16, rows: UInt16) throws {
    // posix_openpt, unlockpt and ptsname are not imported into Swift (X/Open extensions), so
    // this is what they do on Linux: open the multiplexer, unlock the slave, ask its number.
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard master >= 0 else { throw PTYError("open /dev/ptmx", errno) }
    var unlock: Int32 = 0
    var number: UInt32 = 0
    guard ioctl(master, Self.setPTYLock, &unlock) == 0, ioctl(master, Self.getPTYNumber, &number) == 0 else {
      let code = errno
      Glibc.close(master)
      throw PTYError("unlock the pty", code)
    }
    let slavePath = "/dev/pts/\(number)"
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
    guard slave >= 0 else {
      let code = errno
      Glibc.close(master)
      throw PTYError("open \(slavePath)", code)
    }

    // posix_spawn with POSIX_SPAWN_SETSID: glibc runs setsid() before the file actions, so the
    // child, a session leader without a terminal, opens the slave without O_NOCTTY and it
    // becomes its controlling terminal (with the child's group in the foreground).
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    let setsid: Int32 = 0x80  // POSIX_SPAWN_SETSID (a GNU extension, not always imported)
    posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGTSTP, SIGTTIN, SIGTTOU, SIGPIPE, SIGWINCH, SIGCHLD] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var noMask = sigset_t()
    sigemptyset(&noMask)
    posix_spawnattr_setsigmask(&attributes, &noMask)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard result == 0 else {
      Glibc.close(master)
      Glibc.close(slave)
      throw PTYError("posix_spawn \(executable)", result)
    }
    self.pid = pid
    self.master = master
    self.slave = slave
  }

  deinit {
    kill()
  }

  // MARK: Input

  func send(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    let deadline = Date().addingTimeInterval(5)
    while offset < bytes.count && Date() < deadline {
      let written = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno != EINTR && errno != EAGAIN {
        return
      } else {
        pump(timeout: 0.01)
      }
    }
  }

  func signal(_ number: Int32) {
    _ = Glibc.kill(pid, number)
  }

  // MARK: Output

  /// Reads whatever arrives within `timeout` seconds; returns whether anything did.
  @discardableResult
  func pump(timeout: Double) -> Bool {
    guard !closed else { return false }
    var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&request, 1, Int32(max(0, timeout * 1000)))
    guard ready > 0, request.revents & Int16(POLLIN) != 0 else { return false }
    var got = false
    var chunk = [UInt8](repeating: 0, count: 8192)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      if count > 0 {
        output.append(contentsOf: chunk[0..<count])
        got = true
      } else if count < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    return got
  }

  /// Reads until `timeout` seconds pass with no new output (at most one second more).
  func settle(quiet: Double = 0.15) {
    let deadline = Date().addingTimeInterval(1)
    while pump(timeout: quiet) && Date() < deadline {}
  }

  /// Waits until `text` appears in the escape-free output after the previous match.
  func waitFor(_ text: String, timeout: Double) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      let visible = Array(Self.visibleBytes(output))
      let needle = Array(text.utf8)
      if let found = Self.find(needle, in: visible, from: mark) {
        mark = found + needle.count
        return true
      }
      let left = deadline.timeIntervalSinceNow
      if left <= 0 { return false }
      if !pump(timeout: min(left, 0.2)) && hasExited && !pump(timeout: 0) {
        // Nothing more will come.
        let visibleNow = Array(Self.visibleBytes(output))
        if let found = Self.find(needle, in: visibleNow, from: mark) {
          mark = found + needle.count
          return true
        }
        return false
      }
    }
  }

  /// The escape-free output from `offset` (in bytes of that text), with CR LF as LF.
  func text(since offset: Int) -> String {
    let visible = Self.visibleBytes(output)
    let slice = visible.dropFirst(offset)
    return String(decoding: slice, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  }

  /// Everything the child wrote, escape codes included.
  func rawText() -> String {
    String(decoding: output, as: UTF8.self)
  }

  /// The output played on a 100x40 terminal model.
  func screen() -> PTYScreen {
    var screen = PTYScreen(columns: 100, rows: 40)
    screen.feed(output)
    return screen
  }

  /// The pty's current modes (read through the slave end this process keeps open).
  func terminalModes() -> termios? {
    var modes = termios()
    return tcgetattr(slave, &modes) == 0 ? modes : nil
  }

  // MARK: Process

  private var hasExited: Bool {
    if exitStatus != nil { return true }
    var status: Int32 = 0
    let result = waitpid(pid, &status, WNOHANG)
    if result == pid {
      exitStatus = Self.decode(status)
      return true
    }
    return result < 0
  }

  /// Whether the child is still running.
  var isRunning: Bool { !hasExited }

  /// Waits for the child to end, reading its output meanwhile; nil on timeout.
  func waitForExit(timeout: Double) -> PTYExit? {
    let deadline = Date().addingTimeInterval(timeout)
    while !hasExited {
      if Date() >= deadline { return nil }
      pump(timeout: 0.05)
    }
    while pump(timeout: 0.05) {}
    return exitStatus
  }

  /// Kills the child if it still runs, reaps it and closes the pty. Idempotent.
  func kill() {
    guard !closed else { return }
    if !hasExited {
      _ = Glibc.kill(pid, SIGKILL)
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      exitStatus = Self.decode(status)
    }
    closed = true
    Glibc.close(master)
    Glibc.close(slave)
  }

  /// `TIOCSPTLCK` and `TIOCGPTN` (asm-generic/ioctls.h), which Swift does not import.
  private static let setPTYLock = UInt(0x4004_5431)
  private static let getPTYNumber = UInt(0x8004_5430)

  private static func decode(_ status: Int32) -> PTYExit {
    status & 0x7F == 0 ? .exited((status >> 8) & 0xFF) : .signaled(status & 0x7F)
  }

  // MARK: Text

  /// The output without escape sequences (CSI, OSC, two-byte ESC codes), BEL and NUL.
  static func visibleBytes(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x1B, index + 1 < bytes.count {
        let next = bytes[index + 1]
        if next == UInt8(ascii: "[") {
          index += 2
          while index < bytes.count && !(0x40...0x7E).contains(bytes[index]) { index += 1 }
          index += 1
        } else if next == UInt8(ascii: "]") {
          index += 2
          while index < bytes.count && bytes[index] != 0x07 && bytes[index] != 0x1B { index += 1 }
          index += bytes.count > index && bytes[index] == 0x1B ? 2 : 1
        } else {
          index += 2
        }
        continue
      }
      if byte != 0x07 && byte != 0 {
        out.append(byte)
      }
      index += 1
    }
    return out
  }

  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
      return nil
    }
    var index = start
    while index <= haystack.count - needle.count {
      if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }
}

private struct PTYError: Error, CustomStringConvertible {
  let description: String
  init(_ what: String, _ code: Int32) {
    description = "\(what): \(String(cString: strerror(code)))"
  }
}

/// A small model of an xterm screen, enough for readline's output: printable characters with
/// deferred autowrap, CR, LF, BS, and the CSI cursor-movement and erase sequences.
private struct PTYScreen {
  let columns: Int
  private(set) var cells: [[Character]]
  private(set) var cursorRow = 0
  private(set) var cursorColumn = 0
  private var pendingWrap = false

  init(columns: Int, rows: Int) {
    self.columns = columns
    cells = [[Character](repeating: " ", count: columns)]
    _ = rows  // The model keeps scrolled-off rows, so row numbers only grow.
  }

  /// The rows as text, without trailing blanks.
  var rows: [String] { cells.map { String($0).trimmingTrailingSpaces() } }

  func dump() -> String {
    rows.enumerated().suffix(25).map { "\($0.offset): \($0.element)" }.joined(separator: "\n")
      + "\n(cursor at row \(cursorRow), column \(cursorColumn))"
  }

  mutating func feed(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar.value {
      case 0x1B:
        guard let next = scalars.popFirst() else { return }
        if next == "[" {
          var parameters = ""
          var final: Unicode.Scalar = "@"
          while let c = scalars.popFirst() {
            if (0x40...0x7E).contains(c.value) {
              final = c
              break
            }
            parameters.unicodeScalars.append(c)
          }
          csi(parameters, final)
        } else if next == "]" {
          while let c = scalars.popFirst(), c.value != 0x07 {
            if c.value == 0x1B {
              _ = scalars.popFirst()
              break
            }
          }
        }
      case 0x0D:
        cursorColumn = 0
        pendingWrap = false
      case 0x0A:
        lineFeed()
        pendingWrap = false
      case 0x08:
        if pendingWrap {
          pendingWrap = false
        } else if cursorColumn > 0 {
          cursorColumn -= 1
        }
      case 0x09:
        cursorColumn = min(columns - 1, (cursorColumn / 8 + 1) * 8)
      case 0..<0x20, 0x7F:
        break
      default:
        put(Character(scalar))
      }
    }
  }

  private mutating func put(_ character: Character) {
    if pendingWrap {
      cursorColumn = 0
      lineFeed()
      pendingWrap = false
    }
    cells[cursorRow][cursorColumn] = character
    if cursorColumn == columns - 1 {
      pendingWrap = true
    } else {
      cursorColumn += 1
    }
  }

  private mutating func lineFeed() {
    cursorRow += 1
    while cells.count <= cursorRow {
      cells.append([Character](repeating: " ", count: columns))
    }
  }

  private mutating func csi(_ parameters: String, _ final: Unicode.Scalar) {
    guard !parameters.hasPrefix("?"), !parameters.hasPrefix(">") else { return }
    let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
    let n = max(1, numbers.first ?? 1)
    switch final {
    case "A":
      cursorRow = max(0, cursorRow - n)
      pendingWrap = false
    case "B":
      cursorRow += n
      while cells.count <= cursorRow { cells.append([Character](repeating: " ", count: columns)) }
      pendingWrap = false
    case "C":
      cursorColumn = min(columns - 1, cursorColumn + n)
      pendingWrap = false
    case "D":
      cursorColumn = max(0, cursorColumn - n)
      pendingWrap = false
    case "G":
      cursorColumn = min(columns - 1, n - 1)
      pendingWrap = false
    case "K":
      let mode = numbers.first ?? 0
      let range = mode == 1 ? 0..<(cursorColumn + 1) : mode == 2 ? 0..<columns : cursorColumn..<columns
      for column in range { cells[cursorRow][column] = " " }
    case "J":
      if (numbers.first ?? 0) == 0 {
        for column in cursorColumn..<columns { cells[cursorRow][column] = " " }
        for row in (cursorRow + 1)..<cells.count { cells[row] = [Character](repeating: " ", count: columns) }
      } else {
        for row in 0..<cells.count { cells[row] = [Character](repeating: " ", count: columns) }
      }
    case "P":
      var row = cells[cursorRow]
      let count = min(n, columns - cursorColumn)
      row.removeSubrange(cursorColumn..<(cursorColumn + count))
      row.append(contentsOf: [Character](repeating: " ", count: count))
      cells[cursorRow] = row
    case "@":
      var row = cells[cursorRow]
      row.insert(contentsOf: [Character](repeating: " ", count: n), at: cursorColumn)
      cells[cursorRow] = Array(row.prefix(columns))
    default:
      break
    }
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var result = Substring(self)
    while result.last == " " { result.removeLast() }
    return String(result)
  }
}
