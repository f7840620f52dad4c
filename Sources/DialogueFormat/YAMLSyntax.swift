import Dialogue
import Signals
import Yams

/// Turns the YAML parser's errors into ``ScriptError``s at the position it reports.
enum YAMLSyntax {
  static func scriptError(_ error: any Error, in yaml: String, file: String) -> ScriptError {
    guard let yamlError = error as? YamlError else {
      return ScriptError("could not read the YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
    }
    switch yamlError {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      var message = "YAML syntax error: \(problem)"
      if let context {
        message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
      }
      return ScriptError(message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
    case .reader(let problem, let offset, _, _):
      let (line, column) = position(ofCharacter: offset ?? 0, in: yaml)
      return ScriptError(
        "the text cannot be read as YAML: \(problem)", at: SourceLocation(file: file, line: line, column: column))
    default:
      return ScriptError("could not read the YAML: \(yamlError)", at: SourceLocation(file: file, line: 1, column: 1))
    }
  }

  /// The 1-based line and column of the character at `offset`.
  static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for character in text.prefix(offset) {
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }
}
