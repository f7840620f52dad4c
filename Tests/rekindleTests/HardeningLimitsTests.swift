#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import TestSupport
import XCTest

/// The second adversarial pass: closed standard streams, files that are links or FIFOs, byte-order
/// marks, duplicate keys, exit codes on full disks, and memory that must not grow with the square
/// of the turns. Each test names the item of that pass it covers.
final class HardeningLimitsTests: HardeningTestCase {
  private let replies = ["I messed up, I know that.", "I kept thinking about us.", "It was your birthday."]

  private var loopScript: String {
    """
    format: rekindle-dialogue/1
    title: Loop
    start: a
    safety:
      when: { signals: { any: [safety] } }
      goto: stop
    states:
      a:
        group: 1
        ask: "First?"
        transitions:
          - goto: b
      b:
        group: 2
        ask: "Second?"
        transitions:
          - goto: a
      stop:
        kind: safety
        say: "Stop."

    """
  }

  /// Item 3 and 6: a 20,000-turn rehearsal and a 10,000-reply chat of a looping script take
  /// memory in proportion to the turns, not their square (before: 7.07 GB and 2.8 GB).
  func testManyTurnsStayInBoundedMemory() throws {
    _ = try makeFile("loop.yaml", loopScript)
    let turns = size(20_000)
    let transcript = try makeFile(
      "long.yaml", "title: long\nscript: loop.yaml\nturns:\n" + String(repeating: "  - reply: \"I was sorry\"\n", count: turns))
    let rehearsal = try spawn(["rehearse", "--check", "--no-model", transcript.path], timeout: 120)
    XCTAssertEqual(rehearsal.exitCode, 0, rehearsal.summary)
    // (The ceiling is above the test runner's own size, which a spawned child's peak starts from;
    // the square of the turns took gigabytes.)
    assertMemory(rehearsal, below: 400, "a \(turns)-turn rehearsal")

    let input = try makeFile("replies.txt", String(repeating: "I was sorry\n", count: size(10_000)))
    let record = tempDir.appendingPathComponent("loop.jsonl")
    let chat = try spawn(["chat", "--no-model", "--script", "loop.yaml", "--record", record.path], stdin: input.path, timeout: 120)
    XCTAssertEqual(chat.exitCode, 0, chat.summary)
    assertMemory(chat, below: 400, "a chat of \(size(10_000)) replies")
    let bytes = try FileManager.default.attributesOfItem(atPath: record.path)[.size] as? Int ?? 0
    XCTAssertLessThan(bytes, size(10_000) * 80, "the record grows by one short line per reply")
    let resumed = try spawn(["chat", "--no-model", "--script", "loop.yaml", "--resume", record.path], timeout: 120)
    XCTAssertEqual(resumed.exitCode, 0, resumed.summary)
    XCTAssertEqual(resumed.err, "")
  }

  /// A 16 MiB line piped into chat or practice is read up to 1 MiB and kept up to 64 KiB, with a
  /// note: it no longer takes 50 times its size (it took 825 MB and 9 s).
  func testAHugeLineInChatAndPracticeIsCutWithANote() throws {
    let line = try makeFile("huge.txt", String(repeating: "I am sorry ", count: 1_500_000) + "\n")
    let record = tempDir.appendingPathComponent("huge.jsonl")
    for arguments in [["chat", "--record", record.path], ["practice", "--persona", "cold"]] {
      let result = try spawn(arguments, stdin: line.path, timeout: 120)
      XCTAssertEqual(result.exitCode, 0, result.summary)
      XCTAssertTrue(result.out.contains("only its first 64 KiB are read and kept"), result.summary)
      assertMemory(result, below: 400, arguments[0] + " with a 16 MiB line")
    }
    let bytes = try FileManager.default.attributesOfItem(atPath: record.path)[.size] as? Int ?? 0
    XCTAssertLessThan(bytes, 70_000, "the record keeps the reply as cut")
    XCTAssertEqual(try spawn(["chat", "--resume", record.path]).exitCode, 0)
  }

  /// Item 7: with standard output closed, the record is not opened as descriptor 1, so nothing but
  /// its own lines goes into it, and it resumes.
  func testClosedStandardOutputNeverBecomesTheRecord() throws {
    let input = try makeFile("replies.txt", replies.prefix(2).joined(separator: "\n") + "\n")
    let record = tempDir.appendingPathComponent("closed.jsonl")
    let result = try spawn(["chat", "--no-model", "--record", record.path], stdin: input.path, shellSetup: "exec 1>&-;")
    XCTAssertNotNil(result.exitCode, result.summary)
    let lines = try recordLines(record)
    XCTAssertEqual(lines.count, 4, "a header, the start and two replies: \(lines)")
    XCTAssertEqual(try spawn(["chat", "--no-model", "--resume", record.path]).exitCode, 0)
  }

  /// Item 18: help, version and completion scripts written to a full disk are exit 74.
  func testHelpAndVersionOnAFullDiskAreIOErrors() throws {
    for arguments in [["--help"], ["--version"], ["chat", "--help"], ["--generate-completion-script", "bash"]] {
      let result = try spawn(arguments, stdout: .path("/dev/full"))
      assertOneLineError(result, 74, mentions: ["No space left on device"], arguments.joined(separator: " "))
    }
    XCTAssertEqual(try spawn(["--version"]).out, "0.1.0\n")
  }

  /// Item 19: `--min-coverage` without `--coverage` still gates (and shows the coverage).
  func testMinCoverageImpliesCoverage() throws {
    let transcript = try makeFile("one.txt", "I messed up, I know that.\n")
    let result = try spawn(["rehearse", "--no-model", "--min-coverage", "100", transcript.path])
    XCTAssertEqual(result.exitCode, 1, result.summary)
    XCTAssertTrue(result.err.contains("transition coverage is below 100"), result.err)
    XCTAssertTrue(result.out.contains("Coverage") || result.out.contains("coverage"), result.out.suffix(400).description)
  }

  /// Item 15: a leading UTF-8 byte-order mark is dropped by every reader.
  func testAByteOrderMarkIsDroppedEverywhere() throws {
    let bom = "\u{FEFF}"
    let text = try makeFile("bom.txt", bom + "It was your fault.\n")
    let analyzed = try spawn(["analyze", "--no-model", "--format", "jsonl", text.path])
    XCTAssertEqual(analyzed.exitCode, 0, analyzed.summary)
    XCTAssertTrue(analyzed.out.hasPrefix("{\"reply\":\"It was your fault.\""), analyzed.out)
    XCTAssertTrue(analyzed.out.contains("\"id\":\"blame\""), analyzed.out)

    let jsonl = try makeFile("bom.jsonl", bom + "{\"reply\":\"It was your fault.\",\"signals\":[\"blame\"]}\n")
    XCTAssertEqual(try spawn(["analyze", "--no-model", "--input", "jsonl", jsonl.path]).exitCode, 0)
    XCTAssertEqual(try spawn(["eval", "--no-model", jsonl.path]).exitCode, 0)

    let transcript = try makeFile("bom.yaml", bom + "title: t\nturns:\n  - reply: \"I messed up.\"\n")
    XCTAssertEqual(try spawn(["rehearse", "--no-model", transcript.path]).exitCode, 0)
    let lexicon = try makeFile("bom-lexicon.txt", bom + "# a comment\nblame 1.0 your fault\n")
    XCTAssertEqual(try spawn(["analyze", "--lexicon", lexicon.path, text.path]).exitCode, 0)
    // The loop script has lint findings of its own (it never ends); none is about the mark.
    let script = try makeFile("bom-script.yaml", bom + loopScript)
    let linted = try spawn(["lint", script.path])
    XCTAssertTrue(linted.out.contains("[no-end]"), linted.out)
    XCTAssertFalse(linted.out.contains(":1:"), linted.out)
  }

  /// Item 16: a key given twice is an error at its column; keys that clash with the output's own
  /// are renamed once and never duplicated.
  func testDuplicateAndClashingKeysInJSONLinesInput() throws {
    let duplicate = try makeFile("dup.jsonl", "{\"reply\":\"a\",\"reply\":\"b\"}\n")
    let refused = try spawn(["analyze", "--no-model", "--input", "jsonl", duplicate.path])
    XCTAssertEqual(refused.exitCode, 65, refused.summary)
    XCTAssertEqual(refused.errLines.first, "rekindle: \(duplicate.path):1:14: error: the key \"reply\" is given twice")

    let clash = try makeFile("clash.jsonl", "{\"reply\":\"It was your fault.\",\"signals\":1,\"input_signals\":2}\n")
    let result = try spawn(["analyze", "--no-model", "--input", "jsonl", clash.path])
    XCTAssertEqual(result.exitCode, 0, result.summary)
    let object = try XCTUnwrap(jsonObject(E2EText.lines(result.out).first ?? ""))
    XCTAssertEqual(object["input_signals"] as? Int, 1)
    XCTAssertEqual(object["input_input_signals"] as? Int, 2)
    XCTAssertEqual(result.out.components(separatedBy: "\"input_signals\"").count, 2, "one key, once")
  }

  /// Items 5 and 10: a history file that is a symbolic link or a FIFO is refused with a warning
  /// (the link's target untouched, no hang), and the practice goes on.
  func testHistoryFileThatIsALinkOrAFIFOIsRefused() throws {
    let state = tempDir.appendingPathComponent("state/rekindle")
    try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
    let target = try makeFile("precious.txt", (1...50).map { "line \($0)" }.joined(separator: "\n") + "\n")
    try FileManager.default.createSymbolicLink(at: state.appendingPathComponent("history"), withDestinationURL: target)
    let input = try makeFile("replies.txt", replies[0] + "\n")
    let linked = try spawn(["chat", "--no-model", "--history"], stdin: input.path)
    XCTAssertEqual(linked.exitCode, 0, linked.summary)
    XCTAssertTrue(linked.err.contains("history not kept"), linked.err)
    XCTAssertTrue(linked.err.contains("symbolic link"), linked.err)
    XCTAssertEqual(try String(contentsOf: target, encoding: .utf8).split(separator: "\n").count, 50)

    try FileManager.default.removeItem(at: state.appendingPathComponent("history"))
    XCTAssertEqual(mkfifo(state.appendingPathComponent("history").path, 0o600), 0)
    let fifo = try spawn(["chat", "--no-model", "--history"], stdin: input.path, timeout: 20)
    XCTAssertEqual(fifo.exitCode, 0, fifo.summary)
    XCTAssertTrue(fifo.err.contains("FIFO"), fifo.err)
  }

  /// Items 8, 9 and 20: /save refuses the session's own record, an existing file (piped input
  /// cannot be asked) and a symbolic link; a failed save leaves no folders behind.
  func testSaveRefusesTheRecordExistingFilesAndLinks() throws {
    let record = tempDir.appendingPathComponent("session.jsonl")
    let existing = try makeFile("notes.md", "keep me\n")
    let target = try makeFile("target.md", "target\n")
    let link = tempDir.appendingPathComponent("link.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let deep = "new/" + String(repeating: "d/", count: 20) + String(repeating: "x", count: 300) + ".md"
    let input = try makeFile(
      "replies.txt",
      [replies[0], "/save \(record.path)", "/save \(existing.path)", "/save \(link.path)", "/save \(deep)", replies[1]]
        .joined(separator: "\n") + "\n")
    let result = try spawn(["chat", "--no-model", "--record", record.path], stdin: input.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertTrue(result.out.contains("Could not save: \(record.path) is this session's record"), result.out)
    XCTAssertTrue(result.out.contains("Could not save: \(existing.path) already exists; not replaced"), result.out)
    XCTAssertTrue(result.out.contains("Could not save: \(link.path): is a symbolic link; not followed"), result.out)
    XCTAssertTrue(result.out.contains("> " + replies[1]), "the conversation went on")
    XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "keep me\n")
    XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "target\n")
    XCTAssertEqual(try recordLines(record).count, 4, "the record is whole and still a record")
    XCTAssertFalse(FileManager.default.fileExists(atPath: tempDir.appendingPathComponent("new").path), "no folders left behind")
  }

  /// `~/` in /save is the home directory, as in a shell.
  func testSaveExpandsTheHomeDirectory() throws {
    let home = tempDir.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    var environment = baseEnvironment()
    environment["HOME"] = home.path
    let input = try makeFile("replies.txt", replies[0] + "\n/save ~/practice.md\n")
    let result = try spawn(["chat", "--no-model"], stdin: input.path, environment: environment)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertTrue(result.out.contains("Saved the summary to \(home.path)/practice.md"), result.out)
    XCTAssertTrue(FileManager.default.fileExists(atPath: home.appendingPathComponent("practice.md").path))
    XCTAssertFalse(FileManager.default.fileExists(atPath: tempDir.appendingPathComponent("~").path))
  }

  /// Item 20: a /save name with bytes that are not UTF-8 is refused, not saved under U+FFFD.
  func testSaveRefusesANameThatIsNotUTF8() throws {
    var bytes = Data((replies[0] + "\n/save bad-").utf8)
    bytes.append(contentsOf: [0xFF, 0xFE])
    bytes.append(contentsOf: Array(".md\n".utf8))
    let input = try makeFile("replies.txt", bytes)
    let result = try spawn(["chat", "--no-model"], stdin: input.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    XCTAssertTrue(result.out.contains("Could not save: the name has bytes that are not UTF-8 text"), result.out)
    let names = try FileManager.default.contentsOfDirectory(atPath: tempDir.path)
    XCTAssertFalse(names.contains { $0.hasPrefix("bad-") }, "\(names)")
  }

  /// Item 11: `rehearse --update` keeps the transcript's opening comments, writes through a
  /// temporary file, and never writes through a symbolic link.
  func testUpdateKeepsCommentsAndDoesNotFollowLinks() throws {
    let transcript = try makeFile(
      "t.yaml", "# Why this transcript exists.\n# Keep it short.\ntitle: t\nturns:\n  - reply: \"I messed up, I know that.\"\n")
    let updated = try spawn(["rehearse", "--no-model", "--update", transcript.path])
    XCTAssertEqual(updated.exitCode, 0, updated.summary)
    let text = try String(contentsOf: transcript, encoding: .utf8)
    XCTAssertTrue(text.hasPrefix("# Why this transcript exists.\n# Keep it short.\ntitle:"), text)
    XCTAssertTrue(text.contains("expect:"), text)

    let link = tempDir.appendingPathComponent("link.yaml")
    let original = try makeFile("original.yaml", "title: o\nturns:\n  - reply: \"I messed up.\"\n")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: original)
    let refused = try spawn(["rehearse", "--no-model", "--update", link.path])
    XCTAssertEqual(refused.exitCode, 73, refused.summary)
    XCTAssertTrue(refused.err.contains("symbolic link"), refused.err)
    XCTAssertEqual(try String(contentsOf: original, encoding: .utf8), "title: o\nturns:\n  - reply: \"I messed up.\"\n")
  }

  /// Item 4: a guard with nested quantifiers cannot hang chat, rehearse or lint (before: still
  /// running after 60 s on a 21-character reply).
  func testANestedQuantifierGuardCannotHang() throws {
    let script = try makeFile(
      "redos.yaml",
      """
      format: rekindle-dialogue/1
      title: ReDoS
      start: q
      states:
        q:
          group: 1
          ask: "Say something."
          transitions:
            - when: { matches: '^(a+)+$' }
              goto: done
              examples: ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"]
            - goto: done
        done:
          kind: end
          say: "Thanks."

      """)
    let reply = String(repeating: "a", count: 40) + "!"
    let input = try makeFile("reply.txt", reply + "\n")
    let chat = try spawn(["chat", "--no-model", "--script", script.path], stdin: input.path, timeout: 20)
    XCTAssertEqual(chat.exitCode, 0, chat.summary)
    let rehearse = try spawn(["rehearse", "--no-model", "--script", script.path, input.path], timeout: 20)
    XCTAssertEqual(rehearse.exitCode, 0, rehearse.summary)
    let lint = try spawn(["lint", script.path], timeout: 20)
    XCTAssertNotNil(lint.exitCode, lint.summary)
    XCTAssertFalse(lint.timedOut)
  }

  /// Item 2: an expansion bomb in a lexicon is refused at its line (before: 37.8 s and 8.4 GB on a
  /// reply of 20,000 words).
  func testAnExpansionBombIsRefusedAtLoad() throws {
    let lexicon = try makeFile(
      "bomb.txt", "expand x: " + Array(repeating: "y", count: 10_000).joined(separator: " ") + "\nblame 1.0 your fault\n")
    let reply = try makeFile("reply.txt", Array(repeating: "x", count: 20_000).joined(separator: " ") + "\n")
    let result = try spawn(["analyze", "--lexicon", lexicon.path, reply.path], timeout: 20)
    assertOneLineError(result, 65, mentions: [lexicon.path + ":1:", "at most 8 words"], "expansion bomb")
  }

  /// The man page is written from the commands' own help, names every subcommand, and renders.
  func testTheManualPageRenders() throws {
    let page = try spawn(["--generate-manual-page"])
    XCTAssertEqual(page.exitCode, 0, page.summary)
    XCTAssertTrue(page.out.hasPrefix(".TH REKINDLE 1 "), String(page.out.prefix(200)))
    for name in ["chat", "summary", "compare", "analyze", "eval", "train", "rehearse", "lint", "graph", "schema"] {
      XCTAssertTrue(page.out.contains(".SS \"rekindle \(name)\""), name)
    }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/man") else { throw XCTSkip("man is not installed") }
    let file = try makeFile("rekindle.1", page.out)
    let launcher = ChildLauncher(directory: tempDir, environment: ["MANWIDTH": "80", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"])
    let rendered = launcher.finish(try launcher.start("/usr/bin/man", ["-l", file.path]), timeout: 60)
    XCTAssertEqual(rendered.exitCode, 0, rendered.summary)
    XCTAssertEqual(rendered.err, "", "warnings while rendering")
    XCTAssertTrue(rendered.out.contains("rekindle compare"), String(rendered.out.prefix(300)))
  }
}
