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
/// Lines are gathered into batches (up to 512 lines or 128 KiB: small, so their outputs stay small); a batch is split across `jobs`
/// worker threads while the main thread reads the next one and writes the output of the one
/// before (two batches alternate), and outputs are written in input order. A batch is also
/// finished whenever reading would block, so a slow pipe gets each result as soon as its line
/// arrives. Memory stays bounded by two batches and the longest line read
/// (``Limits/analyzedReplyBytes``).
final class AnalyzeSession {
  let work: LineAnalysis
  private var out = OutputBuffer()
  private(set) var failedLines = 0
  private let workers: Int

  /// The batch being filled, the one being analysed (if any), and a spare.
  private var current = Batch()
  private var inFlight: (batch: Batch, done: DispatchGroup)?
  private var spare: Batch?
  private var batchSource = ""

  static let batchLines = 512
  static let batchBytesLimit = 1 << 17

  /// The default number of worker threads: the cores, at most 8.
  static var defaultJobs: Int { max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 8)) }

  init(work: LineAnalysis, jobs: Int = AnalyzeSession.defaultJobs) {
    self.work = work
    workers = max(1, jobs)
  }

  func process(_ source: LineSource) throws {
    source.willBlock = { [unowned self] () throws(UserFacingError) in
      try self.drain()
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
      current.starts.append(current.bytes.count)
      current.numbers.append(source.lineNumber)
      current.bytes.append(contentsOf: line)
    }) {
      if let (number, length) = cut {
        cut = nil
        // Said in order: after the output of the lines before it.
        try drain()
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
      if current.starts.count >= Self.batchLines || current.bytes.count >= Self.batchBytesLimit {
        try submit()
      }
    }
    try drain()
    try out.flush()
  }

  func finish() throws {
    try out.flush()
  }

  /// Finishes the batch in flight (writing its output), then starts analysing the current one in
  /// the background and takes a fresh batch to fill.
  private func submit() throws(UserFacingError) {
    try collect()
    guard !current.starts.isEmpty else { return }
    let batch = current
    current = spare ?? Batch()
    spare = nil
    let done = DispatchGroup()
    let work = self.work
    let source = batchSource
    let parts = batch.starts.count >= 64 ? workers : 1
    DispatchQueue.global().async(group: done) { batch.analyze(work: work, source: source, parts: parts) }
    inFlight = (batch, done)
  }

  /// Waits for the batch in flight, if any, and appends its outputs and messages in order.
  private func collect() throws(UserFacingError) {
    guard let (batch, done) = inFlight else { return }
    done.wait()
    inFlight = nil
    for part in batch.outputs.indices {
      batch.outputs[part].bytes.withUnsafeBufferPointer { out.append($0) }
      for message in batch.errors[part] {
        failedLines += 1
        StandardError.write("rekindle: \(VisibleText.sanitize(message))\n")
      }
    }
    batch.clear()
    spare = batch
    try out.flushIfFull()
  }

  /// Analyses everything read so far and appends its output.
  private func drain() throws(UserFacingError) {
    try submit()
    try collect()
  }
}

/// One batch of lines: their bytes back to back, where each starts, their numbers, and once
/// analysed, the output and messages of each part. Filled by the reading thread, then analysed by
/// the workers (each part reads its own lines and writes only its own slot), then read back:
/// never two at once, so the sharing is safe. Its buffers and the parts' workspaces are kept from
/// one batch to the next, so a long run allocates no more than its first two batches did.
private final class Batch: @unchecked Sendable {
  var bytes: [UInt8] = []
  var starts: [Int] = []
  var numbers: [Int] = []
  var outputs: [OutputBuffer] = []
  var errors: [[String]] = []
  private var workspaces: [AnalysisWorkspace] = []

  func clear() {
    bytes.removeAll(keepingCapacity: true)
    starts.removeAll(keepingCapacity: true)
    numbers.removeAll(keepingCapacity: true)
    for part in outputs.indices { outputs[part].reset() }
    errors = []
  }

  /// Analyses the lines in `parts` parts at once.
  func analyze(work: LineAnalysis, source: String, parts: Int) {
    let count = starts.count
    while outputs.count < parts { outputs.append(OutputBuffer(descriptor: -1, capacity: 0)) }
    while workspaces.count < parts { workspaces.append(AnalysisWorkspace()) }
    errors = [[String]](repeating: [], count: outputs.count)
    starts.append(bytes.count)
    starts.withUnsafeBufferPointer { starts in
      numbers.withUnsafeBufferPointer { numbers in
        bytes.withUnsafeBufferPointer { bytes in
          outputs.withUnsafeMutableBufferPointer { outs in
            errors.withUnsafeMutableBufferPointer { errs in
              workspaces.withUnsafeMutableBufferPointer { spaces in
                let perPart = (count + parts - 1) / parts
                let view = BatchView(starts: starts, numbers: numbers, bytes: bytes, outs: outs, errs: errs, spaces: spaces)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                  let (starts, numbers, bytes, outs, errs) = (view.starts, view.numbers, view.bytes, view.outs, view.errs)
                  // Each part works in its own workspace and output buffer, in place.
                  let spaces = view.spaces
                  var messages: [String] = []
                  let first = part * perPart
                  let last = min(count, first + perPart)
                  if first < last {
                    for k in first..<last {
                      let line = UnsafeBufferPointer(rebasing: bytes[starts[k]..<starts[k + 1]])
                      if let message = work.handle(
                        line, number: numbers[k], source: source, workspace: &spaces[part], out: &outs[part])
                      {
                        messages.append(message)
                      }
                    }
                  }
                  errs[part] = messages
                }
              }
            }
          }
        }
      }
    }
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
  let spaces: UnsafeMutableBufferPointer<AnalysisWorkspace>
}
