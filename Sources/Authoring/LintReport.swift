import JSONText
/// The findings for a set of scripts, with the text and JSON forms `rekindle lint` prints.
public struct LintReport: Sendable {
  /// Each file linted, in order, with its findings.
  public private(set) var files: [(file: String, diagnostics: [Diagnostic])] = []

  /// An empty report.
  public init() {}

  /// Adds the findings for one file.
  public mutating func add(_ diagnostics: [Diagnostic], for file: String) {
    files.append((file, diagnostics))
  }

  /// Every finding, file by file.
  public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }

  /// The number of errors.
  public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

  /// The number of warnings.
  public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

  /// Whether there is nothing to report.
  public var isClean: Bool { diagnostics.isEmpty }

  /// "no problems in 1 file", or "2 errors and 1 warning in 1 of 3 files".
  public var summary: String {
    let fileCount = files.count
    let filesWord = fileCount == 1 ? "file" : "files"
    if isClean { return "no problems in \(fileCount) \(filesWord)" }
    let affected = files.filter { !$0.diagnostics.isEmpty }.count
    var parts: [String] = []
    if errorCount > 0 { parts.append(Self.count(errorCount, "error")) }
    if warningCount > 0 { parts.append(Self.count(warningCount, "warning")) }
    let scope = affected == fileCount ? "in \(fileCount) \(filesWord)" : "in \(affected) of \(fileCount) \(filesWord)"
    return parts.joined(separator: " and ") + " " + scope
  }

  /// The report as one JSON object: `files`, `diagnostics`, `errors`, `warnings`.
  public var json: JSONValue {
    .object([
      ("files", .array(files.map { .string($0.file) })),
      ("diagnostics", .array(diagnostics.map(\.json))),
      ("errors", .int(errorCount)),
      ("warnings", .int(warningCount)),
    ])
  }

  private static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
