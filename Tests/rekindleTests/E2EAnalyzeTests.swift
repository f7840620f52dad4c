#if canImport(Glibc)
  @preconcurrency import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import TestSupport
import XCTest

/// `rekindle analyze`, run as a separate process. Tests that check exact readings pass `--no-model`: they are
/// about input and output, read by the lexicon's deterministic rules; the model is measured by AccuracyTests.
final class E2EAnalyzeTests: E2ETestCase {
  private func input(_ lines: [String]) -> E2EInput {
    .pipe(Data(lines.map { $0 + "\n" }.joined().utf8))
  }

  // MARK: - Output shape

  func testLinesInputGivesOneJSONObjectPerLineInOrder() throws {
    let replies = [
      "I messed up, I know that. But you did not make it easy either.",
      "Don't say no. I drove four hours for this.",
      "We went for coffee a couple of times.",
      "Whatever.",
    ]
    let result = try run(["analyze", "--no-model"], stdin: input(replies))
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, replies.count, result.out)
    guard objects.count == replies.count else { return }
    for (object, reply) in zip(objects, replies) {
      XCTAssertEqual(object["reply"] as? String, reply)
      XCTAssertNil(object["question"], "no question was given")
      let answer = object["answer"] as? String
      XCTAssertTrue(["yes", "no", "unclear"].contains(answer ?? "-"), "answer: \(String(describing: answer))")
      XCTAssertNotNil(object["evasive"] as? Bool, "evasive must be a boolean: \(object)")
      XCTAssertNotNil(object["tone"] as? NSNumber, "tone must be a number: \(object)")
      let signals = try XCTUnwrap(object["signals"] as? [[String: Any]], "signals must be an array of objects")
      for signal in signals {
        XCTAssertNotNil(signal["id"] as? String)
        XCTAssertNotNil(signal["reason"] as? String)
        XCTAssertFalse((signal["reason"] as? String ?? "").isEmpty)
        let evidence = try XCTUnwrap(signal["evidence"] as? [[String: Any]])
        XCTAssertFalse(evidence.isEmpty, "a signal without evidence: \(signal)")
        for e in evidence {
          XCTAssertNotNil(e["text"] as? String)
          XCTAssertNotNil(e["start"] as? Int)
          XCTAssertNotNil(e["end"] as? Int)
        }
      }
    }
    // Specific results the analyzer is known to give.
    XCTAssertEqual(Set(signalIDs(objects[0])), ["blame", "remorse"])
    let remorse = (objects[0]["signals"] as? [[String: Any]])?.first { $0["id"] as? String == "remorse" }
    let evidence = (remorse?["evidence"] as? [[String: Any]])?.first
    XCTAssertEqual(evidence?["text"] as? String, "I messed up")
    XCTAssertEqual(evidence?["start"] as? Int, 0)
    XCTAssertEqual(evidence?["end"] as? Int, 11)
    XCTAssertEqual(signalIDs(objects[1]), ["pressure"])
    XCTAssertEqual(signalIDs(objects[3]), ["coldness"])
    XCTAssertEqual(objects[3]["evasive"] as? Bool, true)
  }

  /// Batches are analysed while the next is read, by any number of threads: the output is the
  /// same, in input order, whatever `--jobs` is.
  func testJobsChangeNothingButTheSpeed() throws {
    let lines = (0..<10_000).map { i in ["I'm sorry, I hurt you", "whatever", "I need an answer tonight", "ok \(i)"][i % 4] }
    var outputs: [String] = []
    for jobs in ["1", "3"] {
      let result = try run(["analyze", "--jobs", jobs], stdin: input(lines))
      XCTAssertEqual(result.exitCode, 0, result.err)
      XCTAssertEqual(result.out.split(separator: "\n").count, lines.count)
      outputs.append(result.out)
    }
    XCTAssertEqual(outputs[0], outputs[1])
    XCTAssertTrue(outputs[0].split(separator: "\n").last?.contains("\"ok 9999\"") ?? false)
    let zero = try run(["analyze", "--jobs", "0"], stdin: .null)
    XCTAssertEqual(zero.exitCode, 64)
    XCTAssertTrue(zero.err.contains("--jobs must be between 1 and 64"), zero.err)
  }

  func testEvidenceSpansIndexTheReplyByUnicodeScalars() throws {
    let replies = [
      "😀 é naïve, I messed up. 👨‍👩‍👧 Don't say no.",
      "e\u{301}e\u{301} 日本 — I'm sorry, truly.",
      "🇫🇷🇫🇷 Take all the time you need.",
    ]
    let result = try run(["analyze"], stdin: input(replies))
    XCTAssertTrue(result.exited(0), result.summary)
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, replies.count)
    var spans = 0
    for (object, reply) in zip(objects, replies) {
      XCTAssertEqual(object["reply"] as? String, reply)
      for signal in (object["signals"] as? [[String: Any]]) ?? [] {
        for e in (signal["evidence"] as? [[String: Any]]) ?? [] {
          let text = e["text"] as? String ?? ""
          let start = e["start"] as? Int ?? -1
          let end = e["end"] as? Int ?? -1
          XCTAssertEqual(E2EText.scalarSlice(reply, start, end), text, "span \(start)..<\(end) in \(reply)")
          XCTAssertEqual(E2EText.scalarOffset(of: text, in: reply), start, "start of \(text) in \(reply)")
          spans += 1
        }
      }
    }
    XCTAssertGreaterThanOrEqual(spans, 3, "expected evidence in every reply: \(result.out)")
    // The first reply's "I messed up" starts at scalar 11 (UTF-16 offset 12, UTF-8 offset 16).
    let remorse = (objects.first?["signals"] as? [[String: Any]])?.first { $0["id"] as? String == "remorse" }
    let e = (remorse?["evidence"] as? [[String: Any]])?.first
    XCTAssertEqual(e?["start"] as? Int, 11)
    XCTAssertEqual(e?["end"] as? Int, 22)
  }

  func testTextFormatPrintsOneLinePerReplyWithBracketedEvidence() throws {
    let replies = ["I messed up, I know that.", "", "Don't say no. I drove four hours for this.", "We talked."]
    let result = try run(["analyze", "--format", "text"], stdin: input(replies))
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertFalse(result.stdout.contains(0x1B), "escape codes in output that is not a terminal")
    let lines = result.outLines
    XCTAssertEqual(lines.count, replies.count, result.out)
    guard lines.count == replies.count else { return }
    XCTAssertTrue(lines[0].hasPrefix("[I messed up], I know that."), lines[0])
    XCTAssertTrue(lines[0].contains("remorse"), lines[0])
    XCTAssertTrue(lines[1].contains("no signs"), lines[1])
    XCTAssertTrue(lines[2].hasPrefix("[Don't say no]. [I drove four hours for this]."), lines[2])
    XCTAssertTrue(lines[2].contains("pressure"), lines[2])
    XCTAssertTrue(lines[3].hasPrefix("We talked."), lines[3])
    XCTAssertFalse(lines[3].contains("["), lines[3])
    XCTAssertTrue(lines.allSatisfy { $0.contains("tone ") }, result.out)
  }

  func testTextFormatShowsControlCharactersVisibly() throws {
    let reply = "I messed up \u{1B}[31mred\u{1B}[0m \u{07}"
    for env in [baseEnvironment(), baseEnvironment().merging(["NO_COLOR": "1"]) { $1 }] {
      let result = try run(["analyze", "--format", "text", "--no-color"], stdin: input([reply]), environment: env)
      XCTAssertTrue(result.exited(0), result.summary)
      XCTAssertFalse(result.stdout.contains(0x1B), "a raw ESC from the input reached the output: \(result.out)")
      XCTAssertFalse(result.stdout.contains(0x07))
      XCTAssertEqual(result.outLines.count, 1)
      XCTAssertTrue(result.out.hasPrefix("[I messed up] ^[[31mred"), result.out)
    }
  }

  func testEmptyLineGivesAnEmptyResultInPlace() throws {
    let result = try run(["analyze"], stdin: .pipe(Data("I messed up\n\nsorry\n".utf8)))
    XCTAssertTrue(result.exited(0), result.summary)
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, 3)
    guard objects.count == 3 else { return }
    XCTAssertEqual(objects[0]["reply"] as? String, "I messed up")
    XCTAssertEqual(objects[1]["reply"] as? String, "")
    XCTAssertEqual((objects[1]["signals"] as? [Any])?.count, 0)
    XCTAssertEqual(objects[1]["answer"] as? String, "unclear")
    XCTAssertEqual(objects[1]["evasive"] as? Bool, false)
    XCTAssertEqual((objects[1]["tone"] as? NSNumber)?.doubleValue, 0)
    XCTAssertEqual(objects[2]["reply"] as? String, "sorry")
  }

  func testCRLFAndAMissingFinalNewlineAreHandled() throws {
    let result = try run(["analyze"], stdin: .pipe(Data("I messed up\r\nsorry".utf8)))
    XCTAssertTrue(result.exited(0), result.summary)
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.map { $0["reply"] as? String }, ["I messed up", "sorry"])
  }

  // MARK: - Bytes that are not clean text

  func testInvalidUTF8AndNULBytesAreProcessed() throws {
    var bytes = Data([0xFF, 0xFE])
    bytes.append(Data(" I messed up\n".utf8))
    bytes.append(Data("abc".utf8))
    bytes.append(0x00)
    bytes.append(Data("def I am sorry\n".utf8))
    bytes.append(Data([0xE2, 0x82]))  // a truncated 3-byte sequence
    bytes.append(Data(" I am sorry\n".utf8))
    let result = try run(["analyze", "--no-model"], stdin: .pipe(bytes))
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    XCTAssertNotNil(String(data: result.stdout, encoding: .utf8), "output is not valid UTF-8")
    XCTAssertFalse(result.stdout.contains(0x00), "a raw NUL byte in the JSON output")
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, 3)
    guard objects.count == 3 else { return }
    let first = objects[0]["reply"] as? String ?? ""
    XCTAssertTrue(first.hasPrefix("\u{FFFD}"), "invalid UTF-8 should become U+FFFD: \(first.debugDescription)")
    XCTAssertTrue(first.hasSuffix(" I messed up"))
    XCTAssertEqual(signalIDs(objects[0]), ["remorse"])
    // The evidence still indexes the (replaced) reply by scalars.
    let e = ((objects[0]["signals"] as? [[String: Any]])?.first?["evidence"] as? [[String: Any]])?.first
    let start = e?["start"] as? Int ?? -1
    XCTAssertEqual(E2EText.scalarSlice(first, start, e?["end"] as? Int ?? -1), "I messed up")
    let second = objects[1]["reply"] as? String ?? ""
    XCTAssertTrue(second.hasPrefix("abc") && second.hasSuffix("def I am sorry"), second.debugDescription)
    XCTAssertEqual(signalIDs(objects[1]), ["remorse"])
    XCTAssertEqual(objects[2]["reply"] as? String, "\u{FFFD} I am sorry")
    XCTAssertEqual(signalIDs(objects[2]), ["remorse"])

    // The text format shows the NUL visibly, never raw.
    let text = try run(["analyze", "--no-model", "--format", "text"], stdin: .pipe(bytes))
    XCTAssertTrue(text.exited(0), text.summary)
    XCTAssertEqual(text.outLines.count, 3)
    XCTAssertFalse(text.stdout.contains(0x00), "a raw NUL byte in the text output")
    XCTAssertNotNil(String(data: text.stdout, encoding: .utf8), "text output is not valid UTF-8")
  }


  func testJSONLOutputIsValidJSONWhenPassThroughMembersHoldRawBytes() throws {
    // Raw control characters and invalid UTF-8 inside string values of other members: whatever the
    // tool decides (replace, escape or reject the line), every output line must be valid JSON.
    var bytes = Data("{\"reply\":\"I messed up\",\"note\":\"".utf8)
    bytes.append(contentsOf: [0xFF, 0x09, 0x01])
    bytes.append(Data("\"}\n{\"reply\":\"sorry\"}\n".utf8))
    let result = try run(["analyze", "--no-model", "--input", "jsonl"], stdin: .pipe(bytes))
    XCTAssertNotNil(String(data: result.stdout, encoding: .utf8), "output is not valid UTF-8: \(result.stdout.map { String($0, radix: 16) }.joined(separator: " ").prefix(200))")
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, 2, result.out)
    XCTAssertEqual(objects.last?["reply"] as? String, "sorry")
  }

  // MARK: - JSON Lines input

  func testJSONLInputPassesOtherKeysThroughAndUsesTheQuestion() throws {
    let lines = [
      #"{"id":7,"reply":"Yours.","question":"Whose fault was it?","signals":["x"],"tone":"mine","meta":{"a":[1,2,{"b":null}]},"ok":true}"#,
      #"{"id":8,"reply":"Yours."}"#,
      #"  {"reply":"I messed up","question":null}  "#,
    ]
    let result = try run(["analyze", "--no-model", "--input", "jsonl"], stdin: input(lines))
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, 3, result.out)
    guard objects.count == 3 else { return }
    let first = objects[0]
    XCTAssertEqual(first["id"] as? Int, 7)
    XCTAssertEqual(first["input_signals"] as? [String], ["x"])
    XCTAssertEqual(first["input_tone"] as? String, "mine")
    XCTAssertEqual(first["ok"] as? Bool, true)
    let meta = first["meta"] as? [String: Any]
    XCTAssertEqual((meta?["a"] as? [Any])?.count, 3)
    XCTAssertEqual(first["reply"] as? String, "Yours.")
    XCTAssertEqual(first["question"] as? String, "Whose fault was it?")
    XCTAssertNotNil(first["tone"] as? NSNumber, "the analysis tone must not be shadowed")
    XCTAssertNotNil(first["signals"] as? [[String: Any]], "the analysis signals must not be shadowed")
    // "Yours." flags blame only as the answer to a question about fault.
    XCTAssertEqual(signalIDs(first), ["blame"])
    XCTAssertEqual(objects[1]["id"] as? Int, 8)
    XCTAssertEqual(signalIDs(objects[1]), [], "without the question, 'Yours.' is not blame")
    XCTAssertNil(objects[1]["question"])
    XCTAssertEqual(objects[2]["reply"] as? String, "I messed up")
    XCTAssertEqual(signalIDs(objects[2]), ["remorse"])

    // --question gives the question for --input lines.
    let lineInput = try run(["analyze", "--no-model", "--question", "Whose fault was it?"], stdin: input(["Yours."]))
    XCTAssertTrue(lineInput.exited(0), lineInput.summary)
    let answer = jsonObjects(lineInput.stdout)
    XCTAssertEqual(answer.first?["question"] as? String, "Whose fault was it?")
    XCTAssertEqual(signalIDs(answer.first), ["blame"])
  }

  func testMalformedJSONLLineIsReportedInPlaceAndTheRestIsAnalyzed() throws {
    let file = try makeFile(
      "replies.jsonl",
      """
      {"reply":"I messed up"}
      {"reply": bad}
      {"reply":"sorry"}
      {"question":"no reply here"}

      """)
    let result = try run(["analyze", "--no-model", "--input", "jsonl", file.path])
    XCTAssertTrue(result.exited(65), result.summary)
    let objects = jsonObjects(result.stdout)
    XCTAssertEqual(objects.count, 4, result.out)
    guard objects.count == 4 else { return }
    XCTAssertEqual(signalIDs(objects[0]), ["remorse"])
    let error = objects[1]["error"] as? String ?? ""
    XCTAssertTrue(E2EText.matches(error, "^\(NSRegularExpression.escapedPattern(for: file.path)):2:[0-9]+: error: "), error)
    XCTAssertEqual(objects[1]["line"] as? Int, 2)
    XCTAssertNil(objects[1]["reply"])
    XCTAssertEqual(objects[2]["reply"] as? String, "sorry")
    XCTAssertEqual(signalIDs(objects[2]), ["remorse"])
    XCTAssertNotNil(objects[3]["error"] as? String, "a line without \"reply\" is an error in its place")
    // One stderr line per bad line, in the FILE:LINE:COL: error: form.
    let about2 = result.errLines.filter { $0.contains("\(file.path):2:") }
    XCTAssertEqual(about2.count, 1, result.err)
    XCTAssertTrue(E2EText.matches(about2.first ?? "", "\(NSRegularExpression.escapedPattern(for: file.path)):2:[0-9]+: error: \\S"), result.err)
    XCTAssertEqual(result.errLines.filter { $0.contains("\(file.path):4:") }.count, 1, result.err)
    XCTAssertFalse(result.err.contains("\(file.path):1:") || result.err.contains("\(file.path):3:"), result.err)
  }

  // MARK: - Files that cannot be read

  func testMissingFileIsOneLineNamingItExit66() throws {
    let path = tempDir.appendingPathComponent("no-such-replies.txt").path
    let result = try run(["analyze", path])
    XCTAssertTrue(result.exited(66), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains(path), result.err)
    XCTAssertEqual(result.out, "")
  }

  func testDirectoryIsAnErrorExit66() throws {
    let result = try run(["analyze", tempDir.path])
    XCTAssertTrue(result.exited(66), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains(tempDir.path), result.err)
    XCTAssertEqual(result.out, "")
  }

  // MARK: - Lexicon files

  func testLexiconFileWithAnErrorReportsFileLineColumnExit65() throws {
    let lexicon = try makeFile("bad.lexicon", "# my additions\n\nblame abc some words\n")
    let result = try run(["analyze", "--lexicon", lexicon.path], stdin: input(["I messed up"]))
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(
      E2EText.matches(result.err, "\(NSRegularExpression.escapedPattern(for: lexicon.path)):3:[0-9]+: error: "), result.err)
    XCTAssertEqual(result.out, "", "nothing is analyzed with a broken lexicon")

    let missing = try run(["analyze", "--lexicon", tempDir.appendingPathComponent("nope.lexicon").path], stdin: input(["x"]))
    XCTAssertTrue(missing.exited(66), missing.summary)
    XCTAssertTrue(missing.err.contains("nope.lexicon"), missing.err)
  }

  func testLexiconAddingAPatternChangesTheResult() throws {
    let reply = "The purple elephant did it."
    let before = try run(["analyze", "--no-model"], stdin: input([reply]))
    XCTAssertTrue(before.exited(0), before.summary)
    XCTAssertEqual(signalIDs(jsonObjects(before.stdout).first), [])

    let lexicon = try makeFile("extra.lexicon", "# test\nblame 1 purple elephant | a test pattern\n")
    let after = try run(["analyze", "--no-model", "--lexicon", lexicon.path], stdin: input([reply]))
    XCTAssertTrue(after.exited(0), after.summary)
    let object = jsonObjects(after.stdout).first
    XCTAssertEqual(signalIDs(object), ["blame"])
    let signal = (object?["signals"] as? [[String: Any]])?.first
    let e = (signal?["evidence"] as? [[String: Any]])?.first
    XCTAssertEqual(e?["text"] as? String, "purple elephant")
    XCTAssertEqual(e?["start"] as? Int, 4)
    XCTAssertEqual(e?["end"] as? Int, 19)
    XCTAssertTrue((signal?["reason"] as? String ?? "").contains("a test pattern"))
  }

  // MARK: - Streaming

  func testTwentyThousandLinesStreamOutInOrder() throws {
    let count = 20_000
    let phrases = ["I messed up", "Don't say no.", "Take all the time you need.", "We talked.", ""]
    var text = ""
    var expected: [String] = []
    for i in 0..<count {
      let reply = i % 5 == 4 ? "" : "\(i): \(phrases[i % 5])"
      expected.append(reply)
      text += reply + "\n"
    }
    let file = try makeFile("many.txt", text)
    let result = try run(["analyze"], stdin: .file(file), timeout: 40)
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertEqual(result.err, "")
    XCTAssertEqual(result.stdout.filter { $0 == 0x0A }.count, count)
    let lines = result.outLines
    XCTAssertEqual(lines.count, count)
    guard lines.count == count else { return }
    for i in [0, 1, 2, 3, 4, 9_999, 12_345, count - 2, count - 1] {
      let object = jsonObject(lines[i])
      XCTAssertEqual(object?["reply"] as? String, expected[i], "line \(i + 1)")
    }
    // Every line carries its own reply, in order.
    for (i, line) in lines.enumerated() where i % 5 != 4 {
      if !line.hasPrefix("{\"reply\":\"\(i): ") {
        XCTFail("line \(i + 1) out of order: \(line.prefix(80))")
        break
      }
    }
  }

  func testResultsAreWrittenBeforeTheNextInputLineArrives() throws {
    let child = try launcher.start(binary.path, ["analyze"], stdin: .pipe, stdout: .pipeToTest)
    let first = E2ELineWaiter(try XCTUnwrap(child.stdoutReader))
    child.write("I messed up\n")
    let line = first.firstLine(timeout: 15)
    XCTAssertNotNil(line, "no output for the first line while standard input stays open")
    XCTAssertEqual(jsonObject(line ?? "{}")?["reply"] as? String, "I messed up")
    child.write("sorry\n")
    child.closeStdin()
    let result = launcher.finish(child, timeout: 30)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    let rest = first.remaining(timeout: 10)
    XCTAssertEqual(E2EText.lines(rest).count, 1, rest)
    XCTAssertEqual(result.err, "")
  }

  func testClosedStandardOutputEndsQuietly() throws {
    var text = ""
    for i in 0..<200_000 { text += "\(i) I messed up, but you did not make it easy\n" }
    let file = try makeFile("big.txt", text)
    let child = try launcher.start(binary.path, ["analyze", file.path], stdout: .pipeToTest)
    let reader = try XCTUnwrap(child.stdoutReader)
    let waiter = E2ELineWaiter(reader, stopAfterFirstLine: true)
    let line = waiter.firstLine(timeout: 15)
    XCTAssertNotNil(line)
    XCTAssertTrue((line ?? "").hasPrefix("{\"reply\":\"0 I messed up"), line ?? "")
    waiter.waitForStop(timeout: 5)
    try reader.close()  // the reader goes away, like `| head -1`

    let result = launcher.finish(child, timeout: 30)
    XCTAssertFalse(result.timedOut, "rekindle kept running after its standard output was closed")
    XCTAssertEqual(result.err, "", "nothing should be printed when the reader has gone")
    XCTAssertTrue(result.exited(0) || result.signal == SIGPIPE, result.summary)
  }

  func testNoStackTraceForBadArguments() throws {
    let cases: [[String]] = [
      ["analyze", "--format", "xml"],
      ["analyze", "--input", "csv"],
      ["analyze", "--lexicon"],
      ["eval"],
      ["eval", "--min-macro-f1", "2", "x.jsonl"],
      ["nonsense-subcommand-or-file"],
    ]
    for arguments in cases {
      let result = try run(arguments)
      XCTAssertTrue((result.exitCode ?? 0) != 0, "\(arguments): \(result.summary)")
      XCTAssertFalse(result.err.isEmpty, "\(arguments): expected a usage message")
    }
  }
}

/// Reads a pipe on a background thread and hands over its first line as soon as it arrives.
final class E2ELineWaiter: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()
  private let firstLineSeen = DispatchSemaphore(value: 0)
  private let stopped = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle, stopAfterFirstLine: Bool = false) {
    let thread = Thread { [self] in
      var signalled = false
      while true {
        let chunk = handle.availableData
        lock.lock()
        data.append(chunk)
        let hasLine = data.contains(0x0A)
        lock.unlock()
        if (hasLine || chunk.isEmpty) && !signalled {
          signalled = true
          firstLineSeen.signal()
          if stopAfterFirstLine { break }
        }
        if chunk.isEmpty { break }
      }
      stopped.signal()
    }
    thread.start()
  }

  /// The first line (without its newline), or nil when none arrived in time.
  func firstLine(timeout: TimeInterval) -> String? {
    guard firstLineSeen.wait(timeout: .now() + timeout) == .success else { return nil }
    lock.lock()
    defer { lock.unlock() }
    guard let newline = data.firstIndex(of: 0x0A) else { return nil }
    return String(decoding: data[data.startIndex..<newline], as: UTF8.self)
  }

  func waitForStop(timeout: TimeInterval) { _ = stopped.wait(timeout: .now() + timeout) }

  /// Everything after the first line, once the pipe reaches end of file.
  func remaining(timeout: TimeInterval) -> String {
    _ = stopped.wait(timeout: .now() + timeout)
    lock.lock()
    defer { lock.unlock() }
    guard let newline = data.firstIndex(of: 0x0A) else { return "" }
    return String(decoding: data[(newline + 1)...], as: UTF8.self)
  }
}
