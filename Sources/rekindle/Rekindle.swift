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
      leaves this machine.
      """,
    version: "0.1.0",
    subcommands: [Chat.self, Analyze.self, Eval.self, Train.self, Rehearse.self, Lint.self, Graph.self, Schema.self],
    defaultSubcommand: Chat.self
  )
}
