import ArgumentParser
import Authoring

/// `rekindle schema`: prints the JSON Schema of the dialogue script format.
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the JSON Schema of the dialogue script format (for editors).",
    discussion: """
      The schema (JSON Schema draft 2020-12) describes every key of a dialogue script, so editors with \
      a YAML language server can validate and complete scripts: save it, e.g. as \
      rekindle-dialogue.schema.json, and point the editor at it (see Scripts/README.md).
      """)

  func run() throws {
    try reportingErrors { try StandardOutput.write(ScriptSchema.text) }
  }
}
