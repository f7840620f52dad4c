// libFuzzer target: the session record reader on arbitrary bytes (see Scripts/fuzz.sh).
//
// Any input must read or give a SourceError; a record that reads is replayed through the built-in
// script (lexicon alone, so each run is quick), and what it wrote must read back the same.
import Dialogue
import DialogueFormat
import Signals

private let analyzer = Analyzer(lexicon: nil, reading: .lexiconOnly)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let log = try? SessionLog(reading: bytes, file: "fuzz.jsonl") else { return 0 }
  var text = SessionRecordFormat.line(log.header) + "\n"
  for (_, entry) in log.entries { text += SessionRecordFormat.line(entry) + "\n" }
  guard let again = try? SessionLog(reading: Array(text.utf8), file: "again.jsonl") else {
    preconditionFailure("a record written from a record that read does not read")
  }
  precondition(again.header == log.header && again.entries.map(\.entry) == log.entries.map(\.entry), "round trip differs")
  var engine = DialogueEngine(script: ScriptLoader.builtIn, analyzer: analyzer)
  for (_, entry) in log.entries.prefix(64) { _ = try? engine.apply(entry.input) }
  _ = engine.summary.markdown()
  return 0
}
