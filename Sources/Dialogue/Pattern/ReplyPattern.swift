/// A case-insensitive regular expression tested against a reply (see ``PatternCompiler`` for the
/// syntax). It is compiled once, when the script loads, into a program matched in linear time, so
/// no pattern can make the conversation hang. Equality and hashing use the source only.
public struct ReplyPattern: Sendable, Equatable, Hashable {
  /// The pattern as written in the script.
  public let source: String
  private let program: PatternProgram?

  /// A pattern for `source`; one that does not compile never matches (the loader refuses it first).
  package init(source: String) {
    self.source = source
    if case .success(let program) = PatternCompiler.compile(source) { self.program = program } else { program = nil }
  }

  public static func == (a: ReplyPattern, b: ReplyPattern) -> Bool { a.source == b.source }

  public func hash(into hasher: inout Hasher) { hasher.combine(source) }

  /// Why `source` does not compile, if it does not.
  package static func problem(in source: String) -> PatternError? {
    if case .failure(let problem) = PatternCompiler.compile(source) { return problem }
    return nil
  }

  /// Whether the pattern matches anywhere in `text`, ignoring case.
  public func matches(_ text: String) -> Bool {
    program?.matches(text) ?? false
  }
}

/// Why a regular expression did not compile.
package struct PatternError: Error, Sendable {
  package var message: String
}
