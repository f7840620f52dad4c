import Foundation
import XCTest

/// `rekindle train` and `--model`, run as a separate process.
final class E2ETrainTests: E2ETestCase {
  /// A small labeled corpus: remorse and coldness told by different words, plus plain answers.
  private func corpus() throws -> URL {
    var lines: [String] = []
    let remorse = ["I regret every day of it", "my biggest regret is leaving", "I regret how I treated you", "regret eats at me"]
    let cold = ["whatever works", "meh whatever", "whatever you say", "fine whatever"]
    let plain = ["I was at my brother's place", "work was busy", "I moved to a new flat", "the car broke down"]
    for (i, r) in remorse.enumerated() { lines.append(#"{"id":"r\#(i)","reply":"\#(r)","signals":["remorse"]}"#) }
    for (i, r) in cold.enumerated() { lines.append(#"{"id":"c\#(i)","reply":"\#(r)","signals":["coldness"]}"#) }
    for (i, r) in plain.enumerated() { lines.append(#"{"id":"p\#(i)","reply":"\#(r)","signals":[]}"#) }
    return try makeFile("corpus.jsonl", lines.joined(separator: "\n") + "\n")
  }

  func testTrainWritesAPrivateDeterministicModelThatAnalyzeLoads() throws {
    let corpus = try corpus()
    let first = try run(["train", corpus.path, "--dev", corpus.path, "--out", "a.model", "--min-count", "1"])
    XCTAssertTrue(first.exited(0), first.summary)
    XCTAssertTrue(first.out.contains("Trained on 12 replies"), first.out)
    XCTAssertTrue(first.out.contains("Thresholds chosen on 12 dev replies"), first.out)
    let model = tempDir.appendingPathComponent("a.model")
    XCTAssertEqual(try permissions(model), 0o600)
    let again = try run(["train", corpus.path, "--dev", corpus.path, "--out", "b.model", "--min-count", "1"])
    XCTAssertTrue(again.exited(0), again.summary)
    XCTAssertEqual(
      try Data(contentsOf: model), try Data(contentsOf: tempDir.appendingPathComponent("b.model")),
      "the same corpus and seed give the same model")

    let analysis = try run(
      ["analyze", "--model", model.path, "--format", "jsonl"], stdin: .pipe(Data("the regret never leaves me\n".utf8)))
    XCTAssertTrue(analysis.exited(0), analysis.summary)
    let object = try XCTUnwrap(jsonObject(analysis.out.trimmingCharacters(in: .newlines)))
    let signals = try XCTUnwrap(object["signals"] as? [[String: Any]])
    let remorse = try XCTUnwrap(signals.first { $0["id"] as? String == "remorse" }, analysis.out)
    XCTAssertNotNil(remorse["confidence"] as? Double, "every signal reports the model's confidence")
  }

  func testTrainNeverReplacesAFileUnasked() throws {
    let corpus = try corpus()
    let existing = try makeFile("keep.model", "mine")
    let refused = try run(["train", corpus.path, "--out", existing.path])
    XCTAssertTrue(refused.exited(73), refused.summary)
    XCTAssertEqual(refused.errLines.count, 1, refused.err)
    XCTAssertTrue(refused.err.contains("already exists; use --force"), refused.err)
    XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "mine")

    try FileManager.default.createSymbolicLink(
      atPath: tempDir.appendingPathComponent("link.model").path, withDestinationPath: existing.path)
    let link = try run(["train", corpus.path, "--out", "link.model", "--force"])
    XCTAssertTrue(link.exited(73), link.summary)
    XCTAssertTrue(link.err.contains("not a regular file"), link.err)
    XCTAssertEqual(try String(contentsOf: existing, encoding: .utf8), "mine", "a symbolic link is never followed")

    let forced = try run(["train", corpus.path, "--out", existing.path, "--force"])
    XCTAssertTrue(forced.exited(0), forced.summary)
    XCTAssertNotEqual(try String(contentsOf: existing, encoding: .isoLatin1), "mine")
  }

  func testBadModelsAndBadCorporaGiveOneLineErrors() throws {
    let bad = try makeFile("bad.model", "not a model at all")
    let result = try run(["analyze", "--model", bad.path], stdin: .pipe(Data("hello\n".utf8)))
    XCTAssertTrue(result.exited(65), result.summary)
    XCTAssertEqual(result.errLines.count, 1, result.err)
    XCTAssertTrue(result.err.contains("\(bad.path): error: not a Rekindle model file"), result.err)

    let both = try run(["analyze", "--model", bad.path, "--no-model"])
    XCTAssertTrue(both.exited(64), both.summary)

    let corpus = try makeFile("broken.jsonl", "{\"reply\": \"hi\", \"signals\": [\"sadness\"]}\n")
    let training = try run(["train", corpus.path, "--out", "x.model"])
    XCTAssertTrue(training.exited(65), training.summary)
    XCTAssertTrue(training.err.contains("broken.jsonl:1:1: error: unknown signal 'sadness'"), training.err)
    XCTAssertFalse(FileManager.default.fileExists(atPath: tempDir.appendingPathComponent("x.model").path))

    let missing = try run(["train", tempDir.appendingPathComponent("nope.jsonl").path, "--out", "y.model"])
    XCTAssertTrue(missing.exited(66), missing.summary)
  }

  func testScoresGiveEverySignalsProbability() throws {
    let result = try run(["analyze", "--scores", "--format", "jsonl"], stdin: .pipe(Data("I'm so sorry.\n".utf8)))
    XCTAssertTrue(result.exited(0), result.summary)
    let object = try XCTUnwrap(jsonObject(result.out.trimmingCharacters(in: .newlines)))
    let scores = try XCTUnwrap(object["scores"] as? [String: Any], result.out)
    XCTAssertEqual(scores.count, 15)
    for value in scores.values {
      let p = try XCTUnwrap((value as? NSNumber)?.doubleValue)
      XCTAssertTrue((0...1).contains(p))
    }
    let plain = try run(["analyze", "--format", "jsonl"], stdin: .pipe(Data("I'm so sorry.\n".utf8)))
    XCTAssertFalse(plain.out.contains("\"scores\""), "scores only when asked for")
  }

  func testLexiconOnlyReadingHasNoConfidence() throws {
    let result = try run(["analyze", "--no-model", "--format", "jsonl"], stdin: .pipe(Data("I'm so sorry.\n".utf8)))
    XCTAssertTrue(result.exited(0), result.summary)
    XCTAssertFalse(result.out.contains("\"confidence\""), result.out)
    XCTAssertTrue(result.out.contains("\"remorse\""), result.out)
  }
}
