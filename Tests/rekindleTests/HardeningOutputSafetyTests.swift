#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import TestSupport
import XCTest

/// Text from replies, scripts, transcripts, lexicons and file names never reaches the terminal
/// raw: control characters and escape sequences are shown visibly (`^[`, `\u{9b}`), so a crafted
/// file cannot clear the screen, move the cursor or set the window title.
final class HardeningOutputSafetyTests: HardeningTestCase {
  /// Escape sequences an attacker would use: set the window title (OSC 0), clear the screen,
  /// switch to the alternate screen, move home, blink, ring the bell, and a C1 CSI.
  static let attacks = ["\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{1B}[?1049h", "\u{1B}[H", "\u{1B}[5m", "\u{9B}31m"]
  static let attack = attacks.joined(separator: " ")

  /// The attack as YAML double-quoted escapes.
  static let yamlAttack = #"\e]0;pwned\a \e[2J \e[?1049h \e[H \e[5m \x9b31m"#

  /// A script whose every text carries the attack.
  private func evilScript() throws -> URL {
    let a = Self.yamlAttack
    return try makeFile(
      "evil-\(UUID().uuidString.prefix(6)).yaml",
      """
      format: rekindle-dialogue/1
      title: "Title \(a)"
      start: q1
      reactions:
        blame: "Reaction \(a)"
      safety:
        when: { signals: { any: [safety] } }
        goto: danger
      states:
        q1:
          group: 1
          coach: "Coach \(a)"
          ask: "Ask \(a)?"
          transitions:
            - when: { signals: { any: [blame] } }
              coach: "Transition coach \(a)"
              follow_up: "Follow up \(a)?"
              retries: 1
              goto: q2
            - goto: q2
        q2:
          group: 2
          ask: "Second \(a)?"
          transitions:
            - goto: done
        done:
          kind: end
          say: "Bye \(a)"
        danger:
          kind: safety
          say: "Safety \(a)"

      """)
  }

  private func assertClean(_ result: SpawnResult, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
    assertNoRawControls(result.stdout, "\(context) stdout", file: file, line: line)
    assertNoRawControls(result.stderr, "\(context) stderr", file: file, line: line)
  }

  func testChatShowsScriptTextRepliesAndCommandsVisibly() throws {
    let script = try evilScript()
    let save = tempDir.appendingPathComponent("saved\u{1B}[2J.md")
    let replies = try makeFile(
      "replies.txt",
      "It was your fault \(Self.attack)\n/why\nIt was still your fault \(Self.attack)\n/summary\n/fr\u{1B}]0;x\u{07}ob\n/save \(save.path)\nI am sorry.\n")
    let result = try spawn(["chat", "--script", script.path], stdin: replies.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    assertClean(result, "chat")
    for text in ["Title ^[]0;pwned^G ^[[2J ^[[?1049h ^[[H ^[[5m \\u{9b}31m", "Coach ^[]0;pwned^G", "Ask ^[]0;pwned^G",
      "Reaction ^[]0;pwned^G", "Follow up ^[]0;pwned^G", "Second ^[]0;pwned^G", "Bye ^[]0;pwned^G",
      "> It was your fault ^[]0;pwned^G", "Unknown command /fr^[]0;x^Gob", "saved^[[2J.md"]
    {
      XCTAssertTrue(result.out.contains(text), "\(text.debugDescription) should be shown visibly:\n\(result.out.prefix(3000))")
    }
    // The saved Markdown keeps the replies as typed (it is a file, not the terminal).
    XCTAssertTrue(FileManager.default.fileExists(atPath: save.path))
  }

  /// At a terminal: the script's text, and replies restored from a record (typed text is echoed
  /// by readline itself), reach the screen only in visible form.
  func testChatAtATerminalNeverSendsTheirEscapeSequences() throws {
    let script = try evilScript()
    let record = tempDir.appendingPathComponent("evil-record.jsonl")
    let replies = try makeFile("first.txt", "It was your fault \(Self.attack)\n")
    let first = try spawn(["chat", "--script", script.path, "--record", record.path], stdin: replies.path)
    XCTAssertEqual(first.exitCode, 0, first.summary)

    let pty = try launchPTY(["chat", "--script", script.path, "--resume", record.path])
    defer { pty.kill() }
    XCTAssertTrue(pty.waitFor("their reply> "), pty.text.suffix(800).debugDescription)
    pty.send("/summary\r")
    XCTAssertTrue(pty.waitFor("their reply> ", count: 2), pty.text.suffix(800).debugDescription)
    pty.send("\u{04}")
    XCTAssertEqual(pty.waitForExit(), .exited(0))
    let raw = pty.text
    for attack in Self.attacks {
      XCTAssertFalse(raw.contains(attack), "\(attack.debugDescription) reached the terminal raw")
    }
    XCTAssertFalse(raw.unicodeScalars.contains("\u{07}"), "a raw BEL reached the terminal")
    XCTAssertTrue(raw.contains("Follow up ^[]0;pwned^G"), "the script's text is shown visibly")
    XCTAssertTrue(raw.contains("“It was your fault ^[]0;pwned^G"), "the recorded reply is shown visibly in the summary")
    assertTerminalRestored(pty)
  }

  func testRehearseLintGraphAnalyzeAndEvalShowFileTextVisibly() throws {
    let script = try evilScript()
    let transcript = try makeFile(
      "evil-transcript.yaml",
      """
      title: "Transcript \(Self.yamlAttack)"
      script: \(script.lastPathComponent)
      notes: "Notes \(Self.yamlAttack)"
      turns:
        - reply: "It was your fault \(Self.yamlAttack)"
          expect: {state: "nowhere \(Self.yamlAttack)", question: "Q \(Self.yamlAttack)"}
      end: summary

      """)
    let plain = try makeFile("evil-plain.txt", "It was your fault \(Self.attack)\n")
    let badKey = try makeFile(
      "evil-key.yaml", "format: rekindle-dialogue/1\ntitle: x\n\"k\\e]0;pwned\\a\": 1\nstart: q1\nstates:\n  q1:\n    kind: end\n    say: hi\n")
    let labeled = try makeFile("evil.jsonl", "{\"id\":\"x\\u001b]0;pwned\\u0007\",\"reply\":\"I am sorry \\u001b[2J\",\"signals\":[\"blame\"]}\n")
    let replies = try makeFile("evil-replies.txt", "It was your fault \(Self.attack)\nplain\n")
    // JSON Lines input whose passed-through member holds the raw characters (valid JSON: only
    // characters below U+0020 must be escaped in a JSON string).
    let passthrough = try makeFile("evil-passthrough.jsonl", "{\"reply\":\"x\",\"note\":\"a \u{9B}31m \u{202E}b\"}\n")
    let runs: [[String]] = [
      ["rehearse", transcript.path], ["rehearse", "--check", transcript.path], ["rehearse", "--coverage", transcript.path],
      ["rehearse", plain.path], ["rehearse", "--format", "json", transcript.path],
      ["lint", script.path], ["lint", badKey.path], ["lint", "--format", "json", badKey.path], ["graph", "--script", script.path],
      ["graph", "--format", "mermaid", "--script", script.path], ["analyze", "--format", "text", replies.path],
      ["analyze", replies.path], ["analyze", "--input", "jsonl", passthrough.path], ["eval", labeled.path], ["eval", "--format", "json", labeled.path],
    ]
    for arguments in runs {
      let result = try spawn(arguments)
      XCTAssertTrue([0, 1].contains(result.exitCode), "\(arguments): \(result.summary)")
      assertClean(result, arguments.joined(separator: " "))
    }
    let check = try spawn(["rehearse", "--check", transcript.path])
    XCTAssertTrue(check.out.contains("nowhere ^[]0;pwned^G"), check.out)
    let lint = try spawn(["lint", badKey.path])
    XCTAssertTrue(lint.out.contains("k^[]0;pwned^G"), lint.out)
  }

  func testErrorMessagesQuotingFileTextAreVisible() throws {
    let lexicon = try makeFile("evil-lexicon.txt", "bl\u{1B}]0;pwned\u{07}ame 1.0 your fault\n")
    let transcript = try makeFile("evil-signal.yaml", "title: x\nturns:\n  - reply: a\n    expect: {signals: [\"bl\\e[2Jame\"]}\n")
    let jsonl = try makeFile("evil-input.jsonl", "{\"reply\":\"x\",\"question\":5,\"\\u001b]0;pwned\\u0007\":1}\n{\"re\\u001b[2Jply\":1}\n")
    let script = try makeFile("evil-start.yaml", "format: rekindle-dialogue/1\ntitle: x\nstart: \"q\\e[2J\"\nstates:\n  q1:\n    kind: end\n    say: hi\n")
    let named = try makeFile("name\u{1B}[2J.yaml", "not: [valid\n")
    let cases: [([String], Int32)] = [
      (["analyze", "--lexicon", lexicon.path], 65), (["rehearse", transcript.path], 65),
      (["analyze", "--input", "jsonl", jsonl.path], 65), (["chat", "--script", script.path], 65),
      (["chat", "--script", named.path], 65), (["analyze", tempDir.appendingPathComponent("missing\u{1B}]0;x\u{07}").path], 66),
    ]
    for (arguments, code) in cases {
      let result = try spawn(arguments)
      XCTAssertEqual(result.exitCode, code, "\(arguments): \(result.summary)")
      XCTAssertFalse(result.err.isEmpty)
      assertClean(result, arguments.joined(separator: " "))
    }
  }
}
