/// A case-insensitive regular expression (Swift `Regex` syntax) tested against a reply.
///
/// Only the source is stored, so the script stays `Sendable`; the loader has already checked that it
/// compiles.
public struct ReplyPattern: Sendable, Equatable, Hashable {
  /// The pattern as written in the script.
  public let source: String

  init(source: String) {
    self.source = source
  }

  /// Compiles the pattern, or describes why it does not compile.
  static func compile(_ source: String) -> Result<Regex<AnyRegexOutput>, PatternError> {
    do {
      return .success(try Regex(source).ignoresCase())
    } catch {
      return .failure(PatternError(message: String(describing: error)))
    }
  }

  /// Whether the pattern matches anywhere in `text`, ignoring case.
  public func matches(_ text: String) -> Bool {
    guard case .success(let regex) = Self.compile(source) else { return false }
    return (try? regex.firstMatch(in: text)) != nil
  }
}

/// Why a regular expression did not compile.
struct PatternError: Error {
  var message: String
}
