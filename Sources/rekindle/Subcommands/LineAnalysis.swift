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
          throw JSONObjectLine.SyntaxError(column: 1, message: "missing \"reply\" (a string)")
        }
        let question = try object.string("question") ?? self.question
        emit(reply: reply, question: question, passthrough: object.members, &workspace, &out)
        return nil
      } catch let error as JSONObjectLine.SyntaxError {
        let message = "\(source):\(number):\(error.column): error: \(error.message)"
        if format == .jsonl {
          out.append("{\"error\":")
          JSONWriter.string(message, to: &out)
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

  /// Copies a raw JSON value, repairing what would make the output invalid: invalid UTF-8 becomes
  /// U+FFFD and control characters inside strings become `\u00XX` escapes.
  static func appendCleanJSON(_ raw: UnsafeBufferPointer<UInt8>, to out: inout OutputBuffer) {
    if raw.allSatisfy({ $0 >= 0x20 && $0 < 0x80 }) {
      out.append(raw)
      return
    }
    // C1 controls and bidirectional overrides (only possible inside strings) become \u escapes too.
    var text = JSONWriter.escapingInvisibles(String(decoding: raw, as: UTF8.self))
    if raw.allSatisfy({ $0 >= 0x20 }) && String(validating: raw, as: UTF8.self) != nil {
      out.append(text)
      return
    }
    text.withUTF8 { bytes in
      var inString = false
      var escaped = false
      for b in bytes {
        if inString {
          if escaped {
            escaped = false
          } else if b == UInt8(ascii: "\\") {
            escaped = true
          } else if b == UInt8(ascii: "\"") {
            inString = false
          } else if b < 0x20 {
            out.append("\\u00")
            let hex = Array("0123456789abcdef".utf8)
            out.append(hex[Int(b >> 4)])
            out.append(hex[Int(b & 0xF)])
            continue
          }
        } else if b == UInt8(ascii: "\"") {
          inString = true
        } else if b < 0x20 {
          out.append(UInt8(ascii: " "))
          continue
        }
        out.append(b)
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
      for member in passthrough where member.key != "reply" && member.key != "question" {
        let key = Self.reserved.contains(member.key) ? "input_" + member.key : member.key
        JSONWriter.string(key, to: &out)
        out.append(UInt8(ascii: ":"))
        member.rawValue.withUnsafeBufferPointer { Self.appendCleanJSON($0, to: &out) }
        out.append(UInt8(ascii: ","))
      }
      out.append("\"reply\":")
      JSONWriter.string(reply, to: &out)
      if let question {
        out.append(",\"question\":")
        JSONWriter.string(question, to: &out)
      }
      JSONWriter.analysisFields(analysis, scores: scores, to: &out)
      out.append("}\n")
    }
  }
}
