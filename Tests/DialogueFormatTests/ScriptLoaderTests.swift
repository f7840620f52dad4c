import Dialogue
import DialogueFormat
import Signals
import XCTest

/// Loader diagnostics: each broken script is reported at the right `file:line:column`.
final class ScriptLoaderTests: XCTestCase {
  /// A valid script, one entry per line, so tests can break a given line.
  private static let lines = [
    "format: rekindle-dialogue/1",  // 1
    "title: T",  // 2
    "start: a",  // 3
    "safety:",  // 4
    "  when: { signals: { any: [safety] } }",  // 5
    "  goto: stop",  // 6
    "states:",  // 7
    "  a:",  // 8
    "    group: 1",  // 9
    "    ask: \"Q?\"",  // 10
    "    transitions:",  // 11
    "      - when: { signals: { any: [remorse] } }",  // 12
    "        follow_up: \"More?\"",  // 13
    "        goto: b",  // 14
    "      - goto: b",  // 15
    "  b: { kind: end, say: bye }",  // 16
    "  stop: { kind: safety, say: help }",  // 17
  ]

  /// The script with line `number` (1-based) replaced by `text` (which may hold several lines).
  private func broken(_ number: Int, _ text: String) -> String {
    broken(number...number, text)
  }

  /// The script with lines `numbers` (1-based) replaced by `text`.
  private func broken(_ numbers: ClosedRange<Int>, _ text: String) -> String {
    var lines = Self.lines
    lines.replaceSubrange((numbers.lowerBound - 1)..<numbers.upperBound, with: [text])
    return lines.joined(separator: "\n")
  }

  /// The 1-based column of `needle` in `line`.
  private func column(of needle: String, in line: String) -> Int {
    guard let range = line.range(of: needle) else { return -1 }
    return line.distance(from: line.startIndex, to: range.lowerBound) + 1
  }

  private func assertError(
    _ yaml: String, line: Int, column: Int, contains fragments: [String], file: StaticString = #filePath,
    testLine: UInt = #line
  ) {
    guard let error = loadError(yaml) else { return XCTFail("the script loaded", file: file, line: testLine) }
    XCTAssertEqual(error.location.file, "broken.yaml", file: file, line: testLine)
    XCTAssertEqual(error.location.line, line, "\(error)", file: file, line: testLine)
    XCTAssertEqual(error.location.column, column, "\(error)", file: file, line: testLine)
    for fragment in fragments {
      XCTAssertTrue(error.message.contains(fragment), "\(error) lacks \(fragment)", file: file, line: testLine)
    }
  }

  func testTheBaseScriptLoads() throws {
    let script = try loadScript(Self.lines.joined(separator: "\n"))
    XCTAssertEqual(script.states.map(\.id), ["a", "b", "stop"])
    XCTAssertEqual(script.state("a")?.transitions.first?.line, 12)
    XCTAssertEqual(script.safety?.goto, "stop")
  }

  func testUnknownKeySuggestsTheClosest() {
    let text = "        folow_up: \"More?\""
    assertError(
      broken(13, text), line: 13, column: column(of: "folow_up", in: text),
      contains: ["unknown key `folow_up`", "did you mean `follow_up`?"])
    assertError(broken(2, "titel: T"), line: 2, column: 1, contains: ["did you mean `title`?"])
  }

  func testUnknownSignalIDSuggestsTheClosest() {
    let text = "      - when: { signals: { any: [remorce] } }"
    assertError(
      broken(12, text), line: 12, column: column(of: "remorce", in: text),
      contains: ["unknown signal id `remorce`", "did you mean `remorse`?"])
    let reaction = "reactions: { self_focsu: \"x\" }\ntitle: T"
    assertError(
      broken(2, reaction), line: 2, column: column(of: "self_focsu", in: reaction),
      contains: ["did you mean `self_focus`?"])
  }

  func testGotoToAMissingState() {
    let text = "        goto: bb"
    assertError(
      broken(14, text), line: 14, column: column(of: "bb", in: text),
      contains: ["no state named `bb`", "did you mean `b`?"])
  }

  func testYAMLSyntaxError() {
    assertError(
      broken(10, "    ask: \"Q?\"\n   bad: indentation"), line: 11, column: 4, contains: ["YAML syntax error"])
    assertError(broken(9, "\tgroup: 1"), line: 9, column: 1, contains: ["YAML syntax error"])
  }

  func testMissingStart() {
    assertError(broken(3, "# no start"), line: 1, column: 1, contains: ["missing `start`"])
  }

  func testFollowUpWithoutGoto() {
    assertError(
      broken(14, "        retries: 2"), line: 12, column: 9, contains: ["has a `follow_up` but no `goto`"])
  }

  func testEmptyStateAndEmptyTransitions() {
    assertError(broken(16, "  b:"), line: 16, column: 3, contains: ["state `b` is empty"])
    assertError(broken(16, "  b: {}"), line: 16, column: 3, contains: ["state `b` is empty"])
    assertError(
      broken(11...15, "    transitions: []"), line: 11, column: 18, contains: ["state `a` has no transitions"])
    assertError(broken(11...15, "    coach: hi"), line: 8, column: 3, contains: ["needs `transitions`"])
  }

  func testWrongValueTypes() {
    assertError(broken(9, "    group: one"), line: 9, column: 12, contains: ["`group` should be a whole number"])
    // Found by the script fuzz target: a base-60 number whose value overflows trapped inside Yams.
    assertError(
      broken(9, "    group: 999999999999999999:1"), line: 9, column: 12, contains: ["`group` should be a whole number"])
    assertError(broken(9, "    group: 1:30"), line: 9, column: 12, contains: ["`group` should be a whole number"])
    assertError(broken(9, "    group: 9"), line: 9, column: 12, contains: ["between 1 and 7"])
    assertError(broken(10, "    ask: [Q]"), line: 10, column: 10, contains: ["`ask` should be text, not a list"])
    assertError(
      broken(12, "      - when: { evasive: maybe }"), line: 12, column: 26, contains: ["should be true or false"])
    assertError(
      broken(12, "      - when: { tone: { above: 0.5, below: 0.1 } }"), line: 12, column: 23,
      contains: ["can never match"])
    assertError(broken(12, "      - when: { answer: perhaps }"), line: 12, column: 25, contains: ["yes, no or unclear"])
  }

  func testStructuralMistakes() {
    assertError(
      broken(13, "        retries: 2"), line: 13, column: 18,
      contains: ["only applies to a transition with a `follow_up`"])
    assertError(
      broken(12, "      - goto: b\n      - when: { evasive: true }"), line: 13, column: 9,
      contains: ["can never be taken", "line 12"])
    assertError(broken(6, "  goto: b"), line: 4, column: 1, contains: ["`kind: safety`"])
    assertError(
      broken(12, "      - when: { matches: '(unclosed' }"), line: 12, column: 26,
      contains: ["not a valid regular expression"])
    assertError(
      broken(13, "        coach: a\n        coach: b"), line: 14, column: 9, contains: ["duplicate key `coach`"])
    assertError(broken(1, "format: rekindle-dialogue/9"), line: 1, column: 9, contains: ["unsupported format"])
    let misplaced = "  b: { kind: end, say: bye, ask: Q }"
    assertError(
      broken(16, misplaced), line: 16, column: column(of: "ask", in: misplaced),
      contains: ["`ask` belongs in a question state"])
  }

  func testHugeTextIsRejected() {
    let huge = Self.lines.joined(separator: "\n") + "\n#" + String(repeating: "x", count: 2_100_000)
    assertError(huge, line: 1, column: 1, contains: ["larger than 2 MB"])
  }

  func testAliasBombIsRejected() {
    var bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in 1...8 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      bomb.append("a\(level): &a\(level) [\(refs)]")
    }
    let yaml = Self.lines.joined(separator: "\n") + "\n" + bomb.map { "  x\($0)" }.joined(separator: "\n")
    guard let error = loadError(yaml) else { return XCTFail("the alias bomb loaded") }
    XCTAssertTrue(error.message.contains("more than 100000 YAML nodes"), "\(error)")
  }

  func testDeepNestingIsRejectedBeforeParsing() {
    let deep = "format: " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
    guard let error = loadError(deep) else { return XCTFail("the deep script loaded") }
    XCTAssertTrue(error.message.contains("nested more than"), "\(error)")
    XCTAssertEqual(error.location.line, 1)
    let blocks = (0..<1_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
    XCTAssertTrue(loadError(blocks)?.message.contains("nested more than") ?? false)
    let dashes = "- " + String(repeating: "- ", count: 5_000) + "x"
    XCTAssertTrue(loadError(dashes)?.message.contains("nested more than") ?? false)
    // Found by the script fuzz target: a comment line ended by a lone CR (a line break to YAML) hid
    // the braces after it from the scan, and the parser's recursion overflowed the stack.
    // Also found by it: a line of nothing but complex-key indicators, with no value at the end.
    for indicators in [" " + String(repeating: "?  ", count: 3_000), String(repeating: "- ", count: 3_000)] {
      XCTAssertTrue(loadError(indicators)?.message.contains("nested more than") ?? false)
    }
    // And: a '"' right after a ':' inside brackets ("d:\"") is not a quote to the parser.
    let unquoted = "k: [d:\"" + String(repeating: "[", count: 3_000)
    XCTAssertTrue(loadError(unquoted)?.message.contains("nested more than") ?? false, "\(String(describing: loadError(unquoted)))")
    // Whatever the scan makes of quotes, a plain count of brackets backs it up: here a line that
    // opens with '"' inside a plain scalar is no quote to the parser, and hid the brackets after it.
    let misread = "k: a\n \"\n" + String(repeating: "[", count: 3_000)
    XCTAssertTrue(loadError(misread)?.message.contains("nested more than") ?? false, "\(String(describing: loadError(misread)))")
    for newline in ["\r", "\r\n", "\u{85}", "\u{2028}"] {
      let hidden = "# note" + newline + String(repeating: "{", count: 3_000)
      guard let error = loadError(hidden) else { return XCTFail("the deep script loaded") }
      XCTAssertTrue(error.message.contains("nested more than"), "\(error)")
      XCTAssertEqual(error.location.line, 2)
    }
  }

  func testEmptyDocument() {
    assertError("# nothing here\n", line: 1, column: 1, contains: ["empty"])
  }

  func testErrorDescriptionIsCompilerStyle() {
    let error = loadError(broken(14, "        goto: bb"))
    XCTAssertEqual(
      error?.description.hasPrefix("broken.yaml:14:15: error: no state named `bb`"), true,
      "\(String(describing: error))")
  }

  func testBlockScalarsAndFlowListsStillLoad() throws {
    let yaml = """
      format: rekindle-dialogue/1
      title: 'It''s a [test]'
      start: a
      states:
        a:
          group: 1
          coach: |
            A long coaching text [with brackets
                and deeper lines, {braces} and "quotes
          ask: >
            What did you do
            while we were apart?
          transitions:
            - when: { signals: { any: [remorse, growth], none: [blame] }, vars: { k: "v" } }
              examples: ["a [b", 'c {d']
              goto: b
            - goto: b
        b: { kind: end, say: "bye" }
      """
    let script = try loadScript(yaml)
    XCTAssertEqual(script.title, "It's a [test]")
    XCTAssertEqual(script.state("a")?.ask, "What did you do while we were apart?\n")
    XCTAssertEqual(script.state("a")?.transitions.first?.examples, ["a [b", "c {d"])
  }
}
