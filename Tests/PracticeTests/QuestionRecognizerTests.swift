import Dialogue
import DialogueFormat
import XCTest

@testable import Practice

final class QuestionRecognizerTests: XCTestCase {
  func testTheBuiltInModelRecognisesQuestionsInHerOwnWords() {
    let recognizer = QuestionRecognizer(script: ScriptLoader.builtIn)
    XCTAssertEqual(recognizer.labels.count, 14)
    let cases = [
      ("what were you up to while you were gone?", "while_apart"),
      ("How come you got back in touch now?", "why_back"),
      ("Why didn't it work out with her?", "why_ended"),
      ("Are you over her?", "still_feelings"),
      ("What would you do if I said no, for good?", "if_over"),
      ("Can you say more about that?", QuestionRecognizer.followUp),
    ]
    for (line, id) in cases { XCTAssertEqual(recognizer.recognise(line)?.id, id, line) }
  }

  func testALineAskingNoneOfThemIsNotTakenForOne() {
    let recognizer = QuestionRecognizer(script: ScriptLoader.builtIn)
    XCTAssertNil(recognizer.recognise("I need a minute."))
  }

  func testAnotherScriptIsLearnedFromItsOwnPhrasings() throws {
    let yaml = """
      format: rekindle-dialogue/1
      title: Pets
      start: dog
      states:
        dog:
          group: 1
          ask: "Who looks after the dog now?"
          intents: ["Is the dog with you?", "Where is the dog living?", "Who walks our dog?"]
          transitions: [{ goto: cat }]
        cat:
          group: 2
          ask: "And the cat, is she eating?"
          intents: ["How is the cat?", "Does the cat still hide under the bed?", "Is the cat well?"]
          transitions: [{ goto: done }]
        done: { kind: end, say: "Bye." }
      """
    let script = try ScriptLoader.load(yaml, file: "pets.yaml")
    let recognizer = QuestionRecognizer(script: script)
    XCTAssertEqual(recognizer.labels, ["dog", "cat", QuestionRecognizer.followUp])
    XCTAssertEqual(recognizer.recognise("who is walking the dog these days?")?.id, "dog")
    XCTAssertEqual(recognizer.recognise("how's the cat doing?")?.id, "cat")
    XCTAssertNotEqual(
      QuestionRecognizer.fingerprint(of: script), QuestionRecognizer.fingerprint(of: ScriptLoader.builtIn))
  }

  func testTheQuestionClauseIsFoundAfterAPreamble() {
    XCTAssertEqual(
      QuestionRecognizer.askingSentences("Take your time. I mean it. What changed for you?"), [["what", "changed", "for", "you"]])
    XCTAssertEqual(QuestionRecognizer.askingSentences("tell me about her"), [["tell", "me", "about", "her"]])
  }
}
