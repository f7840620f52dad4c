/// Escaping for text quoted into Markdown, so replies cannot add headings, links or emphasis.
package enum MarkdownText {
  private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "!"]

  /// `text` with Markdown punctuation backslash-escaped and line breaks turned into spaces.
  package static func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      if character.isNewline {
        out.append(" ")
        continue
      }
      if special.contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// `text` as a Markdown blockquote, one `>` line per line of text.
  package static func blockquote(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { line in line.trimmingWhitespace.isEmpty ? ">" : "> " + escape(String(line)) }
      .joined(separator: "\n")
  }
}

extension Substring {
  fileprivate var trimmingWhitespace: Substring {
    drop { $0.isWhitespace }
  }
}
