import Authoring
import Foundation
import Signals
import XCTest

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// The text of a file in the repository.
func repositoryFile(_ path: String) throws -> String {
  try String(contentsOf: repositoryRoot.appendingPathComponent(path), encoding: .utf8)
}

/// One linter for the rule tests, reading examples with the lexicon and its rules alone (deterministic;
/// the lexicon compiles once).
let testLinter = Linter(analyzer: Analyzer(lexicon: nil, reading: .lexiconOnly))

/// The linter as `rekindle lint` runs it (lexicon and built-in model): the shipped scripts lint clean with it.
let productLinter = Linter()

/// The findings for `yaml`, linted as `test.yaml`.
func lint(_ yaml: String) -> [Diagnostic] {
  testLinter.lint(yaml, file: "test.yaml")
}

/// Findings as `line:column rule` strings, for exact comparisons.
func places(_ diagnostics: [Diagnostic], rule: LintRule? = nil) -> [String] {
  diagnostics.filter { rule == nil || $0.rule == rule }.map {
    "\($0.location.line):\($0.location.column) \($0.rule.rawValue)"
  }
}

/// A small script that lints clean; tests change one part of it.
///
/// Line numbers: `start` 3, `safety` 4, `states` 7, `ask` 8 (`ask` at 10), `transitions` of `ask` at 12,
/// its first transition at 13, its fallback at 16; `done` at 18, `stop` at 21.
let cleanScript = """
  format: rekindle-dialogue/1
  title: "Test"
  start: ask
  safety:
    when: { signals: { any: [safety] } }
    goto: stop
  states:
    ask:
      group: 1
      ask: "What did you do while we were apart?"
      yes_no: false
      transitions:
        - when: { signals: { any: [rebound] } }
          goto: done
          examples: ["She dumped me last month."]
        - goto: done
          examples: ["Mostly I was at my brother's place, fixing cars in his garage."]
    done:
      kind: end
      say: "Thank you."
    stop:
      kind: safety
      say: "Let's stop here."
  """

/// `cleanScript` with `old` replaced by `new` (failing the test when `old` is not in it exactly once).
func cleanScript(replacing old: String, with new: String, file: StaticString = #filePath, line: UInt = #line) -> String
{
  let parts = cleanScript.components(separatedBy: old)
  XCTAssertEqual(parts.count, 2, "`\(old)` should occur once in the clean script", file: file, line: line)
  return parts.joined(separator: new)
}
