import Dialogue
import DialogueFormat
import Practice
import Signals
import Yams

/// Checks persona files (the "him" of `rekindle practice`): the format (through the loader), that no
/// reply reads as a safety concern (role-play stays safe), and that no reply repeats within a question.
public struct PersonaLinter: Sendable {
  /// The analyzer his replies are read with, as in the practice.
  public let analyzer: Analyzer
  /// The script whose questions the persona answers.
  public let script: DialogueScript

  public init(analyzer: Analyzer = Analyzer(), script: DialogueScript) {
    self.analyzer = analyzer
    self.script = script
  }

  /// Whether `text` is a persona file rather than a dialogue script: a top-level `persona:` line.
  /// (Read as lines, not parsed: the loader parses only after its size and nesting checks.)
  public static func isPersona(_ text: String) -> Bool {
    text.split(separator: "\n").contains { $0.hasPrefix("persona:") }
  }

  /// The findings for the persona `text`, named `file` in locations.
  public func lint(_ text: String, file: String) -> [Diagnostic] {
    let persona: Persona
    do {
      persona = try PersonaLoader.load(text, file: file, script: script)
    } catch {
      return [LoaderFinding.diagnostic(error)]
    }
    guard let root = try? Yams.compose(yaml: text) else { return [] }
    var found: [Diagnostic] = []
    for (question, variant, index, node) in Self.replies(root) {
      guard let reply = node.string else { continue }
      let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
      let ask = question.flatMap { script.state($0)?.ask }
      if Self.readsAsDanger(analyzer.analyze(reply, question: ask), model: analyzer.model) {
        found.append(
          Diagnostic(
            .personaSafety, "this reply reads as a safety concern (threat, violence, control, stalking or self-harm)",
            hint: "personas never play out danger; reword it so nothing in it could read as harm", at: location))
      }
      if let question, let variant, let kind = Persona.Variant(rawValue: variant),
        let lines = persona.answers[question]?[kind], lines.firstIndex(of: reply.trimmingSpaces()) ?? index < index
      {
        found.append(
          Diagnostic(.personaRepeat, "this reply repeats an earlier `\(variant)` reply to `\(question)`",
                     hint: "give each line of a variant its own wording", at: location))
      }
    }
    return found.sorted(by: Diagnostic.precedes)
  }

  /// A clear safety reading, or a possible one at the level that would stop a chat without asking.
  /// (Below that, the model's "ask her" level: the practice sets those aside for vetted persona lines.)
  static func readsAsDanger(_ analysis: Analysis, model: SignalModel?) -> Bool {
    guard let concern = analysis.signals.first(where: { $0.id == .safety }) else { return false }
    guard concern.uncertain else { return true }
    let stop = model.map { Double($0.thresholds[SignalID.safety.order]) } ?? 0.5
    return (concern.confidence ?? 0) >= stop
  }

  /// Every reply node: (question, variant, index within the variant, node); opening, closing and
  /// off-script lines have no question.
  static func replies(_ root: Node) -> [(String?, String?, Int, Node)] {
    guard case .mapping(let top) = root else { return [] }
    var out: [(String?, String?, Int, Node)] = []
    for (key, value) in top {
      switch key.string {
      case "opening", "closing": out.append((nil, nil, 0, value))
      case "off_script":
        if case .sequence(let items) = value { for (i, item) in items.enumerated() { out.append((nil, nil, i, item)) } }
      case "answers":
        guard case .mapping(let questions) = value else { continue }
        for (question, variants) in questions {
          guard case .mapping(let kinds) = variants else { continue }
          for (variant, lines) in kinds {
            guard case .sequence(let items) = lines else { continue }
            for (i, item) in items.enumerated() { out.append((question.string, variant.string, i, item)) }
          }
        }
      default: continue
      }
    }
    return out
  }
}
