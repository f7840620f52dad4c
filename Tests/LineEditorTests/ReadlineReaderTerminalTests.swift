import Foundation
import Synchronization
import TestSupport
import XCTest

@testable import LineEditor

/// Drives a real `ReadlineReader` through a pseudo-terminal. Signals are sent to this process
/// only once the prompt has been drawn, that is, while the reader's handlers are installed.
final class ReadlineReaderTerminalTests: XCTestCase {
  private static let prompt = "rk> "
  private static let commands = ["/help", "/why", "/back", "/skip", "/summary", "/save", "/quit"]

  private var terminal: PseudoTerminal?
  private var reader: ReadlineReader?

  override func setUpWithError() throws {
    try super.setUpWithError()
    guard let terminal = PseudoTerminal() else {
      throw XCTSkip("no pseudo-terminal available")
    }
    self.terminal = terminal
    reader = ReadlineReader(completions: Self.commands, historyFile: nil, terminal: terminal.slave)
  }

  override func tearDown() {
    reader?.close()
    reader = nil
    terminal?.close()
    terminal = nil
    super.tearDown()
  }

  /// Reads one line while `script` types and signals from another thread. If a step times out,
  /// the script gives up and ends the line with Ctrl-G, Ctrl-U, Ctrl-D so the read returns.
  private func readLine(
    file: StaticString = #filePath, line: UInt = #line,
    script: @escaping @Sendable (PseudoTerminal, _ step: (Bool, String) -> Bool) -> Void
  ) -> LineInput {
    guard let terminal, let reader else {
      XCTFail("no terminal", file: file, line: line)
      return .endOfInput
    }
    let problems = Mutex<[String]>([])
    let finished = runInBackground {
      var failed = false
      script(terminal) { ok, what in
        if failed { return false }
        if !ok {
          failed = true
          problems.withLock { $0.append("timed out waiting for \(what)") }
          terminal.type("\u{7}\u{15}\u{4}")
        }
        return ok
      }
    }
    let result = reader.readLine(prompt: Self.prompt)
    finished.wait()
    for problem in problems.withLock({ $0 }) {
      XCTFail("\(problem); screen: \(terminal.screenText.debugDescription)", file: file, line: line)
    }
    return result
  }

  func testReturnsTypedLine() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("hello, wörld\r")
    }
    XCTAssertEqual(result, .line("hello, wörld"))
  }

  func testRepairsInvalidUTF8() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type(bytes: [0x6F, 0x6B, 0xFF, 0x0D])
    }
    XCTAssertEqual(result, .line("ok\u{FFFD}"))
  }

  func testControlDOnEmptyLineEndsInput() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("\u{4}")
    }
    XCTAssertEqual(result, .endOfInput)
  }

  func testUpArrowRecallsHistory() {
    reader?.addHistory("earlier line")
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("\u{1B}[A")
      guard step(terminal.waitFor("earlier line"), "the recalled line") else { return }
      terminal.type("\r")
    }
    XCTAssertEqual(result, .line("earlier line"))
  }

  func testTabCompletesAUniqueSlashCommandWithoutAddingASpace() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("/he\t")
      guard step(terminal.waitFor("/help"), "the completion") else { return }
      terminal.type("\r")
    }
    XCTAssertEqual(result, .line("/help"))
  }

  func testTabExtendsAnAmbiguousPrefixStepByStep() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      // "/s" is ambiguous: Tab only rings the bell (on stderr); "/su" is unique.
      terminal.type("/s\tu\t")
      guard step(terminal.waitFor("mmary"), "the completion") else { return }
      terminal.type("\r")
    }
    XCTAssertEqual(result, .line("/summary"))
  }

  func testTabDoesNothingAfterTheFirstWord() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("say /he\t!\r")
    }
    XCTAssertEqual(result, .line("say /he!"))
  }

  func testControlCClearsTheLineAndPromptsAgain() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("half a thought")
      guard step(terminal.waitFor("half a thought"), "the echo") else { return }
      kill(getpid(), SIGINT)
      guard step(terminal.waitFor(Self.prompt, count: 2), "a fresh prompt") else { return }
      terminal.type("fresh\r")
    }
    XCTAssertEqual(result, .line("fresh"))
    XCTAssertTrue(terminal?.screenText.contains("^C") ?? false)
  }

  func testControlCTwiceOnAnEmptyLineInterrupts() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      kill(getpid(), SIGINT)
      guard step(terminal.waitFor(Self.prompt, count: 2), "a fresh prompt") else { return }
      kill(getpid(), SIGINT)
    }
    XCTAssertEqual(result, .interrupted)
    XCTAssertEqual(reader?.lastInterruptSignal, SIGINT)
  }

  func testControlCAfterTypingNeedsTwoMorePressesOnlyIfTypingResumes() {
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      kill(getpid(), SIGINT)
      guard step(terminal.waitFor(Self.prompt, count: 2), "a fresh prompt") else { return }
      terminal.type("x")
      guard step(terminal.waitFor(Self.prompt + "x"), "the echo") else { return }
      kill(getpid(), SIGINT)
      guard step(terminal.waitFor(Self.prompt, count: 3), "another fresh prompt") else { return }
      terminal.type("still here\r")
    }
    XCTAssertEqual(result, .line("still here"))
  }

  func testSIGTERMInterruptsAndRestoresTheTerminal() {
    guard let terminal else { return XCTFail("no terminal") }
    let modesBefore = terminal.localModes
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("unfinished")
      guard step(terminal.waitFor("unfinished"), "the echo") else { return }
      kill(getpid(), SIGTERM)
    }
    XCTAssertEqual(result, .interrupted)
    XCTAssertEqual(reader?.lastInterruptSignal, SIGTERM)
    XCTAssertEqual(terminal.localModes, modesBefore)
    XCTAssertNotEqual(terminal.localModes & tcflag_t(ICANON), 0)
    XCTAssertNotEqual(terminal.localModes & tcflag_t(ECHO), 0)
  }

  func testTerminalIsRestoredBetweenLines() {
    guard let terminal else { return XCTFail("no terminal") }
    let modesBefore = terminal.localModes
    let result = readLine { terminal, step in
      guard step(terminal.waitFor(Self.prompt), "prompt") else { return }
      terminal.type("done\r")
    }
    XCTAssertEqual(result, .line("done"))
    XCTAssertEqual(terminal.localModes, modesBefore)
  }

  func testClosedReaderEndsInput() {
    reader?.close()
    XCTAssertEqual(reader?.readLine(prompt: Self.prompt), .endOfInput)
    XCTAssertTrue(reader?.isInteractive ?? false)
  }
}
