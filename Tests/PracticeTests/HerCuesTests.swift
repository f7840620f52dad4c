import Foundation
import XCTest

@testable import Practice

final class HerCuesTests: XCTestCase {
  func testCuesAreFoundAsWholeWordsWithTheirPlace() {
    let found = HerCues.builtIn.find(in: "Oh, how convenient. Answer me, you pathetic man.")
    XCTAssertEqual(found.map(\.sign), [.sarcastic, .pressing, .contempt])
    XCTAssertEqual(found.map(\.evidence.text), ["how convenient", "Answer me", "pathetic"])
    XCTAssertEqual(found.first?.evidence.start, 4)
    XCTAssertEqual(HerCues.builtIn.find(in: "I'm not pathetic, and no, I'm not a typical anything.").map(\.sign), [])
    XCTAssertEqual(HerCues.builtIn.find(in: "Don't worry about it.").map(\.sign), [.overAccommodating])
    XCTAssertEqual(HerCues.builtIn.find(in: "I'm disgusted.").map(\.sign), [.contempt], "a * matches any ending")
  }

  func testANegationDoesNotReachAcrossASentenceEnd() {
    let found = HerCues.builtIn.find(in: "Will you go slowly this time or not? Answer me.")
    XCTAssertEqual(found.map(\.sign), [.pressing])
    XCTAssertEqual(HerCues.builtIn.find(in: "I will not answer me questions").map(\.sign), [], "inside the clause it still does")
  }

  func testAMistakeInTheFileNamesItsLine() {
    XCTAssertThrowsError(try HerCues(text: "# c\ncalmm: hello\n", source: "c.txt")) {
      XCTAssertEqual("\($0)", "c.txt:2:1: error: `calmm` is not a sign of her side; did you mean `calm`?")
    }
  }

  func testTheEmbeddedCuesMatchTheirFile() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let file = try String(contentsOf: root.appendingPathComponent("Scripts/data/her-cues.txt"), encoding: .utf8)
    XCTAssertEqual(
      BuiltInHerCues.text.trimmingCharacters(in: .newlines), file.trimmingCharacters(in: .newlines),
      "run Scripts/embed-data.sh after editing Scripts/data/her-cues.txt")
  }
}
