/// Somewhere JSON bytes can be appended: a byte array, or a caller's output buffer.
public protocol JSONSink {
  /// Appends one byte.
  mutating func append(_ byte: UInt8)
  /// Appends bytes.
  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: JSONSink where Element == UInt8 {
  @inlinable
  public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
}
