import Dialogue
import DialogueFormat
import Signals
import Yams

/// Checks dialogue scripts the way a compiler checks code, and reports findings as values.
///
/// In order: the YAML syntax; the structure against the format (every unknown key, missing key, wrong value,
/// unknown signal or state, not only the first); then, for a script that loads, the state machine
/// (reachability, endings, follow-up limits, shadowed transitions, safety coverage), the `examples:` of each
/// transition run through the analyzer and the guards, and the wording of the script's own questions and
/// coaching. Pure: it reads no files and prints nothing.
public struct Linter: Sendable {
  /// The analyzer the examples and the wording are read with.
  public let analyzer: Analyzer

  /// A linter reading examples and wording with `analyzer`.
  public init(analyzer: Analyzer = Analyzer()) {
    self.analyzer = analyzer
  }

  /// The findings for the script `text`, named `file` in locations, sorted by position.
  public func lint(_ text: String, file: String) -> [Diagnostic] {
    let loaded: Result<DialogueScript, ScriptError>
    do {
      loaded = .success(try ScriptLoader.load(text, file: file))
    } catch {
      loaded = .failure(error)
    }
    if case .failure(let error) = loaded, LoaderFinding.isSyntax(error) {
      return [LoaderFinding.diagnostic(error)]
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      root = nil
    }
    guard let root else {
      if case .failure(let error) = loaded { return [LoaderFinding.diagnostic(error)] }
      return []
    }
    var found = StructureCheck.run(root, file: file)
    switch loaded {
    case .failure(let error):
      let loaderFinding = LoaderFinding.diagnostic(error)
      if !found.contains(where: { $0.location == loaderFinding.location }) { found.append(loaderFinding) }
    case .success(let script):
      let map = SourceMap(root: root, text: text, file: file)
      found += GraphCheck(script: script, map: map).run()
      found += ExampleCheck(script: script, map: map, analyzer: analyzer).run()
      found += IntentCheck(script: script, map: map).run()
      // The script's own words are read by the lexicon and its rules alone: the model learned from
      // replies of an ex-partner, not from coaching text, and would read a guide's questions as his.
      found += WordingCheck(script: script, map: map, analyzer: Analyzer(lexicon: analyzer.lexicon, reading: .lexiconOnly))
        .run()
    }
    return Self.unique(found.sorted(by: Diagnostic.precedes))
  }

  /// The findings without exact repeats.
  private static func unique(_ list: [Diagnostic]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    return list.filter { seen.insert($0).inserted }
  }
}
