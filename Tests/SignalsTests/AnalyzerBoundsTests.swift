import XCTest

@testable import Signals

/// The analyzer reads at most its first MiB of a reply, cut at a character boundary.
final class AnalyzerBoundsTests: XCTestCase {
  func testAReplyIsReadUpToItsFirstMebibyte() {
    let head = "I'm so sorry, I hurt you. "
    let reply = head + String(repeating: "é", count: Analyzer.maximumReplyBytes)
    let analysis = Analyzer(lexicon: nil, reading: .lexiconOnly).analyze(reply)
    XCTAssertTrue(analysis.signals.contains { $0.id == .remorse }, "\(analysis.signals)")
    var bytes = Array(reply.utf8)
    bytes.withUnsafeMutableBufferPointer { buffer in
      let cut = Analyzer.bounded(UnsafeBufferPointer(buffer))
      XCTAssertLessThanOrEqual(cut.count, Analyzer.maximumReplyBytes)
      XCTAssertGreaterThan(cut.count, Analyzer.maximumReplyBytes - 4)
      XCTAssertNotNil(String(validatingUTF8: cut.map { CChar(bitPattern: $0) } + [0]), "cut at a character boundary")
    }
  }
}
