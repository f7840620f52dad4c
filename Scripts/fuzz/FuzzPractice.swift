// libFuzzer target: practice mode's inputs on arbitrary text (see Scripts/fuzz.sh).
//
// The text is read as a persona (loaded against the built-in script), as a practice transcript
// (replayed against a built-in persona), and as lines she types (played through the practice engine).
import Dialogue
import DialogueFormat
import Practice
import Rehearsal
import Signals

private let script = ScriptLoader.builtIn
private let persona = PersonaLoader.builtIn("evasive")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPractice(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if let loaded = try? PersonaLoader.load(text, file: "fuzz.yaml", script: script) {
    var engine = PracticeEngine(script: script, persona: loaded)
    _ = engine.apply(.start)
    _ = engine.apply(.line("What did you do while we were apart?", safetyCheck: nil))
    _ = PracticeSummary(of: engine).markdown()
  }
  guard let persona else { return 0 }
  if let transcript = try? PracticeTranscriptLoader.load(text, file: "fuzz.yaml") {
    _ = PracticeGoldenTranscript.update(PracticeRehearsalRunner(script: script, persona: persona).run(transcript))
  }
  var engine = PracticeEngine(script: script, persona: persona)
  _ = engine.apply(.start)
  for line in text.split(separator: "\n").prefix(8) { _ = engine.apply(.line(String(line), safetyCheck: nil)) }
  _ = engine.apply(.back)
  _ = PracticeSummary(of: engine).markdown()
  return 0
}
