#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Signals

/// ANSI styling, enabled only for a terminal and when neither `--no-color` nor NO_COLOR asks otherwise.
struct TerminalStyle: Sendable {
  let enabled: Bool

  /// Styling for standard output, decided from the terminal and the environment.
  /// The width to wrap output at: the terminal's columns less two (at most 100), or 78 when
  /// standard output is not a terminal or is narrower than 40 columns.
  static func outputWidth() -> Int {
    var size = winsize()
    if isatty(1) == 1 && ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col >= 40 {
      return min(Int(size.ws_col) - 2, 100)
    }
    return 78
  }

  /// The mark before a sign or a reaction to it: `+` hopeful, `!` caution or safety.
  func mark(_ kind: SignalID.Kind) -> String {
    switch kind {
    case .hopeful: return hopeful("+")
    case .caution: return caution("!")
    case .safety: return danger("!")
    }
  }

  static func forStandardOutput(noColor: Bool) -> TerminalStyle {
    let env = getenv("NO_COLOR").map { String(cString: $0) } ?? ""
    let term = getenv("TERM").map { String(cString: $0) } ?? ""
    return TerminalStyle(enabled: !noColor && env.isEmpty && isatty(1) == 1 && term != "dumb")
  }

  private func wrap(_ text: String, _ code: String) -> String {
    enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { wrap(text, "1") }

  /// Dim text for a readline prompt: the escape codes are bracketed with \u{1} and \u{2} so
  /// readline knows they take no columns (otherwise it redraws the line in the wrong place).
  func promptDim(_ text: String) -> String {
    enabled ? "\u{1}\u{1B}[2m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
  }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func hopeful(_ text: String) -> String { wrap(text, "32") }
  func caution(_ text: String) -> String { wrap(text, "33") }
  func danger(_ text: String) -> String { wrap(text, "1;31") }
  func question(_ text: String) -> String { wrap(text, "1;36") }

  /// Colours text by the kind of signal.
  func signal(_ text: String, kind: SignalID.Kind) -> String {
    switch kind {
    case .hopeful: return hopeful(text)
    case .caution: return caution(text)
    case .safety: return danger(text)
    }
  }

  /// Marks evidence inside a reply: colour on a terminal, brackets otherwise.
  func evidence(_ text: String, kind: SignalID.Kind) -> String {
    enabled ? wrap(text, kind == .hopeful ? "1;32" : kind == .caution ? "1;33" : "1;31") : "[\(text)]"
  }
}
