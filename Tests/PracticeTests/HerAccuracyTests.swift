import DialogueFormat
import Foundation
import XCTest

@testable import Practice

/// Accuracy floors for practice mode's reading of her lines on the her-side dev split, so that a
/// model or cue regression fails CI. The floors sit just under the measured scores: they catch
/// regressions, they claim nothing; the honest figures come from the blind split, which tests never read.
final class HerAccuracyTests: XCTestCase {
  /// The her-side corpus's dev split (Scripts/data/her-corpus/dev).
  static var devSplit: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scripts/data/her-corpus/dev")
  }

  /// Every labeled line of the dev split.
  static func devLines() throws -> [LabeledHerLine] {
    let files = try FileManager.default.contentsOfDirectory(atPath: devSplit.path).filter { $0.hasSuffix(".jsonl") }.sorted()
    XCTAssertGreaterThanOrEqual(files.count, 4)
    return try files.flatMap { name in
      let text = try String(contentsOf: devSplit.appendingPathComponent(name), encoding: .utf8)
      return try text.split(separator: "\n").map { line in
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let names = try XCTUnwrap(object["signs"] as? [String])
        // An unknown sign fails here, as `practice eval` refuses it, rather than lowering the support.
        let signs = try names.map { sign in try XCTUnwrap(HerSign(rawValue: sign), "unknown sign \(sign) in \(name)") }
        return LabeledHerLine(
          id: object["id"] as? String ?? "", writer: object["writer"] as? String ?? "", before: object["before"] as? String ?? "",
          line: try XCTUnwrap(object["line"] as? String), signs: Set(signs),
          question: object["question"] as? String)
      }
    }
  }

  func testTheBuiltInModelsOnTheDevSplit() throws {
    let lines = try Self.devLines()
    XCTAssertGreaterThan(lines.count, 1_000)
    let reader = HerLineAnalyzer()
    let recognizer = QuestionRecognizer(script: ScriptLoader.builtIn)
    var counts = [HerSign: (tp: Int, fp: Int, fn: Int)]()
    var asked = 0
    var recognised = 0
    for line in lines {
      let got = Set(reader.analyze(line.line, before: line.before).map(\.sign))
      for sign in HerSign.ordered {
        var c = counts[sign] ?? (0, 0, 0)
        if got.contains(sign) && line.signs.contains(sign) { c.tp += 1 }
        if got.contains(sign) && !line.signs.contains(sign) { c.fp += 1 }
        if !got.contains(sign) && line.signs.contains(sign) { c.fn += 1 }
        counts[sign] = c
      }
      if let question = line.question {
        asked += 1
        if recognizer.recognise(line.line)?.id == question { recognised += 1 }
      }
    }
    let f1s = HerSign.ordered.compactMap { sign -> Double? in
      let c = counts[sign] ?? (0, 0, 0)
      guard c.tp + c.fn > 0 else { return nil }
      return 2 * Double(c.tp) / Double(2 * c.tp + c.fp + c.fn)
    }
    let macro = f1s.reduce(0, +) / Double(f1s.count)
    XCTAssertGreaterThanOrEqual(macro, HerFloors.toneMacroF1, "her tone macro-F1 on the dev split")
    XCTAssertGreaterThanOrEqual(Double(recognised) / Double(asked), HerFloors.questionAccuracy, "question recognition on the dev split")
  }
}

/// The floors of ``HerAccuracyTests``: a little under what the shipped models score on dev.
enum HerFloors {
  static let toneMacroF1 = 0.74
  static let questionAccuracy = 0.87
}
