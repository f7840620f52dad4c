/// Converts token ranges into ``Evidence``: merged spans of the reply with Unicode scalar offsets.
struct EvidenceBuilder {
  let reply: UnsafeBufferPointer<UInt8>
  let tokens: [Token]

  /// Evidence for the token ranges, merged where they overlap, in reply order.
  func evidence(for ranges: [(Int32, Int32)]) -> [Evidence] {
    var spans = ranges.compactMap { range -> (Int, Int)? in
      guard range.1 > range.0 else { return nil }
      var last = Int(range.1) - 1
      while last > Int(range.0) && tokens[last].isEnd { last -= 1 }
      return (Int(tokens[Int(range.0)].start), Int(tokens[last].end))
    }
    spans.sort { $0.0 < $1.0 }
    var merged: [(Int, Int)] = []
    for span in spans {
      if let last = merged.last, span.0 <= last.1 {
        merged[merged.count - 1].1 = max(last.1, span.1)
      } else {
        merged.append(span)
      }
    }
    return Self.evidence(forSortedByteSpans: merged, in: reply)
  }

  /// Evidence for byte spans of `reply` (sorted, not overlapping): the text and its scalar offsets,
  /// counted in one walk forward through the reply.
  static func evidence(forSortedByteSpans spans: [(Int, Int)], in reply: UnsafeBufferPointer<UInt8>) -> [Evidence] {
    var scalarsBefore = 0
    var position = 0
    func scalarOffset(_ byte: Int) -> Int {
      while position < byte && position < reply.count {
        if reply[position] & 0xC0 != 0x80 { scalarsBefore += 1 }
        position += 1
      }
      return scalarsBefore
    }
    return spans.map { span in
      let start = scalarOffset(span.0)
      let end = scalarOffset(span.1)
      let text = String(decoding: UnsafeBufferPointer(rebasing: reply[span.0..<span.1]), as: UTF8.self)
      return Evidence(text: text, start: start, end: end)
    }
  }
}
