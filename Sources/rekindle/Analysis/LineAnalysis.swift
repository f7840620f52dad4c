import JSONText
import Signals

/// What `rekindle analyze` does to one input line: parse it, analyze the reply, write one output
/// line. A pure function of the line, so lines can be handled on several threads at once.
struct LineAnalysis: Sendable {
  let analyzer: Analyzer
  let input: Analyze.InputFormat
  let format: Analyze.OutputFormat
  let question: String?
  let renderer: AnalysisRenderer
  /// Whether to add the model's probability for every signal (`--scores`).
  var scores = false

  /// Output keys that an input member of the same name must not shadow.
  private static let reserved: Set<String> = ["reply", "question", "signals", "answer", "evasive", "tone", "scores"]

  /// Writes the output line for `line` into `out`; returns an error message when the line is malformed.
  func handle(
    _ line: UnsafeBufferPointer<UInt8>, number: Int, source: String, workspace: inout AnalysisWorkspace,
    out: inout OutputBuffer
  ) -> String? {
    switch input {
    case .lines:
      emit(reply: String(decoding: line, as: UTF8.self), question: question, passthrough: [], &workspace, &out)
      return nil
    case .jsonl:
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
        emit(reply: "", question: nil, passthrough: [], &workspace, &out)
        return nil
      }
      do {
        let object = try JSONObjectLine(parsing: line)
        guard let reply = try object.string("reply") else {
          throw JSONSyntaxError(column: 1, message: "missing \"reply\" (a string)")
        }
        let question = try object.string("question") ?? self.question
        emit(reply: reply, question: question, passthrough: object.members, &workspace, &out)
        return nil
      } catch let error as JSONSyntaxError {
        let message = "\(source):\(number):\(error.column): error: \(error.message)"
        if format == .jsonl {
          out.append("{\"error\":")
          JSONEscape.append(message, to: &out)
          out.append(",\"line\":")
          out.append(decimal: number)
          out.append("}\n")
        }
        return message
      } catch {
        return "\(source):\(number):1: error: \(error)"
      }
    }
  }

  private func emit(
    reply: String, question: String?, passthrough: [JSONObjectLine.Member], _ workspace: inout AnalysisWorkspace,
    _ out: inout OutputBuffer
  ) {
    let analysis = reply.isEmpty ? Analysis.empty : analyzer.analyze(reply, question: question, workspace: &workspace)
    switch format {
    case .text:
      out.append(renderer.line(reply, analysis, showAnswer: question != nil))
      out.append(UInt8(ascii: "\n"))
    case .jsonl:
      out.append(UInt8(ascii: "{"))
      var written = Self.reserved
      for member in passthrough where member.key != "reply" && member.key != "question" {
        // A key the output uses itself is renamed "input_KEY" (again, until it is free).
        var key = member.key
        while written.contains(key) { key = "input_" + key }
        written.insert(key)
        JSONEscape.append(key, to: &out)
        out.append(UInt8(ascii: ":"))
        member.rawValue.withUnsafeBufferPointer { JSONRepair.append($0, to: &out) }
        out.append(UInt8(ascii: ","))
      }
      out.append("\"reply\":")
      JSONEscape.append(reply, to: &out)
      if let question {
        out.append(",\"question\":")
        JSONEscape.append(question, to: &out)
      }
      JSONWriter.analysisFields(analysis, scores: scores, to: &out)
      out.append("}\n")
    }
  }
}
