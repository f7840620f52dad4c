#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Dialogue
import LineEditor

/// The terminal side of a session that chat and practice share: writing to standard output,
/// yes/no questions, the safety question, and saving a summary (asking before replacing a file).
final class SessionConsole {
  private let reader: any LineReading
  private let style: TerminalStyle
  private var out = OutputBuffer()
  private var outputFailed = false

  init(reader: any LineReading, style: TerminalStyle) {
    self.reader = reader
    self.style = style
  }

  /// The reply or line she typed as it is kept: at most ``Limits/replyBytes``, cut at a character
  /// boundary, with a note when it was cut.
  func kept(_ line: String) -> String {
    guard line.utf8.count > Limits.replyBytes else { return line }
    let bytes = line.utf8
    var end = bytes.index(bytes.startIndex, offsetBy: Limits.replyBytes)
    while end > bytes.startIndex, bytes[end] & 0xC0 == 0x80 { end = bytes.index(before: end) }
    show(style.dim("  That line is longer than \(Limits.replyBytes / 1024) KiB: only its first \(Limits.replyBytes / 1024) KiB are read and kept.") + "\n")
    return String(line[..<end])
  }

  /// At the end at a terminal: offers to save `markdown` until it is saved or she skips.
  func offerToSave(_ markdown: String, record: String?) {
    guard reader.isInteractive else { return }
    while true {
      switch reader.readLine(prompt: "Save this summary to a file? Enter a path, or press Enter to skip: ") {
      case .line(let raw):
        let path = raw.trimmingSpaces()
        if path.isEmpty { return }
        let result = save(markdown, to: path, record: record)
        show(result)
        if result.hasPrefix("  Saved") { return }
      case .endOfInput, .interrupted:
        show("\n")
        return
      }
    }
  }

  /// Asks her whether a reply that might be about harm sounded like it; anything but a clear "no"
  /// (including Ctrl-C and Ctrl-D) counts as yes: safety first.
  func askAboutSafety() -> Turn.SafetyCheck {
    show(
      "\n" + style.caution("That could be about harm.")
        + " Did it sound like a real threat, or like they might hurt themselves? (y/n)\n")
    while true {
      switch reader.readLine(prompt: "y/n> ") {
      case .line(let raw):
        switch raw.trimmingSpaces().lowercased() {
        case "y", "yes": return .confirmed
        case "n", "no":
          show(style.dim("  Going on with the practice. If it starts to feel unsafe, stop and reach out for help.") + "\n")
          return .dismissed
        default: show("  Please type y or n.\n")
        }
      case .endOfInput, .interrupted:
        show("\n")
        return .confirmed
      }
    }
  }

  /// Saves the summary; returns the line to show. `~/` means the home directory. The session's
  /// own record is refused; an existing file is replaced only when she says so at a terminal.
  func save(_ markdown: String, to typed: String, record: String?) -> String {
    let path = Self.expandingHome(typed)
    let shown = VisibleText.sanitize(path)
    // Bytes that are not UTF-8 reach us as U+FFFD: saving under that name would make a file she did
    // not name (and could not find by typing the name again).
    if path.unicodeScalars.contains("\u{FFFD}") {
      return "  Could not save: the name has bytes that are not UTF-8 text; choose another name.\n"
    }
    if let record, PrivateFile.sameFile(path, record) {
      return "  Could not save: \(shown) is this session's record; choose another file.\n"
    }
    var replacing = false
    if PrivateFile.isRegularFile(path) {
      guard reader.isInteractive else { return "  Could not save: \(shown) already exists; not replaced. Choose another name.\n" }
      guard confirm("  \(shown) already exists. Replace it? (y/n) ") else { return "  Not saved.\n" }
      replacing = true
    }
    do {
      let created = try PrivateFile.write(markdown, to: path, replacing: replacing)
      let folders = created.isEmpty ? "" : " Created the folder \(VisibleText.sanitize(created[created.count - 1])) for it."
      return "  Saved the summary to \(shown) (readable only by you).\(folders)\n"
    } catch {
      return "  Could not save: \(error.reason)\n"
    }
  }

  /// Asks a yes/no question; anything but yes (including Ctrl-C and Ctrl-D) is no.
  func confirm(_ question: String) -> Bool {
    while true {
      switch reader.readLine(prompt: question) {
      case .line(let raw):
        switch raw.trimmingSpaces().lowercased() {
        case "y", "yes": return true
        case "n", "no", "": return false
        default: show("  Please type y or n.\n")
        }
      case .endOfInput, .interrupted:
        show("\n")
        return false
      }
    }
  }

  /// `~` and `~/...` with the home directory ($HOME), as a shell would expand them.
  static func expandingHome(_ path: String) -> String {
    guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty
    else { return path }
    return home + path.dropFirst()
  }

  func show(_ text: String) {
    out.append(text)
    do {
      try out.flush()
    } catch {
      // Standard output cannot be written (a full disk, a failing device): say so once; the
      // conversation and its record go on.
      if !outputFailed {
        outputFailed = true
        StandardError.write("rekindle: warning: \(error.reason)\n")
      }
    }
  }
}
