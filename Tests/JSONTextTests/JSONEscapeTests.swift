import JSONText
import XCTest

final class JSONEscapeTests: XCTestCase {
  func testEscapesWhatJSONRequires() {
    XCTAssertEqual(JSONEscape.quoted("a\"b\\c\nd\te\r"), #""a\"b\\c\nd\te\r""#)
    XCTAssertEqual(JSONEscape.quoted("\u{01}\u{1F}\u{7F}"), #""\u0001\u001f\u007f""#)
  }

  func testEscapesInvisibleScalarsThatCouldDriveATerminal() {
    XCTAssertEqual(JSONEscape.quoted("x\u{85}y\u{9B}z"), #""x\u0085y\u009bz""#)
    XCTAssertEqual(JSONEscape.quoted("a\u{202E}b\u{2066}c\u{2069}"), #""a\u202eb\u2066c\u2069""#)
  }

  func testKeepsOtherTextAsItIs() {
    XCTAssertEqual(JSONEscape.quoted("café — “quoted” 😀 \u{2014}"), "\"café — “quoted” 😀 \u{2014}\"")
    XCTAssertEqual(JSONEscape.quoted(""), "\"\"")
  }

  func testEveryEscapedStringReadsBackTheSame() throws {
    let samples = ["plain", "a\"b", "\u{0}\u{1F}", "\u{85}\u{202E}", "ünïcödé 😀", String(repeating: "\\", count: 5)]
    for sample in samples {
      XCTAssertEqual(try JSONValue(parsing: JSONEscape.quoted(sample)), .string(sample), sample)
    }
  }
}
