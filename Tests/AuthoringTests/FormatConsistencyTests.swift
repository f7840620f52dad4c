import XCTest

@testable import Authoring
@testable import Dialogue

/// The format description behind the structure check and the schema lists exactly the keys the loader reads.
final class FormatConsistencyTests: XCTestCase {
  private func names(_ record: Record) -> [String] { record.fields.map(\.name) }

  func testKeysMatchTheLoader() {
    XCTAssertEqual(Set(names(ScriptFormat.root)), Set(ScriptDecoder.keys))
    XCTAssertEqual(Set(names(ScriptFormat.safety)), Set(ScriptDecoder.safetyKeys))
    XCTAssertEqual(Set(names(ScriptFormat.questionState)), Set(StateDecoder.questionKeys))
    XCTAssertEqual(Set(names(ScriptFormat.finalState)), Set(StateDecoder.finalKeys))
    XCTAssertEqual(Set(names(ScriptFormat.transition)), Set(TransitionDecoder.keys))
    XCTAssertEqual(Set(names(ScriptFormat.guardRecord)), Set(GuardDecoder.keys))
    XCTAssertEqual(Set(names(ScriptFormat.signals)), Set(GuardDecoder.signalKeys))
    XCTAssertEqual(Set(names(ScriptFormat.tone)), Set(GuardDecoder.toneKeys))
  }

  func testGroupRangeMatchesTheLoader() {
    guard case .integer(let min, let max)? = ScriptFormat.questionState.field("group")?.shape else {
      return XCTFail("group should be an integer")
    }
    XCTAssertEqual(min...(max ?? Int.max), StateDecoder.groups)
  }
}
