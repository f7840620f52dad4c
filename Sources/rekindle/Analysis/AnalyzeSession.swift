#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Dispatch
import Foundation
import Signals

/// Whether standard output is a terminal.
func isStandardOutputTerminal() -> Bool { isatty(1) == 1 }

/// The streaming loop behind `rekindle analyze`: one output line per input line, in order.
///
/// Lines are gathered into batches (up to 4,096 lines or 1 MiB) and a batch is split across the
/// machine's cores; outputs are written in input order. A batch is also processed whenever reading
/// would block, so a slow pipe gets each result as soon as its line arrives. Memory stays bounded
/// by the batch size and the longest line read (``Limits/analyzedReplyBytes``).
final class AnalyzeSession {
  let work: LineAnalysis
  private var out = OutputBuffer()
  private(set) var failedLines = 0
  private let workers: Int

  /// The pending batch: line bytes back to back, and where each line starts.
  private var batchBytes: [UInt8] = []
  private var batchStarts: [Int] = []
  private var batchNumbers: [Int] = []
  private var batchSource = ""

  static let batchLines = 4096
  static let batchBytesLimit = 1 << 20

  init(work: LineAnalysis) {
    self.work = work
    let cores = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    workers = max(1, min(cores, 8))
  }

  func process(_ source: LineSource) throws {
    source.willBlock = { [unowned self] () throws(UserFacingError) in
      try self.runBatch()
      try self.out.flush()
    }
    defer { source.willBlock = nil }
    batchSource = source.name
    source.maxLineBytes = Limits.analyzedReplyBytes
    var cut: (number: Int, length: Int)?
    while try source.nextLine({ line in
      if source.lastLineLength > Limits.analyzedReplyBytes {
        cut = (source.lineNumber, source.lastLineLength)
        // A JSON object cut short cannot be read; a reply is analysed in its first part.
        if work.input == .jsonl { return }
      }
      batchStarts.append(batchBytes.count)
      batchNumbers.append(source.lineNumber)
      batchBytes.append(contentsOf: line)
    }) {
      if let (number, length) = cut {
        cut = nil
        // Said in order: after the output of the lines before it.
        try runBatch()
        try out.flush()
        let megabytes = String(format: "%.1f", Double(length) / 1_048_576)
        if work.input == .jsonl {
          failedLines += 1
          StandardError.write(
            "rekindle: \(VisibleText.sanitize(source.name)):\(number):1: error: the line is \(megabytes) MiB, over the 1 MiB limit; not read\n")
        } else {
          StandardError.write(
            "rekindle: warning: \(VisibleText.sanitize(source.name)):\(number): the line is \(megabytes) MiB; only its first 1 MiB was analysed\n")
        }
      }
      if batchStarts.count >= Self.batchLines || batchBytes.count >= Self.batchBytesLimit {
        try runBatch()
        try out.flushIfFull()
      }
    }
    try runBatch()
    try out.flush()
  }

  func finish() throws {
    try out.flush()
  }

  /// Analyzes the pending batch, in parallel when it is large enough, and appends the outputs in order.
  private func runBatch() throws(UserFacingError) {
    let count = batchStarts.count
    guard count > 0 else { return }
    let parts = count >= 64 ? workers : 1
    var outputs = [OutputBuffer](repeating: OutputBuffer(descriptor: -1, capacity: 0), count: parts)
    var errors = [[String]](repeating: [], count: parts)
    let work = self.work
    let source = batchSource
    batchStarts.append(batchBytes.count)
    batchStarts.withUnsafeBufferPointer { starts in
      batchNumbers.withUnsafeBufferPointer { numbers in
        batchBytes.withUnsafeBufferPointer { bytes in
          outputs.withUnsafeMutableBufferPointer { outs in
            errors.withUnsafeMutableBufferPointer { errs in
              let perPart = (count + parts - 1) / parts
              let view = BatchView(starts: starts, numbers: numbers, bytes: bytes, outs: outs, errs: errs)
              DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (starts, numbers, bytes, outs, errs) = (view.starts, view.numbers, view.bytes, view.outs, view.errs)
                var workspace = AnalysisWorkspace()
                var local = OutputBuffer(descriptor: -1, capacity: 0)
                var messages: [String] = []
                let first = part * perPart
                let last = min(count, first + perPart)
                if first < last {
                  for k in first..<last {
                    let line = UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]])
                    if let message = work.handle(
                      line, number: numbers[k], source: source, workspace: &workspace, out: &local)
                    {
                      messages.append(message)
                    }
                  }
                }
                outs[part] = local
                errs[part] = messages
              }
            }
          }
        }
      }
    }
    for part in 0..<parts {
      outputs[part].bytes.withUnsafeBufferPointer { out.append($0) }
      for message in errors[part] {
        failedLines += 1
        StandardError.write("rekindle: \(VisibleText.sanitize(message))\n")
      }
    }
    batchBytes.removeAll(keepingCapacity: true)
    batchStarts.removeAll(keepingCapacity: true)
    batchNumbers.removeAll(keepingCapacity: true)
    try out.flushIfFull()
  }
}

/// The batch's buffers, shared with the worker threads. Each worker reads its own range of lines
/// and writes only its own output slot, so the sharing is safe.
private struct BatchView: @unchecked Sendable {
  let starts: UnsafeBufferPointer<Int>
  let numbers: UnsafeBufferPointer<Int>
  let bytes: UnsafeBufferPointer<UInt8>
  let outs: UnsafeMutableBufferPointer<OutputBuffer>
  let errs: UnsafeMutableBufferPointer<[String]>
}
