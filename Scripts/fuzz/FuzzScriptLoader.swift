// libFuzzer target: the dialogue script loader on arbitrary text (see Scripts/fuzz.sh).
//
// Any input must load or give a ScriptError; a script that loads is played for a few replies.
import Dialogue
import DialogueFormat
import Signals

private let analyzer = Analyzer()
private let replies = ["I'm sorry, it was my fault.", "Stuff.", "yes", "It was your fault.", "I can wait as long as you need."]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScriptLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let script = try? ScriptLoader.load(text, file: "fuzz.yaml") else { return 0 }
  var engine = DialogueEngine(script: script, analyzer: analyzer)
  do {
    _ = try engine.start()
    for (i, reply) in replies.enumerated() {
      guard case .awaitingReply = engine.phase else { break }
      if i == 2 { _ = try? engine.back() }
      _ = try engine.reply(reply)
    }
    _ = engine.finish()
    _ = engine.summary.markdown()
  } catch {
    // Engine errors on a loaded script are allowed (they are reported to the user), not crashes.
  }
  return 0
}
