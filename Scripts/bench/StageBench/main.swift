// The analyzer's time by stage, on one thread: `swift run -c release StageBench CORPUS` (one reply
// per line). Scripts/bench.sh runs it and adds the rest of the whole process (reading, JSON
// output, start-up) from its own one-core run, so the next person sees where the time goes.
//
// Stages are measured as cumulative runs of the analyzer's own steps (the same calls
// `Analyzer.analyze(utf8:question:workspace:)` makes, in its order), each the median of three:
//   tokenize        Tokenizer.tokenize
//   match           + PatternMatcher.findAll
//   rules           the lexicon's whole reading (Analyzer, lexicon only) minus the two above
//   model           the shipped reading (lexicon and learned model) minus the lexicon's
#if canImport(Glibc)
  import Glibc
#endif
import Signals

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// `value` with `digits` decimals, right-aligned in `width`.
func fixed(_ value: Double, _ digits: Int, width: Int = 0) -> String {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  var text = "\(Int(rounded))"
  if digits > 0 {
    let fraction = Int((abs(rounded) * scale).rounded()) % Int(scale)
    let digitsText = String(fraction)
    text += "." + String(repeating: "0", count: digits - digitsText.count) + digitsText
    if rounded < 0 && Int(rounded) == 0 { text = "-" + text }
  }
  return String(repeating: " ", count: max(0, width - text.count)) + text
}

func readAll(_ path: String) -> [UInt8]? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var data: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 1 << 16)
  while true {
    let n = fread(&chunk, 1, chunk.count, file)
    if n <= 0 { break }
    data.append(contentsOf: chunk[0..<n])
  }
  return data
}

func run() -> Int32 {
  guard CommandLine.arguments.count == 2, let data = readAll(CommandLine.arguments[1]) else {
    print("usage: StageBench CORPUS (one reply per line)")
    return 64
  }
  var lines: [Range<Int>] = []
  var start = 0
  for (i, b) in data.enumerated() where b == 0x0A {
    lines.append(start..<i)
    start = i + 1
  }
  if start < data.count { lines.append(start..<data.count) }

  let full = Analyzer()
  let lexiconOnly = Analyzer(lexicon: full.lexicon, reading: .lexiconOnly)
  let tokenizer = Tokenizer(lexicon: full.lexicon)
  let matcher = PatternMatcher(tables: full.lexicon.tables)
  var workspace = AnalysisWorkspace()
  _ = full.analyze("warm up: I'm sorry", question: nil, workspace: &workspace)

  func timed(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Double {
    var runs: [Double] = []
    data.withUnsafeBufferPointer { bytes in
      for _ in 0..<3 {
        let t0 = now()
        for line in lines { body(UnsafeBufferPointer(rebasing: bytes[line])) }
        runs.append(now() - t0)
      }
    }
    return runs.sorted()[1]
  }

  var tokens: [Token] = []
  var scratch: [UInt8] = []
  var present: [UInt64] = []
  var viable: [UInt64] = []
  var candidates: [Int32] = []
  var matches: [PatternMatch] = []
  var sink = 0
  let tTokenize = timed { line in
    tokenizer.tokenize(line, into: &tokens, scratch: &scratch)
    sink &+= tokens.count
  }
  let tMatch = timed { line in
    tokenizer.tokenize(line, into: &tokens, scratch: &scratch)
    matches.removeAll(keepingCapacity: true)
    matcher.findAll(
      in: tokens, questionWords: [], present: &present, viable: &viable, candidates: &candidates, into: &matches)
    sink &+= matches.count
  }
  let tLexicon = timed { line in
    sink &+= lexiconOnly.analyze(utf8: line, question: nil, workspace: &workspace).signals.count
  }
  let tFull = timed { line in
    sink &+= full.analyze(utf8: line, question: nil, workspace: &workspace).signals.count
  }

  let megabytes = Double(data.count) / 1e6
  print("stages on one thread, \(lines.count) replies, \(fixed(megabytes, 2)) MB (median of 3; checksum \(sink % 1000))")
  print("stage       seconds   share    MB/s")
  let stages: [(String, Double)] = [
    ("tokenize", tTokenize), ("match", tMatch - tTokenize), ("rules", tLexicon - tMatch), ("model", tFull - tLexicon),
  ]
  for (name, seconds) in stages {
    let padded = name + String(repeating: " ", count: 10 - name.count)
    print(padded + fixed(seconds, 3, width: 8) + fixed(100 * seconds / tFull, 1, width: 7) + "%" + fixed(megabytes / max(seconds, 1e-9), 0, width: 8))
  }
  print("analysis  " + fixed(tFull, 3, width: 8) + "  100.0%" + fixed(megabytes / tFull, 0, width: 8))
  print("STAGES analysis=\(fixed(tFull, 4))")
  return 0
}

exit(run())
