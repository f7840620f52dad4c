/// The lines of UTF-8 text, split at "\n" (the last one may be empty), each with its 1-based number
/// and its byte range: the one line splitter of the package's text-file readers.
struct LineRanges<Bytes: RandomAccessCollection>: Sequence, IteratorProtocol
where Bytes.Element == UInt8, Bytes.Index == Int {
  let bytes: Bytes
  private var start: Int
  private var number = 0

  init(_ bytes: Bytes) {
    self.bytes = bytes
    start = bytes.startIndex
  }

  mutating func next() -> (number: Int, range: Range<Int>)? {
    guard start <= bytes.endIndex else { return nil }
    var end = start
    while end < bytes.endIndex && bytes[end] != UInt8(ascii: "\n") { end += 1 }
    defer { start = end + 1 }
    number += 1
    return (number, start..<end)
  }
}
