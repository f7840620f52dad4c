#if canImport(Glibc)
  @preconcurrency import Glibc
#endif
import ArgumentParser

/// The `rekindle` command: a practice guide for the conversation with an ex who wants to come back.
@main
struct Rekindle: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rekindle",
    abstract: "Practise the conversation with an ex who wants to get back together.",
    discussion: """
      Rekindle tells you what to ask next, you type what they answered, and it flags the hopeful \
      and the caution signs in each reply, with the words that triggered them. Nothing you type \
      leaves this machine. `rekindle` alone starts the practice (`rekindle chat`).

      In the practice, type /help for the commands: /why (the evidence behind the last reply's \
      signs), /back, /skip, /summary, /save FILE, /quit. Ctrl-D ends with the summary.
      """,
    version: "0.1.0",
    subcommands: [
      Chat.self, PracticeCommand.self, SummaryCommand.self, Compare.self, Corrections.self, Analyze.self, Eval.self, Train.self, Rehearse.self, Lint.self,
      Graph.self, Schema.self,
    ],
    defaultSubcommand: Chat.self
  )

  /// Runs the command line. Standard streams that were closed are first opened on /dev/null, so no
  /// file the program opens can become descriptor 0, 1 or 2 (a record written into by the
  /// transcript). Help, version and completion output go through the same checked writer as every
  /// command's output, so a full disk is exit 74, not a silent 0.
  static func main() {
    for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
      let null = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
      if null >= 0 && null != descriptor {
        _ = dup2(null, descriptor)
        close(null)
      }
    }
    if Array(CommandLine.arguments.dropFirst()) == ["--generate-manual-page"] {
      do {
        try StandardOutput.write(ManualPage.render())
      } catch {
        Glibc.exit(error.report().rawValue)
      }
      Glibc.exit(0)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .success {
        let text = fullMessage(for: error)
        if !text.isEmpty {
          do {
            try StandardOutput.write(text + "\n")
          } catch {
            Glibc.exit(error.report().rawValue)
          }
        }
        Glibc.exit(0)
      }
      exit(withError: error)
    }
  }
}
