import Dialogue
import DialogueFormat
import Signals
import XCTest

/// Loads an inline test script, failing the test with the loader's message when it does not load.
func loadScript(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> DialogueScript {
  do {
    return try ScriptLoader.load(yaml, file: "test.yaml")
  } catch {
    XCTFail("script did not load: \(error)", file: file, line: line)
    throw error
  }
}

/// A started engine for `yaml`.
func startedEngine(_ yaml: String) throws -> (DialogueEngine, [DialogueEvent]) {
  var engine = DialogueEngine(script: try loadScript(yaml), analyzer: rulesOnly)
  let events = try engine.start()
  return (engine, events)
}

extension Array where Element == DialogueEvent {
  /// The texts of `.question` events.
  var questions: [String] {
    compactMap { if case .question(_, let text, _) = $0 { return text } else { return nil } }
  }

  /// The texts of `.coach` events.
  var coaching: [String] {
    compactMap { if case .coach(let text) = $0 { return text } else { return nil } }
  }

  /// The texts of `.followUp` events.
  var followUps: [String] {
    compactMap { if case .followUp(let text) = $0 { return text } else { return nil } }
  }

  /// The `.transition` events as "from#index->to".
  var transitions: [String] {
    compactMap {
      if case .transition(let from, let index, let to) = $0 { return "\(from)#\(index)->\(to)" } else { return nil }
    }
  }

  /// The `.reaction` events' signals.
  var reactions: [SignalID] {
    compactMap { if case .reaction(let id, _) = $0 { return id } else { return nil } }
  }

  /// The reason of the `.ended` event, if there is one.
  var endReason: EndReason? {
    for case .ended(let reason) in self { return reason }
    return nil
  }

  /// The summary carried by a `.summary` event, if there is one.
  var summary: ConversationSummary? {
    for case .summary(let summary) in self { return summary }
    return nil
  }
}

/// The lexicon and its rules alone: these tests are about the engine, so replies are read by the
/// deterministic rules. The learned model's reading is covered by the shipped transcripts.
let rulesOnly = Analyzer(lexicon: nil, reading: .lexiconOnly)
