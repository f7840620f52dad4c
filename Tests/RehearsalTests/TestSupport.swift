import Dialogue
import DialogueFormat
import Rehearsal
import Signals
import XCTest

/// Small inline dialogue scripts for the rehearsal tests.
enum Scripts {
  /// Two questions: the first reacts to blame and follows up once on an evasive reply, the second is
  /// a yes/no question; a safety rule and an end. Seven transitions in all (the safety rule included).
  static let twoQuestions = """
    format: rekindle-dialogue/1
    title: "Two questions"
    start: first
    reactions:
      blame: "Blame heard."
    safety:
      when: { signals: { any: [safety] } }
      goto: stop
    states:
      first:
        group: 1
        coach: "Be calm."
        ask: "What happened?"
        transitions:
          - when: { signals: { any: [blame] } }
            goto: second
          - when: { evasive: true }
            follow_up: "Can you tell me more?"
            retries: 1
            goto: second
          - goto: second
      second:
        group: 2
        ask: "Do you understand what it did to me?"
        yes_no: true
        transitions:
          - when: { answer: "yes" }
            goto: done
          - when: { answer: "no" }
            goto: done
          - goto: done
      done:
        kind: end
        say: "That was the last question."
      stop:
        kind: safety
        say: "Let's stop here and find real help."
    """

  /// The loaded `twoQuestions` script.
  static func load(file: StaticString = #filePath, line: UInt = #line) throws -> DialogueScript {
    do {
      return try ScriptLoader.load(twoQuestions, file: "two.yaml")
    } catch {
      XCTFail("script did not load: \(error)", file: file, line: line)
      throw error
    }
  }
}

/// Loads an inline transcript, failing the test with the loader's message when it does not load.
func loadTranscript(
  _ text: String, file name: String = "t.yaml", file: StaticString = #filePath, line: UInt = #line
) throws -> Transcript {
  do {
    return try TranscriptLoader.load(text, file: name)
  } catch {
    XCTFail("transcript did not load: \(error)", file: file, line: line)
    throw error
  }
}

/// The loader's error for `text`, or nil when it loads.
func loadError(_ text: String, file: String = "t.yaml") -> ScriptError? {
  do {
    _ = try TranscriptLoader.load(text, file: file)
    return nil
  } catch {
    return error
  }
}

/// Replays `text` (a transcript) through the two-question script.
func rehearse(_ text: String, file name: String = "t.yaml") throws -> RehearsalResult {
  let transcript = try loadTranscript(text, file: name)
  return RehearsalRunner(script: try Scripts.load(), analyzer: rulesOnly).run(transcript)
}

/// The lexicon and its rules alone: these tests are about replaying and checking transcripts, so
/// replies are read by the deterministic rules. The shipped transcripts replay the learned model.
let rulesOnly = Analyzer(lexicon: nil, reading: .lexiconOnly)
