import ArgumentParser

/// The options of a session at the terminal that chat and practice share: the record, the history,
/// colour, helplines and redaction.
struct SessionOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Append the session to FILE as JSON Lines, one line per thing you did (mode 0600).", valueName: "file"))
  var record: String?

  @Option(help: ArgumentHelp("Continue a session recorded with --record (and keep recording to it).", valueName: "file"))
  var resume: String?

  @Flag(help: "Keep the typed lines between sessions, in $XDG_STATE_HOME/rekindle/history (mode 0600).")
  var history = false

  @Flag(help: "Do not colour the output (NO_COLOR works too).")
  var noColor = false

  @Option(
    name: .customLong("helpline"),
    help: ArgumentHelp(
      "A helpline for where you live, shown with the safety advice (repeatable; also read from $XDG_CONFIG_HOME/rekindle/helplines, one per line).",
      valueName: "name and number"))
  var helplines: [String] = []

  @Flag(help: "In the --record file and /save summaries, replace names, places, emails and phone numbers with placeholders.")
  var redact = false
}
