#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import Foundation
import TestSupport
import XCTest

/// Privacy: no network, private files in private directories whatever the umask, nothing written
/// unless asked, and `--redact` keeping names, places, emails and phone numbers out of what is kept.
final class HardeningPrivacyTests: HardeningTestCase {
  private var transcriptPath: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Scripts/transcripts/rebound.yaml").path
  }

  /// Every command, traced with strace: not one socket, connect, bind, sendto or similar call.
  /// Then the same commands in a network namespace with no network give the same output.
  func testNoNetworkAccess() throws {
    let saved = tempDir.appendingPathComponent("saved/summary.md").path
    let replies = try makeFile("replies.txt", "I messed up, I know that.\n/save \(saved)\nI kept thinking about us.\n")
    let labeled = try makeFile("e.jsonl", "{\"reply\":\"It was your fault.\",\"signals\":[\"blame\"]}\n")
    let commands: [([String], String)] = [
      (["chat", "--record", tempDir.appendingPathComponent("r.jsonl").path, "--history"], replies.path),
      (["analyze", replies.path], "/dev/null"), (["rehearse", transcriptPath], "/dev/null"), (["lint"], "/dev/null"),
      (["eval", labeled.path], "/dev/null"), (["graph"], "/dev/null"),
    ]
    var checked = false
    if let strace = Self.tool("strace"), try spawnTool(strace, ["-f", "-o", "/dev/null", "/bin/true"]) == 0 {
      for (arguments, input) in commands {
        let log = tempDir.appendingPathComponent("strace-\(arguments[0]).txt")
        let status = try spawnTool(
          strace, ["-f", "-qq", "-e", "trace=%network", "-o", log.path, binary.path] + arguments, stdin: input)
        XCTAssertEqual(status, 0, "\(arguments)")
        // Lines are "PID call(...) = result"; signal and exit notes ("PID --- ...") are not calls.
        let calls = E2EText.lines((try? String(contentsOf: log, encoding: .utf8)) ?? "").filter {
          !$0.drop { $0.isNumber || $0 == " " }.hasPrefix("---") && !$0.drop { $0.isNumber || $0 == " " }.hasPrefix("+++")
        }
        XCTAssertEqual(calls, [], "\(arguments) made network calls")
      }
      checked = true
    }
    if let unshare = Self.tool("unshare") {
      // As root `unshare -n`; otherwise in a user namespace (`-r`), where the kernel allows it.
      let prefix = getuid() == 0 ? ["-n"] : ["-r", "-n"]
      if try spawnTool(unshare, prefix + ["/bin/true"]) == 0 {
        for (arguments, input) in commands.dropFirst() {
          let outside = try spawn(arguments, stdin: input)
          let inside = tempDir.appendingPathComponent("netns-\(arguments[0]).out")
          let status = try spawnTool(unshare, prefix + [binary.path] + arguments, stdin: input, stdout: inside.path)
          XCTAssertEqual(Int32(status), outside.exitCode ?? -1, "\(arguments) without a network")
          XCTAssertEqual(try Data(contentsOf: inside), outside.stdout, "\(arguments) without a network")
        }
        checked = true
      }
    }
    if !checked { throw XCTSkip("neither strace nor unshare works here") }
  }

  /// The files Rekindle writes are 0600 in directories it creates 0700, even under umask 000.
  func testFilesAndDirectoriesArePrivateWhateverTheUmask() throws {
    let record = tempDir.appendingPathComponent("a/b/record.jsonl")
    let summary = tempDir.appendingPathComponent("c/d/summary.md")
    let state = tempDir.appendingPathComponent("state")
    let replies = try makeFile("replies.txt", "I messed up, I know that.\n/save \(summary.path)\n")
    let chat = try spawn(["chat", "--record", record.path, "--history"], stdin: replies.path, umask: 0)
    XCTAssertEqual(chat.exitCode, 0, chat.summary)
    let plain = try makeFile("plain/replies.txt", "I messed up.\n")
    let update = try spawn(["rehearse", "--update", plain.path], umask: 0)
    XCTAssertEqual(update.exitCode, 0, update.summary)
    let files = [record, summary, state.appendingPathComponent("rekindle/history"), URL(fileURLWithPath: plain.path + ".yaml")]
    for file in files {
      XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), "\(file.path) was not written")
      XCTAssertEqual(try? permissions(file), 0o600, file.path)
    }
    for directory in ["a", "a/b", "c", "c/d", "state", "state/rekindle"].map(tempDir.appendingPathComponent) {
      XCTAssertEqual(try? permissions(directory), 0o700, directory.path)
    }
  }

  /// Without --record, /save, --history or --update nothing is written anywhere: not in the
  /// working directory, the home directory or the state directory.
  func testNothingIsWrittenUnlessAsked() throws {
    let home = tempDir.appendingPathComponent("home")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    var environment = baseEnvironment()
    environment["HOME"] = home.path
    environment["XDG_STATE_HOME"] = home.appendingPathComponent(".local/state").path
    environment["XDG_CONFIG_HOME"] = home.appendingPathComponent(".config").path
    environment["XDG_CACHE_HOME"] = home.appendingPathComponent(".cache").path
    let replies = try makeFile("in/replies.txt", "I messed up, I know that.\n/summary\nI kept thinking about us.\n")
    let before = try tree(tempDir)
    for (arguments, input) in [
      (["chat"], replies.path), (["analyze", replies.path], "/dev/null"), (["rehearse", replies.path], "/dev/null"),
      (["rehearse", "--check", transcriptPath], "/dev/null"), (["lint"], "/dev/null"), (["graph"], "/dev/null"),
    ] {
      let result = try spawn(arguments, stdin: input, environment: environment)
      XCTAssertTrue([0, 1].contains(result.exitCode), "\(arguments): \(result.summary)")
    }
    XCTAssertEqual(try tree(tempDir), before, "files appeared without being asked for")
  }

  /// `--redact`: the record and the saved summary hold placeholders; the screen shows the replies
  /// as typed; a redacted record resumes.
  func testRedactKeepsNamesPlacesEmailsAndPhonesOutOfWhatIsKept() throws {
    let secrets = ["Maddie", "Leeds", "maddie@example.com", "+44 20 7946 0958", "Tom"]
    let replies = try makeFile(
      "replies.txt",
      """
      I moved in with Maddie in Leeds, and Maddie dumped me in March.
      I kept thinking about us. Write to maddie@example.com or call +44 20 7946 0958.
      /save kept/summary.md
      It was your birthday. I almost called you, but Tom stopped me.

      """)
    let record = tempDir.appendingPathComponent("kept/record.jsonl")
    let result = try spawn(["chat", "--redact", "--record", record.path], stdin: replies.path)
    XCTAssertEqual(result.exitCode, 0, result.summary)
    for secret in secrets { XCTAssertTrue(result.out.contains(secret), "the screen shows \(secret) as typed") }
    let summary = try String(contentsOf: tempDir.appendingPathComponent("kept/summary.md"), encoding: .utf8)
    let recorded = try String(contentsOf: record, encoding: .utf8)
    for secret in secrets {
      XCTAssertFalse(recorded.contains(secret), "the record holds \(secret)")
      XCTAssertFalse(summary.contains(secret), "the summary holds \(secret)")
    }
    XCTAssertFalse(recorded.contains("7946"), "no part of the phone number")
    let lines = try recordLines(record)
    XCTAssertEqual(
      lines.compactMap { $0["reply"] as? String },
      [
        "I moved in with [name] in [place], and [name] dumped me in March.",
        "I kept thinking about us. Write to [email] or call [phone].",
        "It was your birthday. I almost called you, but [name] stopped me.",
      ])
    XCTAssertEqual(lines.first?["redacted"] as? Bool, true, "the header says the replies are redacted")
    XCTAssertTrue(summary.contains("\\[name\\]") || summary.contains("[name]"), summary)

    // The redacted record resumes; without --redact the same words are kept as typed.
    let resumed = try spawn(["chat", "--resume", record.path, "--redact"])
    XCTAssertEqual(resumed.exitCode, 0, resumed.summary)
    XCTAssertEqual(resumed.err, "")
    let plainRecord = tempDir.appendingPathComponent("plain.jsonl")
    _ = try spawn(["chat", "--record", plainRecord.path], stdin: replies.path)
    XCTAssertTrue(try String(contentsOf: plainRecord, encoding: .utf8).contains("Maddie"))
  }

  // MARK: - Helpers

  /// The relative paths of everything under `root`.
  private func tree(_ root: URL) throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: root.path)
    var paths: [String] = []
    while let path = enumerator?.nextObject() as? String { paths.append(path) }
    return paths.sorted()
  }

  static func tool(_ name: String) -> String? {
    ["/usr/bin/\(name)", "/bin/\(name)", "/usr/sbin/\(name)"].first { access($0, X_OK) == 0 }
  }

  /// Runs another program and returns its exit status (-1 for a signal).
  private func spawnTool(_ tool: String, _ arguments: [String], stdin: String = "/dev/null", stdout: String = "/dev/null") throws
    -> Int
  {
    if !FileManager.default.fileExists(atPath: stdout) { _ = FileManager.default.createFile(atPath: stdout, contents: nil) }
    let launcher = ChildLauncher(directory: tempDir, environment: baseEnvironment())
    let result = launcher.finish(try launcher.start(tool, arguments, stdin: .path(stdin), stdout: .path(stdout)), timeout: 300)
    return result.exitCode.map(Int.init) ?? -1
  }
}
