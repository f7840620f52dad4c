/// Reusable buffers for analyzing many replies without allocating for each one.
///
/// Keep one per thread and pass it to ``Analyzer/analyze(_:question:workspace:)``.
public struct AnalysisWorkspace {
  var tokens: [Token] = []
  var questionTokens: [Token] = []
  var scratch: [UInt8] = []
  var matches: [PatternMatch] = []
  var masked: [Bool] = []

  public init() {
    tokens.reserveCapacity(256)
    scratch.reserveCapacity(64)
    matches.reserveCapacity(64)
  }
}
