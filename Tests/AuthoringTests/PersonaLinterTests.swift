import DialogueFormat
import XCTest

@testable import Authoring

final class PersonaLinterTests: XCTestCase {
  private let linter = PersonaLinter(script: ScriptLoader.builtIn)

  func testTheBuiltInPersonasAreClean() throws {
    for id in PersonaLoader.builtInIDs {
      let text = try XCTUnwrap(PersonaLoader.builtInText(id))
      XCTAssertTrue(PersonaLinter.isPersona(text))
      XCTAssertEqual(linter.lint(text, file: "\(id).yaml"), [], id)
    }
    XCTAssertFalse(PersonaLinter.isPersona(ScriptLoader.builtInText))
  }

  func testAThreatAndARepeatAreFoundWhereTheyAre() throws {
    var text = try XCTUnwrap(PersonaLoader.builtInText("cold"))
    let closing = try XCTUnwrap(PersonaLoader.builtIn("cold")?.closing)
    text = text.replacingOccurrences(of: closing, with: "If you say no, I will make you pay for it. I know where you live.")
    let again = try XCTUnwrap(PersonaLoader.builtIn("cold")?.answers["why_back"]?[.again])
    text = text.replacingOccurrences(of: again[1], with: again[0])
    let found = linter.lint(text, file: "cold.yaml")
    XCTAssertEqual(Set(found.map(\.rule)), [.personaRepeat, .personaSafety], "\(found)")
    XCTAssertTrue(found.contains { $0.rule == .personaSafety && $0.severity == .error })
    XCTAssertTrue(found.contains { $0.rule == .personaRepeat && $0.severity == .warning })
    XCTAssertTrue(found.allSatisfy { $0.location.file == "cold.yaml" && $0.location.line > 1 })
  }

  func testALoaderMistakeIsOneFinding() {
    let found = linter.lint("persona: x\nname: y\n", file: "x.yaml")
    XCTAssertEqual(found.count, 1)
    XCTAssertEqual(found.first?.severity, .error)
  }
}
