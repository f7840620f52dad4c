import ArgumentParser

/// `rekindle practice`: she rehearses her own side; Rekindle plays him from a persona.
struct PracticeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practice",
    abstract: "Rehearse your own side: Rekindle plays your ex from a persona and coaches how you ask.",
    discussion: """
      rekindle practice [--persona NAME|FILE] [--record FILE] [--resume FILE] [--history] [--redact] \
      [--no-color] starts a practice ('practice play'; see 'rekindle practice play --help'); \
      'rekindle practice --personas' lists who he can be. 'practice train' and 'practice eval' learn \
      and score the reading of her lines.
      """,
    subcommands: [PracticePlay.self, PracticeTrain.self, PracticeEval.self],
    defaultSubcommand: PracticePlay.self
  )
}
