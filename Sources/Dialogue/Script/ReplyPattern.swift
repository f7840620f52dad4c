import Foundation

/// A case-insensitive regular expression (Swift `Regex` syntax) tested against a reply.
///
/// The regex is compiled once, when the script loads, and kept in a box that serializes its use,
/// so the script stays `Sendable`; equality and hashing use the source only.
public struct ReplyPattern: Sendable, Equatable, Hashable {
  /// The pattern as written in the script.
  public let source: String
  private let compiled: CompiledPattern

  init(source: String) {
    self.source = source
    compiled = CompiledPattern(source: source)
  }

  public static func == (a: ReplyPattern, b: ReplyPattern) -> Bool { a.source == b.source }

  public func hash(into hasher: inout Hasher) { hasher.combine(source) }

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
    compiled.matches(text)
  }
}

/// A compiled regex shared by copies of a ``ReplyPattern``; a lock keeps its use single-threaded.
private final class CompiledPattern: @unchecked Sendable {
  private let source: String
  private var regex: Regex<AnyRegexOutput>?
  private var compiled = false
  private let lock = NSLock()

  init(source: String) {
    self.source = source
  }

  /// Compiles on first use (start-up stays quick), then reuses the regex.
  func matches(_ text: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    if !compiled {
      compiled = true
      if case .success(let built) = ReplyPattern.compile(source) { regex = built }
    }
    guard let regex else { return false }
    return (try? regex.firstMatch(in: text)) != nil
  }
}

/// Why a regular expression did not compile.
struct PatternError: Error {
  var message: String
}
