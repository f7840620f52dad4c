import Synchronization

/// A case-insensitive regular expression (Swift `Regex` syntax) tested against a reply.
///
/// The loader checks that the pattern compiles; the regex itself is compiled on its first match
/// (start-up stays quick) and kept in a box that serializes its use, so the script stays
/// `Sendable`. Equality and hashing use the source only.
public struct ReplyPattern: Sendable, Equatable, Hashable {
  /// The pattern as written in the script.
  public let source: String
  private let compiled: CompiledPattern

  package init(source: String) {
    self.source = source
    compiled = CompiledPattern(source: source)
  }

  public static func == (a: ReplyPattern, b: ReplyPattern) -> Bool { a.source == b.source }

  public func hash(into hasher: inout Hasher) { hasher.combine(source) }

  /// Compiles the pattern, or describes why it does not compile.
  package static func compile(_ source: String) -> Result<Regex<AnyRegexOutput>, PatternError> {
    do {
      return .success(try Regex(source).ignoresCase())
    } catch {
      return .failure(PatternError(message: String(describing: error)))
    }
  }

  /// Whether the pattern matches anywhere in `text`, ignoring case.
  public func matches(_ text: String) -> Bool {
    compiled.matches(text)
  }
}

/// A compiled regex shared by copies of a ``ReplyPattern``; a mutex keeps its use single-threaded.
private final class CompiledPattern: Sendable {
  private let source: String
  /// nil until the first match; then the regex, or nil inside when it does not compile.
  private let regex = Mutex<Regex<AnyRegexOutput>??>(nil)

  init(source: String) {
    self.source = source
  }

  /// Compiles on first use, then reuses the regex.
  func matches(_ text: String) -> Bool {
    regex.withLock { cached in
      if cached == nil {
        if case .success(let built) = ReplyPattern.compile(source) { cached = .some(built) } else { cached = .some(nil) }
      }
      guard case .some(.some(let compiled)) = cached else { return false }
      return (try? compiled.firstMatch(in: text)) != nil
    }
  }
}

/// Why a regular expression did not compile.
package struct PatternError: Error {
  package var message: String
}
