// libFuzzer target: the lexicon parser and compiler on arbitrary text (see Scripts/fuzz.sh).
//
// Any input must compile or give a LexiconError; a lexicon that compiles analyzes a few replies.
import Signals

private let replies = ["I'm sorry, it was my fault.", "whatever", "I can wait as long as you need.", "x x x x x x x x"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLexiconParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let lexicon = try? Lexicon(text: text, file: "fuzz.txt") else { return 0 }
  let analyzer = Analyzer(lexicon: lexicon, reading: .lexiconOnly)
  for reply in replies { _ = analyzer.analyze(reply, question: nil) }
  return 0
}
