import Signals

/// Where a text value (a question, coaching, an example) starts in the script, and whether its characters
/// appear there verbatim, so that an offset inside the text maps to an exact column.
struct TextSpot: Sendable {
  /// The position of the value (its opening quote, for quoted text).
  var location: SourceLocation
  /// The column of the text's first character when the text is written verbatim on one line; nil otherwise.
  var verbatimColumn: Int?

  /// The location of the Unicode scalar at `offset` in the text (the value's start when not verbatim).
  func location(atOffset offset: Int) -> SourceLocation {
    guard let verbatimColumn else { return location }
    var result = location
    result.column = verbatimColumn + offset
    return result
  }
}
