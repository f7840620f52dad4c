import Foundation
import XCTest

/// `rekindle practice` run as a person would, with piped input, records and the tools around it.
final class E2EPracticeTests: E2ETestCase {
  private let lines = """
    What was life like for you while we were apart?
    Can you tell me more about that?
    Why did it end with her? Answer me, I'm sick of waiting.
    Do you want a cup of tea?
    /hint
    /quit

    """

  func testAPipedPracticeGivesACleanTranscriptAndSummary() throws {
    let result = try run(["practice", "--persona", "rebound"], stdin: .pipe(Data(lines.utf8)))
    XCTAssertEqual(result.exitCode, 0, result.err)
    let out = result.out
    XCTAssertFalse(out.contains("\u{1B}["), "no escape codes when piped")
    XCTAssertTrue(out.contains("> What was life like for you while we were apart?"))
    XCTAssertTrue(out.contains("(asked: What did you do while we were apart?)"), out)
    XCTAssertTrue(out.contains("(follow-up on:"), out)
    XCTAssertTrue(out.contains("coach:"), "a heated line gets coaching")
    XCTAssertTrue(out.contains("(none of the guide's questions)"))
    XCTAssertTrue(out.contains("Next in the guide"), "/hint names a question")
    XCTAssertTrue(out.contains("## The guide's questions"), "the summary ends a piped practice, as Markdown")
    XCTAssertTrue(out.contains("## For next time"))
    XCTAssertTrue(out.contains("Ryan:"))
  }

  /// The guide's own follow-ups never read as danger: "Go on." once stopped a piped practice.
  func testShortFollowUpsDoNotStopThePractice() throws {
    let lines = ["What did you do while we were apart?", "Go on.", "Keep going.", "Tell me more.", "I see."]
    let result = try run(
      ["practice", "--persona", "remorseful"], stdin: .pipe(Data((lines.joined(separator: "\n") + "\n").utf8)))
    XCTAssertEqual(result.exitCode, 0, result.err)
    XCTAssertFalse(result.out.contains("Safety first"), result.out)
    XCTAssertTrue(result.out.contains("> I see."), result.out)
  }

  func testPersonasAreListedAndAnUnknownOneIsAUsageError() throws {
    let list = try run(["practice", "--personas"])
    XCTAssertEqual(list.exitCode, 0)
    for id in ["remorseful", "rebound", "blamer", "cold", "pressurer", "evasive"] { XCTAssertTrue(list.out.contains(id), id) }
    let wrong = try run(["practice", "--persona", "rebund"], stdin: .pipe(Data("hi\n".utf8)))
    XCTAssertEqual(wrong.exitCode, 64)
    XCTAssertTrue(wrong.err.contains("did you mean rebound?"), wrong.err)
    XCTAssertEqual(wrong.err.split(separator: "\n").count, 1, "one line: \(wrong.err)")
  }

  func testARecordedPracticeResumesWhereItStopped() throws {
    let record = tempDir.appendingPathComponent("p.jsonl").path
    let first = try run(
      ["practice", "--persona", "cold", "--record", record],
      stdin: .pipe(Data("What was life like for you while we were apart?\nWhat made you want to come back to me?\n".utf8)))
    XCTAssertEqual(first.exitCode, 0, first.err)
    let text = try String(contentsOfFile: record, encoding: .utf8)
    let header = try XCTUnwrap(jsonObject(String(text.split(separator: "\n")[0])))
    XCTAssertEqual(header["persona"] as? String, "cold")
    XCTAssertEqual(text.split(separator: "\n").count, 4, "a header, the start and two lines: \(text)")
    var info = stat()
    XCTAssertEqual(stat(record, &info), 0)
    XCTAssertEqual(info.st_mode & 0o777, 0o600)

    let second = try run(["practice", "--resume", record], stdin: .pipe(Data("Tell me more.\n".utf8)))
    XCTAssertEqual(second.exitCode, 0, second.err)
    XCTAssertTrue(second.out.contains("Resuming the practice"), second.out)
    XCTAssertTrue(second.out.contains("(follow-up on:"), second.out)
    XCTAssertTrue(second.out.contains("- [x] And why did you come back?"), "the summary holds the resumed lines")

    let json = try run(["summary", "--format", "json", record], stdin: .null)
    XCTAssertEqual(json.exitCode, 0, json.err)
    let summary = try XCTUnwrap(jsonObject(json.out))
    XCTAssertEqual(summary["persona"] as? String, "cold")
    let lines = try XCTUnwrap(summary["lines"] as? [[String: Any]])
    XCTAssertEqual(lines.map { $0["line"] as? String }, [
      "What was life like for you while we were apart?", "What made you want to come back to me?", "Tell me more.",
    ])
    XCTAssertEqual(lines.first?["question"] as? String, "while_apart")
    XCTAssertEqual(lines.last?["follow_up"] as? Bool, true)
    XCTAssertNotNil(lines.first?["reply"] as? String)

    let chat = try run(["chat", "--resume", record], stdin: .null)
    XCTAssertEqual(chat.exitCode, 65)
    XCTAssertTrue(chat.err.contains("this is a practice record"), chat.err)
    let other = try run(["practice", "--resume", record, "--persona", "blamer"], stdin: .null)
    XCTAssertEqual(other.exitCode, 65)
    XCTAssertTrue(other.err.contains("--persona cold"), other.err)
  }

  func testPracticeEvalScoresLabeledLines() throws {
    let file = try makeFile(
      "her.jsonl",
      """
      {"id":"a","before":"","line":"What was life like for you while we were apart?","signs":["open_question"],"question":"while_apart"}
      {"id":"b","before":"","line":"You always do this, you never listen, it's always about you!","signs":[],"question":null}

      """)
    let result = try run(["practice", "eval", file.path])
    XCTAssertEqual(result.exitCode, 0, result.err)
    XCTAssertTrue(result.out.contains("question recognised: 1 of 1"), result.out)
    XCTAssertTrue(result.out.contains("macro-F1"))
    // A miss shows how far the reading was from the label: the sign's probability and threshold.
    let misses = try run(["practice", "eval", file.path, "--misses"])
    XCTAssertEqual(misses.exitCode, 0, misses.err)
    let miss = misses.out.split(separator: "\n").first { $0.hasPrefix("  b: expected") }.map(String.init) ?? ""
    XCTAssertNotNil(
      miss.range(of: #"^  b: expected \[\] -, got \[.*accusatory.*\] -  \(.*\+accusatory 0\.\d{3}/0\.\d{3}.*\)$"#, options: .regularExpression),
      misses.out)
    let bad = try makeFile("bad.jsonl", "{\"line\":\"x\",\"signs\":[\"calmm\"],\"question\":null}\n")
    let failed = try run(["practice", "eval", bad.path])
    XCTAssertEqual(failed.exitCode, 65)
    XCTAssertEqual(failed.err, "rekindle: \(bad.path):1:1: error: unknown sign 'calmm' (did you mean 'calm'?)\n")
  }

  func testTheBuiltInPersonasLintCleanAndDraw() throws {
    let lint = try run(["lint"])
    XCTAssertEqual(lint.exitCode, 0, lint.out + lint.err)
    XCTAssertTrue(lint.err.contains("no problems in 7 files"), lint.err)
    let unsafe = try makeFile(
      "unsafe.yaml", PersonaTexts.replacing(in: "cold", "I don't have much to say to that. Next question.", with: "You'll regret it if you leave me. I know where you live."))
    let finding = try run(["lint", unsafe.path])
    XCTAssertEqual(finding.exitCode, 1)
    XCTAssertTrue(finding.out.contains("[persona-safety]"), finding.out)
    let graph = try run(["graph", "--persona", "evasive"])
    XCTAssertEqual(graph.exitCode, 0)
    XCTAssertTrue(graph.out.hasPrefix("digraph persona {"))
    XCTAssertTrue(graph.out.contains("\"while_apart.guarded\""))
  }
}

/// The built-in persona files, read from the repository for tests that change one.
enum PersonaTexts {
  static func replacing(in id: String, _ old: String, with new: String) -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let text = (try? String(contentsOf: root.appendingPathComponent("Scripts/personas/\(id).yaml"), encoding: .utf8)) ?? ""
    return text.replacingOccurrences(of: old, with: new)
  }
}
