// libFuzzer target: the signal analyzer on arbitrary text (see Scripts/fuzz.sh).
//
// The input is a reply; when its first byte is odd, the text up to the first newline is the
// question it answers. Besides crashes, the target checks what the analyzer promises: evidence
// spans lie inside the reply and quote it exactly, scores and tone are finite and in range.
import Signals

private nonisolated(unsafe) var workspace = AnalysisWorkspace()
private let analyzer = Analyzer()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnalyzer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  var question: String?
  var reply = String(decoding: bytes, as: UTF8.self)
  if let first = bytes.first, first & 1 == 1, let newline = bytes.firstIndex(of: 0x0A) {
    question = String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<newline]), as: UTF8.self)
    reply = String(decoding: UnsafeBufferPointer(rebasing: bytes[(newline + 1)...]), as: UTF8.self)
  }
  let analysis = analyzer.analyze(reply, question: question, workspace: &workspace)
  let scalars = Array(reply.unicodeScalars)
  for signal in analysis.signals {
    precondition(signal.score.isFinite && signal.score >= 0, "score \(signal.score) for \(signal.id)")
    for e in signal.evidence {
      precondition(0 <= e.start && e.start <= e.end && e.end <= scalars.count, "evidence \(e.start)..<\(e.end) outside the reply")
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[e.start..<e.end])
      precondition(String(view) == e.text, "evidence text \(e.text.debugDescription) is not the reply's \(String(view).debugDescription)")
    }
  }
  precondition(analysis.tone.isFinite && analysis.tone >= -1 && analysis.tone <= 1, "tone \(analysis.tone)")
  // Redaction of the same reply must keep the spans consistent too.
  let (redacted, moved) = Redactor().redact(reply, analysis: analysis)
  let redactedScalars = Array(redacted.unicodeScalars)
  for signal in moved.signals {
    for e in signal.evidence {
      precondition(0 <= e.start && e.start <= e.end && e.end <= redactedScalars.count, "redacted evidence out of range")
    }
  }
  return 0
}
