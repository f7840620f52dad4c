#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Signals

/// Whether standard output is a terminal.
func isStandardOutputTerminal() -> Bool { isatty(1) == 1 }

/// The streaming loop behind `rekindle analyze`: one output line per input line.
final class AnalyzeSession {
  let analyzer: Analyzer
  let input: Analyze.InputFormat
  let format: Analyze.OutputFormat
  let question: String?
  let renderer: AnalysisRenderer
  private var workspace = AnalysisWorkspace()
  private var out = OutputBuffer()
  private(set) var failedLines = 0

  /// Output keys that an input member of the same name must not shadow.
  private static let reserved: Set<String> = ["reply", "question", "signals", "answer", "evasive", "tone"]

  init(analyzer: Analyzer, input: Analyze.InputFormat, format: Analyze.OutputFormat, question: String?, renderer: AnalysisRenderer) {
    self.analyzer = analyzer
    self.input = input
    self.format = format
    self.question = question
    self.renderer = renderer
  }

  func process(_ source: LineSource) throws {
    // Flush what is written before blocking on input, so a slow pipe sees results as they come.
    source.willBlock = { [unowned self] () throws(UserFacingError) in try self.out.flush() }
    defer { source.willBlock = nil }
    while try source.nextLine({ line in try handle(line, source: source) }) {
      try out.flushIfFull()
    }
    try out.flush()
  }

  func finish() throws {
    try out.flush()
  }

  private func handle(_ line: UnsafeBufferPointer<UInt8>, source: LineSource) throws {
    switch input {
    case .lines:
      let reply = String(decoding: line, as: UTF8.self)
      emit(reply: reply, question: question, passthrough: [])
    case .jsonl:
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        emit(reply: "", question: nil, passthrough: [])
        return
      }
      do {
        let object = try JSONObjectLine(parsing: line)
        guard let reply = try object.string("reply") else {
          throw JSONObjectLine.SyntaxError(column: 1, message: "missing \"reply\" (a string)")
        }
        let question = try object.string("question") ?? self.question
        emit(reply: reply, question: question, passthrough: object.members)
      } catch let error as JSONObjectLine.SyntaxError {
        failedLines += 1
        let message = "\(source.name):\(source.lineNumber):\(error.column): error: \(error.message)"
        StandardError.write("rekindle: \(message)\n")
        if format == .jsonl {
          out.append("{\"error\":")
          JSONWriter.string(message, to: &out)
          out.append(",\"line\":")
          out.append(String(source.lineNumber))
          out.append("}\n")
        }
      }
    }
  }

  private func emit(reply: String, question: String?, passthrough: [JSONObjectLine.Member]) {
    let analysis = reply.isEmpty ? Analysis.empty : analyzer.analyze(reply, question: question, workspace: &workspace)
    switch format {
    case .text:
      out.append(renderer.line(reply, analysis, showAnswer: question != nil))
      out.append(UInt8(ascii: "\n"))
    case .jsonl:
      out.append(UInt8(ascii: "{"))
      for member in passthrough where member.key != "reply" && member.key != "question" {
        let key = Self.reserved.contains(member.key) ? "input_" + member.key : member.key
        JSONWriter.string(key, to: &out)
        out.append(UInt8(ascii: ":"))
        member.rawValue.withUnsafeBufferPointer { out.append($0) }
        out.append(UInt8(ascii: ","))
      }
      out.append("\"reply\":")
      JSONWriter.string(reply, to: &out)
      if let question {
        out.append(",\"question\":")
        JSONWriter.string(question, to: &out)
      }
      JSONWriter.analysisFields(analysis, to: &out)
      out.append("}\n")
    }
  }
}
