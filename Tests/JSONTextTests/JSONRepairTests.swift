import JSONText
import XCTest

final class JSONRepairTests: XCTestCase {
  private func repaired(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    bytes.withUnsafeBufferPointer { JSONRepair.append($0, to: &out) }
    return String(decoding: out, as: UTF8.self)
  }

  func testPlainValuesPassThrough() {
    XCTAssertEqual(repaired(Array(#"{"a":[1,"b"]}"#.utf8)), #"{"a":[1,"b"]}"#)
    XCTAssertEqual(repaired(Array("\"café\"".utf8)), "\"café\"")
  }

  func testControlsAndInvisiblesInsideStringsAreEscaped() {
    XCTAssertEqual(repaired(Array("\"a\u{01}b\u{85}c\u{202E}\"".utf8)), #""a\u0001b\u0085c\u202e""#)
    XCTAssertEqual(repaired(Array(#""q\"\u{01}""#.utf8)), #""q\"\u{01}""#)
  }

  func testInvalidUTF8BecomesReplacementAndControlsOutsideStringsBecomeSpaces() {
    XCTAssertEqual(repaired([0x22, 0xFF, 0x22]), "\"\u{FFFD}\"")
    XCTAssertEqual(repaired([0x5B, 0x09, 0x31, 0x5D]), "[ 1]")
  }
}
