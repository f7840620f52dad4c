import Foundation
import Signals
import XCTest

/// Shared helpers for analyzer tests.
class AnalyzerTestCase: XCTestCase {
  /// The lexicon and its rules alone: these tests are about the rules. The combined reading
  /// (lexicon and learned model) is measured by AccuracyTests.
  static let analyzer = Analyzer(lexicon: nil, reading: .lexiconOnly)

  func analyze(_ reply: String, question: String? = nil) -> Analysis {
    Self.analyzer.analyze(reply, question: question)
  }

  func ids(_ reply: String, question: String? = nil) -> Set<SignalID> {
    Set(analyze(reply, question: question).signalIDs)
  }

  func assertHas(_ reply: String, _ id: SignalID, question: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
    let found = ids(reply, question: question)
    XCTAssertTrue(found.contains(id), "expected \(id.rawValue) in \"\(reply)\", got \(found.map(\.rawValue).sorted())", file: file, line: line)
  }

  func assertLacks(_ reply: String, _ id: SignalID, question: String? = nil, file: StaticString = #filePath, line: UInt = #line) {
    let found = ids(reply, question: question)
    XCTAssertFalse(found.contains(id), "did not expect \(id.rawValue) in \"\(reply)\", got \(found.map(\.rawValue).sorted())", file: file, line: line)
  }

  /// The corpus's dev split (Scripts/data/corpus/dev). The blind split is never read by tests.
  static var devSplit: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scripts/data/corpus/dev")
  }

  /// Labeled replies from a JSONL file of the dev split: (id, question, reply, expected signals).
  static func labeled(_ name: String) throws -> [(String, String?, String, Set<SignalID>)] {
    let text = try String(contentsOf: devSplit.appendingPathComponent(name), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let labels = try XCTUnwrap(object["signals"] as? [String])
      return (
        object["id"] as? String ?? "", object["question"] as? String, try XCTUnwrap(object["reply"] as? String),
        Set(labels.compactMap(SignalID.init(rawValue:)))
      )
    }
  }

  /// Macro-F1 of `analyzer` (the lexicon alone unless given) over labeled replies.
  static func macroF1(_ cases: [(String, String?, String, Set<SignalID>)], analyzer: Analyzer = analyzer)
    -> (Double, EvaluationReport)
  {
    var report = EvaluationReport()
    for (id, question, reply, expected) in cases {
      report.add(id: id, reply: reply, expected: expected, got: Set(analyzer.analyze(reply, question: question).signalIDs))
    }
    return (report.macroF1, report)
  }
}
