import JSONText
import XCTest

final class JSONValueTests: XCTestCase {
  func testReadsEveryKindOfValue() throws {
    let value = try JSONValue(parsing: #" {"a": [1, -2.5, true, false, null], "b": {"c": "d\u00e9"}} "#)
    XCTAssertEqual(
      value,
      .object([
        ("a", .array([.int(1), .number(-2.5), .bool(true), .bool(false), .null])),
        ("b", .object([("c", .string("dé"))])),
      ]))
    XCTAssertEqual(value["b"]?["c"]?.stringValue, "dé")
    XCTAssertEqual(value["a"]?.arrayValue?.first?.intValue, 1)
  }

  func testRendersWhatItReads() throws {
    let text = #"{"z":1,"a":["x\ny",{"k":false}],"n":null}"#
    XCTAssertEqual(try JSONValue(parsing: text).compact, text)
  }

  func testRejectsADuplicateKeyAtItsColumn() {
    XCTAssertThrowsError(try JSONValue(parsing: #"{"reply":"a","reply":"b"}"#)) { error in
      XCTAssertEqual((error as? JSONSyntaxError)?.column, 14)
      XCTAssertEqual((error as? JSONSyntaxError)?.message, "the key \"reply\" is given twice")
    }
  }

  func testRejectsBrokenText() {
    for bad in ["", "{", "[1,]", "{\"a\" 1}", "tru", "1 2", "\"\\x\"", "1e999", String(repeating: "[", count: 600)] {
      XCTAssertThrowsError(try JSONValue(parsing: bad), bad)
    }
  }
}
