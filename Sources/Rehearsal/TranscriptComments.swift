/// The `#` comments of a transcript file, so that `rehearse --update` can write them back where they
/// were: the opening ones, the ones just above each turn, and the ones at the end.
public struct TranscriptComments: Sendable {
  private let lines: [Substring]

  public init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
  }

  private static func isComment(_ line: Substring) -> Bool { line.drop { $0 == " " || $0 == "\t" }.hasPrefix("#") }
  private static func isBlank(_ line: Substring) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

  /// The comment lines (and the blank lines among and after them) at the top of the file, as they were.
  public var opening: String {
    var kept: [Substring] = []
    for line in lines {
      guard Self.isBlank(line) || Self.isComment(line) else { break }
      kept.append(line)
    }
    return kept.contains(where: Self.isComment) ? kept.map { $0 + "\n" }.joined() : ""
  }

  /// The comment lines just above the 1-based line `number` (none when a blank or other line is in
  /// between), each ending in a newline; the opening comments are not repeated.
  public func before(line number: Int) -> String {
    let openingCount = lines.prefix { Self.isBlank($0) || Self.isComment($0) }.count
    var start = number - 1
    while start > openingCount, start - 1 < lines.count, Self.isComment(lines[start - 1]) { start -= 1 }
    guard start < number - 1 else { return "" }
    return lines[start..<(number - 1)].joined(separator: "\n") + "\n"
  }

  /// The comment lines after the last line that is not a comment or blank, each ending in a newline.
  public var trailing: String {
    guard let last = lines.lastIndex(where: { !Self.isBlank($0) && !Self.isComment($0) }) else { return "" }
    let tail = lines[(last + 1)...].filter(Self.isComment)
    return tail.isEmpty ? "" : tail.joined(separator: "\n") + "\n"
  }
}
