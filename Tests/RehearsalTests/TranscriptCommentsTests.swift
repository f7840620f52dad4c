import DialogueFormat
import XCTest

@testable import Rehearsal

final class TranscriptCommentsTests: XCTestCase {
  func testCommentsAreFoundWhereTheyAre() {
    let text = "# top\n\ntitle: T\nturns:\n  # about the first\n  - reply: a\n\n  # about the second\n  # (two lines)\n  - reply: b\n# the end\n"
    let comments = TranscriptComments(text: text)
    XCTAssertEqual(comments.opening, "# top\n\n")
    XCTAssertEqual(comments.before(line: 6), "  # about the first\n")
    XCTAssertEqual(comments.before(line: 10), "  # about the second\n  # (two lines)\n")
    XCTAssertEqual(comments.before(line: 3), "", "the opening comments are not repeated")
    XCTAssertEqual(comments.trailing, "# the end\n")
  }

  func testUpdateKeepsEveryComment() throws {
    let text = "# top\ntitle: T\nturns:\n  # first\n  - reply: \"I moved in with my brother.\"\n  # second\n  - reply: \"I missed you.\"\n# end\n"
    let transcript = try TranscriptLoader.load(text, file: "t.yaml")
    let result = RehearsalRunner(script: ScriptLoader.builtIn).run(transcript)
    let (updated, _) = GoldenTranscript.update(result, comments: TranscriptComments(text: text))
    XCTAssertTrue(updated.hasPrefix("# top\ntitle:"), updated)
    XCTAssertTrue(updated.contains("  # first\n  - reply: \"I moved in with my brother.\""), updated)
    XCTAssertTrue(updated.contains("  # second\n  - reply: \"I missed you.\""), updated)
    XCTAssertTrue(updated.hasSuffix("# end\n"), updated)
    XCTAssertNoThrow(try TranscriptLoader.load(updated, file: "t.yaml"))
  }
}
