import Authoring
import XCTest

/// The rules about the file itself: syntax, keys, value types, signal ids and state names.
final class StructureRuleTests: XCTestCase {
  func testCleanScriptHasNoFindings() {
    XCTAssertEqual(lint(cleanScript), [])
  }

  func testYAMLSyntaxError() {
    let found = lint(cleanScript(replacing: "title: \"Test\"", with: "title: \"Test"))
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(found.first?.rule, .syntax)
    XCTAssertEqual(found.first?.severity, .error)
    XCTAssertTrue(found.first?.message.hasPrefix("YAML syntax error") ?? false, "\(found)")
    XCTAssertFalse(found.first?.hint.isEmpty ?? true)
  }

  /// Issue item 21: a tagged, quoted number is named as quoted text, not as the number it looks like.
  func testAQuotedNumberIsNamedAsText() {
    let found = lint(cleanScript(replacing: "    group: 1", with: "    group: !!int \"1\""))
    XCTAssertEqual(found.first?.message, "`group` should be a whole number, not the quoted text `1`", "\(found)")
  }

  /// Issue item 21: a script over the node limit is told about the limit, not about indentation.
  func testAScriptOverTheNodeLimitGetsAHintAboutSize() {
    var yaml = "format: rekindle-dialogue/1\ntitle: big\nstart: s0\nstates:\n"
    for i in 0..<10_000 { yaml += "  s\(i):\n    group: 1\n    ask: \"q?\"\n    transitions:\n      - goto: s\((i + 1) % 10_000)\n" }
    let found = lint(yaml)
    XCTAssertEqual(found.count, 1)
    XCTAssertTrue(found.first?.message.hasPrefix("the script has more than 100000 YAML nodes") == true, "\(found)")
    XCTAssertTrue(found.first?.hint.contains("split the conversation") == true, "\(found)")
  }

  func testUnknownKeysAreAllReportedWithDidYouMean() {
    let yaml = cleanScript(replacing: "    yes_no: false", with: "    yesno: false")
      .replacingOccurrences(of: "      - when: { signals", with: "      - wehn: { signals")
    let found = lint(yaml)
    XCTAssertEqual(places(found), ["11:5 unknown-key", "13:9 unknown-key"])
    XCTAssertEqual(found.map(\.hint), ["did you mean `yes_no`?", "did you mean `when`?"])
    XCTAssertEqual(found.last?.message, "unknown key `wehn` in transition 1 of state `ask`")
  }

  func testKeyOfTheOtherStateKind() {
    let found = lint(cleanScript(replacing: "    yes_no: false", with: "    say: \"hello\""))
    XCTAssertEqual(places(found), ["11:5 unknown-key"])
    XCTAssertTrue(found.first?.message.contains("belongs in a final state") ?? false, "\(found)")
  }

  func testMissingKeys() {
    let found = lint(cleanScript(replacing: "    ask: \"What did you do while we were apart?\"\n", with: ""))
    XCTAssertEqual(places(found), ["8:3 missing-key"])
    XCTAssertEqual(found.first?.message, "state `ask` needs `ask`")
    XCTAssertEqual(places(lint(cleanScript(replacing: "    say: \"Thank you.\"\n", with: ""))), ["18:3 missing-key"])
  }

  func testDuplicateKey() {
    let found = lint(cleanScript(replacing: "    yes_no: false", with: "    group: 2"))
    XCTAssertEqual(places(found), ["11:5 duplicate-key"])
  }

  func testWrongTypesAndRanges() {
    let yaml = cleanScript(replacing: "    group: 1", with: "    group: 9")
      .replacingOccurrences(of: "yes_no: false", with: "yes_no: maybe")
      .replacingOccurrences(
        of: "    transitions:\n", with: "    transitions:\n      - when: { tone: { above: 2 } }\n        goto: done\n")
    let found = lint(yaml)
    XCTAssertEqual(places(found), ["9:12 wrong-type", "11:13 wrong-type", "13:32 wrong-type"], "\(found)")
    XCTAssertEqual(found.first?.message, "`group` should be between 1 and 7, not 9")
    XCTAssertEqual(found.dropFirst().first?.message, "`yes_no` should be true or false, not `maybe`")
  }

  func testWrongContainerTypes() {
    let found = lint(cleanScript(replacing: "    transitions:\n", with: "    transitions: none\n    x:\n"))
    XCTAssertTrue(places(found).contains("12:18 wrong-type"), "\(found)")
    XCTAssertTrue(found.contains { $0.message.contains("`transitions` should be a list") }, "\(found)")
  }

  func testAnswerWithDidYouMean() {
    let found = lint(cleanScript(replacing: "{ signals: { any: [rebound] } }", with: "{ answer: yse }"))
    XCTAssertEqual(places(found), ["13:25 wrong-type"])
    XCTAssertEqual(found.first?.hint, "did you mean `yes`?")
  }

  func testUnknownSignalIDs() {
    let yaml = cleanScript(replacing: "any: [rebound]", with: "any: [rebund, blame, colness]")
    let found = lint(yaml)
    XCTAssertEqual(places(found), ["13:34 unknown-signal", "13:49 unknown-signal"])
    XCTAssertEqual(found.map(\.hint), ["did you mean `rebound`?", "did you mean `coldness`?"])
    let reactions = lint(cleanScript(replacing: "safety:\n  when", with: "reactions:\n  blam: \"x\"\nsafety:\n  when"))
    XCTAssertEqual(places(reactions), ["5:3 unknown-signal"])
  }

  func testUnknownStates() {
    let yaml = cleanScript(replacing: "start: ask", with: "start: asks")
      .replacingOccurrences(
        of: "        goto: done\n        examples: [\"She", with: "        goto: dnoe\n        examples: [\"She")
    let found = lint(yaml)
    XCTAssertEqual(places(found), ["3:8 unknown-state", "14:15 unknown-state"])
    XCTAssertEqual(found.map(\.hint), ["did you mean `ask`?", "did you mean `done`?"])
  }

  func testLoaderOnlyProblemsAreReportedOnce() {
    let found = lint(
      cleanScript(replacing: "        examples: [\"Mostly", with: "        retries: 1\n        examples: [\"Mostly"))
    XCTAssertEqual(places(found), ["17:18 structure"])
    XCTAssertEqual(found.first?.message, "`retries` only applies to a transition with a `follow_up`")
  }

  func testEmptyScript() {
    let found = lint("")
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(found.first?.severity, .error)
  }
}
