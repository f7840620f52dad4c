import JSONText
import Dialogue
import Rehearsal
import Signals

/// Formats rehearsal results: the conversation as the chat shows it, check reports, coverage,
/// JSON for tools and JUnit XML for CI systems.
struct RehearsalPrinter {
  let style: TerminalStyle

  /// The replayed conversation, as `rekindle chat < replies` would print it.
  func conversation(_ result: RehearsalResult, script: DialogueScript) -> String {
    let renderer = ChatRenderer(style: style, interactive: false, width: 78)
    var out = style.bold("== \(VisibleText.sanitize(result.transcript.title))") + style.dim("  (\(result.transcript.file))") + "\n"
    if let notes = result.transcript.notes {
      out += renderer.wrap(notes, indent: "   ").map { style.dim($0) }.joined(separator: "\n") + "\n"
    }
    out += renderer.render(result.startEvents)
    for observed in result.turns where observed.played {
      switch observed.turn.action {
      case .reply(let reply):
        out += "> " + VisibleText.sanitize(reply) + "\n"
        out += renderer.render(observed.events)
      case .back:
        out += style.dim("/back") + "\n" + renderer.render(observed.events)
      case .skip:
        out += style.dim("/skip") + "\n" + renderer.render(observed.events)
      }
    }
    out += renderer.render(result.finalEvents)
    return out + "\n"
  }

  /// One line per transcript, the mismatches under failing ones, and the totals (`kind`: what the
  /// transcripts are, `steps`: what their checked turns are called).
  func checkReport(_ results: [some CheckedRehearsal], kind: String = "transcripts", steps: String = "turns") -> String {
    var out = ""
    var passedTranscripts = 0
    var checked = 0
    var failedTurns = 0
    for result in results {
      checked += result.checkedTurns
      failedTurns += result.failedTurns
      if result.passed {
        passedTranscripts += 1
        out += style.hopeful("PASS") + " \(result.file)  \(style.dim(VisibleText.sanitize(result.title)))\n"
      } else {
        out += style.danger("FAIL") + " \(result.file)  \(style.dim(VisibleText.sanitize(result.title)))\n"
        for mismatch in result.mismatches { out += "  " + VisibleText.sanitize(mismatch.description) + "\n" }
      }
    }
    let failedTranscripts = results.count - passedTranscripts
    out += "\(results.count) \(kind): \(passedTranscripts) passed, \(failedTranscripts) failed; "
    out += "\(checked) checked \(steps): \(checked - failedTurns) passed, \(failedTurns) failed\n"
    return out
  }

  func coverage(_ report: CoverageReport, script: String) -> String {
    var out = "coverage of \(script): \(report.covered.count)/\(report.all.count) transitions ("
    out += String(format1(report.percent)) + "%), \(report.visitedStates.intersection(report.states).count)/\(report.states.count) question states\n"
    for key in report.missing { out += "  not exercised: \(key)\n" }
    return out
  }

  private func format1(_ x: Double) -> String {
    let tenths = Int((x * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  // MARK: - JSON

  /// `practice`: the practice transcripts' JSON (``PracticeRehearsals/json(_:coverage:)``), added as
  /// `"practice_transcripts"`.
  func json(_ results: [RehearsalResult], coverage: [(String, CoverageReport)], practice: JSONValue? = nil) -> String {
    var out = OutputBuffer(descriptor: -1)
    out.append("{\"transcripts\":[")
    for (i, result) in results.enumerated() {
      if i > 0 { out.append(",") }
      out.append("{\"file\":")
      JSONEscape.append(result.transcript.file, to: &out)
      out.append(",\"title\":")
      JSONEscape.append(result.transcript.title, to: &out)
      out.append(",\"passed\":\(result.passed),\"ending\":\"\(result.ending.rawValue)\",\"turns\":[")
      for (k, observed) in result.turns.enumerated() {
        if k > 0 { out.append(",") }
        out.append("{\"line\":\(observed.turn.line),\"played\":\(observed.played)")
        if let state = observed.stateID {
          out.append(",\"state\":")
          JSONEscape.append(state, to: &out)
        }
        if case .reply(let reply) = observed.turn.action {
          out.append(",\"reply\":")
          JSONEscape.append(reply, to: &out)
        }
        if let analysis = observed.analysis {
          out.append(",\"signals\":[\(analysis.signalIDs.map { "\"\($0.rawValue)\"" }.joined(separator: ","))]")
          out.append(",\"evasive\":\(analysis.evasive)")
        }
        out.append(",\"follow_up\":\(observed.followUp)}")
      }
      out.append("],\"mismatches\":[")
      for (k, m) in result.mismatches.enumerated() {
        if k > 0 { out.append(",") }
        out.append("{\"line\":\(m.line),\"turn\":\(m.turn),\"field\":")
        JSONEscape.append(m.field, to: &out)
        out.append(",\"expected\":")
        JSONEscape.append(m.expected, to: &out)
        out.append(",\"got\":")
        JSONEscape.append(m.got, to: &out)
        out.append("}")
      }
      out.append("]}")
    }
    out.append("]")
    if !coverage.isEmpty {
      out.append(",\"coverage\":[")
      for (i, (name, report)) in coverage.enumerated() {
        if i > 0 { out.append(",") }
        out.append("{\"script\":")
        JSONEscape.append(name, to: &out)
        out.append(",\"transitions\":\(report.all.count),\"covered\":\(report.covered.count),\"percent\":")
        JSONWriter.number(report.percent, to: &out)
        out.append(",\"missing\":[\(report.missing.map { "\"\($0)\"" }.joined(separator: ","))]}")
      }
      out.append("]")
    }
    if let practice {
      out.append(",\"practice_transcripts\":")
      out.append(practice.compact)
    }
    out.append("}\n")
    return String(decoding: out.bytes, as: UTF8.self)
  }

  // MARK: - JUnit

  func junit(_ results: [any CheckedRehearsal]) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"rekindle rehearse\">\n"
    for result in results {
      let steps = result.checkedSteps
      let endCase = result.expectsEnding ? 1 : 0
      let failures = result.failedTurns + (result.mismatches.contains { $0.turn == 0 } ? 1 : 0)
      out += "  <testsuite name=\"\(xml(result.title))\" tests=\"\(steps.count + endCase)\" failures=\"\(failures)\">\n"
      for step in steps {
        let mismatches = result.mismatches.filter { $0.turn == step.turn }
        out += "    <testcase classname=\"\(xml(result.file))\" name=\"turn \(step.turn) (line \(step.line))\""
        if mismatches.isEmpty {
          out += "/>\n"
        } else {
          out += ">\n"
          for m in mismatches {
            out += "      <failure message=\"\(xml(m.field)): expected \(xml(m.expected)), got \(xml(m.got))\">\(xml(m.description))</failure>\n"
          }
          out += "    </testcase>\n"
        }
      }
      if endCase == 1 {
        let ending = result.mismatches.filter { $0.turn == 0 }
        out += "    <testcase classname=\"\(xml(result.file))\" name=\"end\""
        out += ending.isEmpty ? "/>\n" : ">\n      <failure message=\"\(xml(ending[0].description))\"/>\n    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }

  private func xml(_ s: String) -> String {
    var out = ""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default:
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { out += "&#xFFFD;" } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
