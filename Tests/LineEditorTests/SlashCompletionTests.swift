import Foundation
import XCTest

@testable import LineEditor

final class SlashCompletionTests: XCTestCase {
  private let commands = ["/help", "/why", "/back", "/skip", "/summary", "/save", "/quit"]

  func testSlashAloneOffersEveryCommand() {
    XCTAssertEqual(SlashCompletion.matches(for: "/", in: commands), commands)
  }

  func testPrefixSelectsCommandsInTheGivenOrder() {
    XCTAssertEqual(
      SlashCompletion.matches(for: "/s", in: commands), ["/skip", "/summary", "/save"])
    XCTAssertEqual(SlashCompletion.matches(for: "/su", in: commands), ["/summary"])
    XCTAssertEqual(SlashCompletion.matches(for: "/help", in: commands), ["/help"])
  }

  func testNoMatches() {
    XCTAssertEqual(SlashCompletion.matches(for: "/x", in: commands), [])
    XCTAssertEqual(SlashCompletion.matches(for: "/helpme", in: commands), [])
    XCTAssertEqual(
      SlashCompletion.matches(for: "/HE", in: commands), [], "matching is case-sensitive")
  }

  func testWordsWithoutSlashNeverComplete() {
    XCTAssertEqual(SlashCompletion.matches(for: "", in: commands), [])
    XCTAssertEqual(SlashCompletion.matches(for: "he", in: commands), [])
    XCTAssertEqual(SlashCompletion.matches(for: "h", in: ["help"]), [])
  }

  func testRepeatedCommandsAppearOnce() {
    XCTAssertEqual(
      SlashCompletion.matches(for: "/h", in: ["/help", "/help", "/hint"]), ["/help", "/hint"])
  }

  func testAppliesOnlyToTheFirstWordOfTheLine() {
    XCTAssertTrue(SlashCompletion.applies(to: "/he", after: ""))
    XCTAssertTrue(SlashCompletion.applies(to: "/he", after: " \t"))
    XCTAssertFalse(SlashCompletion.applies(to: "/he", after: "I said "))
    XCTAssertFalse(SlashCompletion.applies(to: "he", after: ""))
    XCTAssertFalse(SlashCompletion.applies(to: "", after: ""))
  }

  /// The C generator readline calls: the n-th match, strdup'ed, then NULL.
  func testGeneratorReturnsEachMatchThenNull() {
    ReadlineBridge.commands.withLock { $0 = commands }
    defer { ReadlineBridge.commands.withLock { $0 = [] } }
    var produced: [String] = []
    for state in 0..<10 {
      guard let match = generateSlashCompletion("/s", Int32(state)) else { break }
      produced.append(String(cString: match))
      free(match)
    }
    XCTAssertEqual(produced, ["/skip", "/summary", "/save"])
    XCTAssertNil(generateSlashCompletion("nothing", 0))
  }
}
