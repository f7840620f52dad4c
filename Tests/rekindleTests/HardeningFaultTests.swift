#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import XCTest

/// Signals and faults: Ctrl-C and SIGTERM with a record, SIGPIPE, kill -9 in the middle of a
/// recorded session, a full disk and write errors on the record, the summary and the output.
final class HardeningFaultTests: HardeningTestCase {
  private let replies = [
    "I messed up, I know that.", "I kept thinking about us.", "It was your birthday. I almost called you.",
    "No, nobody serious.", "I can wait as long as you need.", "I'd ask what you need from me.",
    "I'd respect it, even if it hurts.",
  ]
  private let prompt = "their reply> "

  // MARK: - Signals at the terminal

  /// SIGTERM at the prompt: exit 143, "Stopped.", the terminal restored, every recorded line
  /// whole, and `--resume` goes on from the last answer.
  func testSigtermAtThePromptKeepsTheRecordAndResumes() throws {
    let record = tempDir.appendingPathComponent("sessions/term.jsonl")
    let pty = try launchPTY(["chat", "--record", record.path])
    defer { pty.kill() }
    XCTAssertTrue(pty.waitFor(prompt), pty.text.suffix(500).debugDescription)
    for (i, reply) in replies.prefix(2).enumerated() {
      pty.send(reply + "\r")
      XCTAssertTrue(pty.waitFor(prompt, count: i + 2), pty.text.suffix(500).debugDescription)
    }
    pty.send("typed, not sent")
    pty.settle()
    pty.signal(SIGTERM)
    XCTAssertEqual(pty.waitForExit(), .exited(143))
    XCTAssertTrue(pty.visibleText.contains("Stopped. The session is recorded in \(record.path)."), pty.text.suffix(300).debugDescription)
    assertTerminalRestored(pty)
    let lines = try recordLines(record)
    XCTAssertEqual(lines.map { $0["event"] as? String }, [nil, "start", "reply", "reply"])
    XCTAssertFalse(try String(contentsOf: record, encoding: .utf8).contains("typed, not sent"))

    let resumed = try spawn(["chat", "--resume", record.path])
    XCTAssertEqual(resumed.exitCode, 0, resumed.summary)
    XCTAssertTrue(resumed.out.contains("Ask: When did you realize you still have feelings for me?"), resumed.out.prefix(800).description)
    XCTAssertTrue(resumed.out.contains("> I kept thinking about us."), "the summary holds the recorded replies")
  }

  /// Ctrl-C clears a typed line (which is not recorded); a second Ctrl-C on the empty line ends
  /// with 130 and the record whole.
  func testCtrlCClearsThenEndsWithTheRecordWhole() throws {
    let record = tempDir.appendingPathComponent("int.jsonl")
    let pty = try launchPTY(["chat", "--record", record.path])
    defer { pty.kill() }
    XCTAssertTrue(pty.waitFor(prompt))
    pty.send(replies[0] + "\r")
    XCTAssertTrue(pty.waitFor(prompt, count: 2))
    pty.send("half a thought")
    pty.settle()
    pty.send("\u{03}")
    XCTAssertTrue(pty.waitFor(prompt, count: 3), "Ctrl-C shows a fresh prompt")
    pty.settle()
    XCTAssertTrue(pty.isRunning)
    pty.send("\u{03}")
    XCTAssertEqual(pty.waitForExit(), .exited(130))
    XCTAssertTrue(pty.visibleText.contains("Stopped. The session is recorded in \(record.path)."))
    assertTerminalRestored(pty)
    let lines = try recordLines(record)
    XCTAssertEqual(lines.count, 3)
    XCTAssertFalse(try String(contentsOf: record, encoding: .utf8).contains("half a thought"))
  }

  /// SIGTERM while replies come through a pipe: the process ends (143) and the record is whole.
  func testSigtermWithPipedInputKeepsTheRecordWhole() throws {
    let record = tempDir.appendingPathComponent("piped.jsonl")
    let process = try start(["chat", "--record", record.path], stdin: .pipe)
    process.write(replies[0] + "\n" + replies[1] + "\n")
    XCTAssertTrue(waitForLines(record, 4), "the turns should be recorded while input stays open")
    process.signal(SIGTERM)
    let result = finish(process, timeout: 15)
    XCTAssertTrue(result.exitCode == 143 || result.signal == SIGTERM, result.summary)
    XCTAssertEqual(try recordLines(record).count, 4)
  }

  /// `kill -9` at unpredictable moments of a recorded session, five times over: every recorded
  /// line stays whole, and each `--resume` goes on where the last whole line left off.
  func testKill9DuringRecordingLeavesWholeLinesAndResumes() throws {
    let record = tempDir.appendingPathComponent("killed.jsonl")
    var answered = 0
    for round in 0..<5 {
      let arguments = round == 0 ? ["chat", "--record", record.path] : ["chat", "--resume", record.path]
      let process = try start(arguments, stdin: .pipe)
      let before = (try? recordLines(record).count) ?? 0
      // A reply, then another reply or /back (so that the conversation does not reach its end);
      // kill while the second is being handled and recorded, or just after.
      process.write(replies[answered % replies.count] + "\n")
      XCTAssertTrue(waitForLines(record, before + (round == 0 ? 3 : 1)), "round \(round): the first reply was not recorded")
      process.write((round % 2 == 1 ? "/back" : replies[(answered + 1) % replies.count]) + "\n")
      usleep(useconds_t([0, 2_000, 10_000, 30_000, 60_000][round]))
      process.signal(SIGKILL)
      let result = finish(process, timeout: 10)
      XCTAssertEqual(result.signal, SIGKILL, result.summary)
      let lines = try recordLines(record)  // fails on a cut line
      XCTAssertEqual(lines.first?["format"] as? String, "rekindle-record/2", "one header")
      XCTAssertEqual(lines.dropFirst().filter { $0["event"] == nil }.count, 0, "every other line is an event")
      answered = lines.filter { $0["event"] as? String == "reply" }.count
      XCTAssertTrue((before + 1...before + 2 + (round == 0 ? 2 : 0)).contains(lines.count), "round \(round): \(lines.count) lines")
    }
    let final = try spawn(["chat", "--resume", record.path])
    XCTAssertEqual(final.exitCode, 0, final.summary)
    XCTAssertEqual(final.err, "", "no damaged line to repair")
    XCTAssertTrue(final.out.contains("## Tally"), "the resumed session ends with its summary")
  }

  /// Polls until `url` holds at least `count` newline-terminated lines.
  private func waitForLines(_ url: URL, _ count: Int, timeout: Double = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let data = FileManager.default.contents(atPath: url.path), data.filter({ $0 == 0x0A }).count >= count { return true }
      usleep(5_000)
    }
    return false
  }

  // MARK: - SIGPIPE

  /// Every command whose reader has gone (`| head -0`) ends quietly: exit 0 or SIGPIPE, no text.
  func testClosedOutputEndsEveryCommandQuietly() throws {
    let big = try makeLargeFile("big.txt", lines: 5000) { "\($0) I messed up, but you did not make it easy" }
    let transcript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Scripts/transcripts/rebound.yaml")
    let lintFindings = try makeFile(
      "findings.yaml", "format: rekindle-dialogue/1\ntitle: x\nstart: q\nstates:\n  q:\n    kind: end\n    say: hi\n    ask: what?\n")
    let runs: [([String], String)] = [
      (["analyze", big.path], "/dev/null"), (["analyze", "--format", "text", big.path], "/dev/null"),
      (["chat"], big.path), (["rehearse", transcript.path], "/dev/null"), (["lint", lintFindings.path], "/dev/null"),
      (["graph"], "/dev/null"), (["schema"], "/dev/null"), (["eval", Self.fixture("legacy-dev.jsonl").path], "/dev/null"),
      (["--help"], "/dev/null"),
    ]
    for (arguments, input) in runs {
      let result = try spawn(arguments, stdin: input, stdout: .closedPipe)
      XCTAssertTrue(result.exitCode == 0 || result.signal == SIGPIPE, "\(arguments): \(result.summary)")
      XCTAssertEqual(result.err, "", "\(arguments): nothing should be printed when the reader has gone")
    }
  }

  // MARK: - Write errors

  /// A record on a full disk: one warning, the conversation goes on to its summary.
  func testFullDiskForTheRecordIsReportedAndTheConversationGoesOn() throws {
    let input = try makeFile("replies.txt", replies.joined(separator: "\n") + "\n")
    let result = try spawn(["chat", "--record", "/dev/full"], stdin: input.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertEqual(
      result.errLines,
      ["rekindle: warning: cannot write the session record /dev/full: No space left on device; the conversation goes on"])
    XCTAssertTrue(result.out.contains("> " + replies[6]), "every reply was taken")
    XCTAssertTrue(result.out.contains("## Tally"))
  }

  /// The record's file system fills up mid-session (a file size limit stands in for the disk):
  /// the lines written stay whole, one warning, and the conversation goes on; `--resume` works.
  func testRecordThatStopsFittingStaysWholeLines() throws {
    if ProcessInfo.processInfo.environment["REKINDLE_SANITIZER"] == "thread" {
      throw XCTSkip("ThreadSanitizer's runtime dies of SIGBUS under a file size limit")
    }
    let input = try makeFile("replies.txt", replies.joined(separator: "\n") + "\n")
    let record = tempDir.appendingPathComponent("limited.jsonl")
    // 1 KiB: the header and the first events fit, the rest do not. SIGXFSZ is ignored, so
    // writes past the limit fail with EFBIG, as they would with ENOSPC.
    let result = try spawn(
      ["chat", "--record", record.path], stdin: input.path, stdout: .pipeCapture, shellSetup: "ulimit -f 1; trap '' XFSZ;")
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains("cannot write the session record \(record.path)"), result.err)
    XCTAssertTrue(result.out.contains("## Tally"), "the conversation went on")
    let lines = try recordLines(record)
    XCTAssertGreaterThan(lines.count, 0)
    XCTAssertLessThan(lines.count, replies.count + 2)
    let resumed = try spawn(["chat", "--resume", record.path])
    XCTAssertEqual(resumed.exitCode, 0, resumed.summary)
    XCTAssertEqual(resumed.err, "")
  }

  /// `/save` to a full disk or an impossible place says why, and the conversation goes on.
  func testSaveErrorsAreShownAndTheConversationGoesOn() throws {
    let blocker = try makeFile("blocker", "x")
    let input = try makeFile(
      "replies.txt", "\(replies[0])\n/save /dev/full\n/save \(blocker.path)/sub/summary.md\n\(replies[1])\n/save ok/summary.md\n")
    let result = try spawn(["chat"], stdin: input.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertTrue(result.out.contains("Could not save: /dev/full: No space left on device"), result.out)
    XCTAssertTrue(result.out.contains("Could not save: \(blocker.path)/sub: Not a directory"), result.out)
    XCTAssertTrue(result.out.contains("> " + replies[1]), "the conversation went on")
    XCTAssertTrue(FileManager.default.fileExists(atPath: tempDir.appendingPathComponent("ok/summary.md").path))
  }

  /// `/save` and `--record` to a device leave its permissions alone (as root, making /dev/null
  /// or /dev/full 0600 would break them for every other user).
  func testWritingToADeviceLeavesItsModeAlone() throws {
    let device = tempDir.appendingPathComponent("null-device")
    guard mknod(device.path, S_IFCHR | 0o666, dev_t(0x103)) == 0 else {  // 1,3: like /dev/null
      throw XCTSkip("mknod needs root: \(String(cString: strerror(errno)))")
    }
    chmod(device.path, 0o666)
    let other = tempDir.appendingPathComponent("null-device-2")
    XCTAssertEqual(mknod(other.path, S_IFCHR | 0o666, dev_t(0x103)), 0)
    chmod(other.path, 0o666)
    let input = try makeFile("replies.txt", "\(replies[0])\n/save \(other.path)\n")
    let result = try spawn(["chat", "--record", device.path], stdin: input.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertTrue(result.out.contains("Saved the summary to \(other.path)"), result.out)
    XCTAssertEqual(try permissions(device), 0o666, "the device's mode was changed")
    XCTAssertEqual(try permissions(other), 0o666, "the device's mode was changed")
  }

  /// Standard output on a full disk: one line, exit 74 (the chat warns once and goes on).
  func testFullDiskForStandardOutputIsAnIOError() throws {
    let transcript = try makeFile("t.txt", "I messed up.\n")
    let labeled = try makeFile("e.jsonl", "{\"reply\":\"It was your fault.\",\"signals\":[\"blame\"]}\n")
    let script = try makeFile("broken.yaml", "format: rekindle-dialogue/1\ntitle: x\nstart: q\nstates:\n  q:\n    kind: end\n    say: hi\n    ask: what?\n")
    for arguments in [
      ["analyze", transcript.path], ["rehearse", transcript.path], ["eval", labeled.path], ["graph"], ["schema"],
      ["lint", script.path],
    ] {
      let result = try spawn(arguments, stdout: .path("/dev/full"))
      assertOneLineError(result, 74, mentions: ["No space left on device"], arguments.joined(separator: " "))
    }
    let record = tempDir.appendingPathComponent("full-out.jsonl")
    let chat = try spawn(["chat", "--record", record.path], stdin: transcript.path, stdout: .path("/dev/full"))
    XCTAssertEqual(chat.exitCode, 0, chat.summary)
    XCTAssertEqual(chat.errLines, ["rekindle: warning: cannot write output: No space left on device"])
    XCTAssertEqual(try recordLines(record).count, 3, "the record is kept whatever happens to the screen")
  }
}
