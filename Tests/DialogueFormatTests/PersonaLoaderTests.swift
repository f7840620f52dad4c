import Dialogue
import Foundation
import XCTest

@testable import DialogueFormat
@testable import Practice

final class PersonaLoaderTests: XCTestCase {
  private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  func testTheSixBuiltInPersonasLoadWithTwoVariantsOrMorePerQuestion() {
    XCTAssertEqual(PersonaLoader.builtIn.map(\.id), ["remorseful", "rebound", "blamer", "cold", "pressurer", "evasive"])
    let questions = ScriptLoader.builtIn.states.filter { $0.kind == .question }.map(\.id)
    for persona in PersonaLoader.builtIn {
      for question in questions {
        XCTAssertGreaterThanOrEqual(persona.variants(of: question).count, 2, "\(persona.id) \(question)")
      }
      XCTAssertFalse(persona.offScript.isEmpty)
    }
  }

  func testTheEmbeddedPersonasMatchTheirFiles() throws {
    for id in PersonaLoader.builtInIDs {
      let file = try String(contentsOf: root.appendingPathComponent("Scripts/personas/\(id).yaml"), encoding: .utf8)
      XCTAssertEqual(
        PersonaLoader.builtInText(id)?.trimmingCharacters(in: .newlines), file.trimmingCharacters(in: .newlines),
        "run Scripts/embed-data.sh after editing Scripts/personas/\(id).yaml")
    }
  }

  private func load(_ yaml: String) throws -> Persona {
    try PersonaLoader.load(yaml, file: "p.yaml", script: ScriptLoader.builtIn)
  }

  private func error(_ yaml: String) -> String {
    do {
      _ = try PersonaLoader.load(yaml, file: "p.yaml", script: ScriptLoader.builtIn)
      return "no error"
    } catch {
      return error.description
    }
  }

  private let valid: String = {
    let questions = [
      "while_apart", "why_back", "when_realized", "dated_anyone", "why_ended", "still_feelings", "what_learned",
      "what_different", "going_slowly", "understand_hurt", "hurt_in_your_words", "need_time", "if_over",
    ]
    var text = "persona: test\nname: Tom\nabout: \"A test.\"\nopening: \"Hi.\"\nclosing: \"Bye.\"\noff_script: [\"Hm.\"]\nanswers:\n"
    for q in questions { text += "  \(q):\n    open: [\"Open \(q).\"]\n    guarded: [\"No.\"]\n    again: [\"More \(q).\"]\n" }
    return text
  }()

  func testAValidPersonaLoadsWithItsFingerprint() throws {
    let persona = try load(valid)
    XCTAssertEqual(persona.name, "Tom")
    XCTAssertEqual(persona.answers["why_back"]?[.open], ["Open why_back."])
    XCTAssertEqual(persona.fingerprint.count, 16)
    XCTAssertNotEqual(persona.fingerprint, try load(valid.replacingOccurrences(of: "More if_over.", with: "x")).fingerprint)
  }

  func testMistakesAreReportedWithTheirPlace() {
    XCTAssertEqual(
      error(valid.replacingOccurrences(of: "  why_back:", with: "  why_bak:")),
      "p.yaml:12:3: error: `why_bak` is not a question of the script; did you mean `why_back`?")
    XCTAssertTrue(error(valid.replacingOccurrences(of: "    guarded: [\"No.\"]\n", with: "")).contains("needs `guarded` replies"))
    XCTAssertTrue(error(valid + "colour: red\n").contains("unknown key"), error(valid + "colour: red\n"))
    XCTAssertTrue(error(valid.replacingOccurrences(of: "persona: test", with: "persona: Test Me")).contains("lower-case"))
    XCTAssertTrue(
      error(valid.replacingOccurrences(of: "Open while_apart.", with: String(repeating: "a", count: 700)))
        .contains("at most 600"))
    XCTAssertTrue(error(valid.replacingOccurrences(of: "    open: [\"Open if_over.\"]", with: "    opne: [\"x\"]")).contains("did you mean `open`"))
  }
}
