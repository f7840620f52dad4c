// libFuzzer target: the rehearsal transcript loader on arbitrary text (see Scripts/fuzz.sh).
//
// Any input must load or give a ScriptError; a transcript that loads is replayed through the
// built-in script.
import Dialogue
import DialogueFormat
import Rehearsal
import Signals

private let runner = RehearsalRunner(script: ScriptLoader.builtIn, analyzer: Analyzer())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTranscriptLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let transcript = try? TranscriptLoader.load(text, file: "fuzz.yaml") else { return 0 }
  let result = runner.run(transcript)
  _ = GoldenTranscript.update(result)
  return 0
}
