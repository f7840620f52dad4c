import ArgumentParser

/// The man page (`rekindle --generate-manual-page`), written from the commands' own help, so it
/// never drifts from `--help`.
enum ManualPage {
  /// The page in troff (man macros).
  static func render() -> String {
    var page = """
      .TH REKINDLE 1 "December 2026" "rekindle \(Rekindle.configuration.version)" "User Commands"
      .SH NAME
      rekindle \\- practise the conversation with an ex who wants to get back together
      .SH SYNOPSIS
      .B rekindle
      [\\fIsubcommand\\fR] [\\fIoptions\\fR]
      .SH DESCRIPTION

      """
    page += escape(Rekindle.configuration.discussion) + "\n"
    page += ".SH COMMANDS\n"
    for command in Rekindle.configuration.subcommands {
      let name = command._commandName
      page += ".SS \"rekindle \(name)\"\n.nf\n"
      page += escape(Rekindle.helpMessage(for: command, columns: 78)) + "\n.fi\n"
      // A command group (practice): each of its subcommands too, with its options.
      for sub in command.configuration.subcommands {
        page += ".SS \"rekindle \(name) \(sub._commandName)\"\n.nf\n"
        page += escape(Rekindle.helpMessage(for: sub, columns: 78)) + "\n.fi\n"
      }
    }
    page += """
      .SH FILES
      Nothing is written unless asked: the session record (\\fBchat --record\\fR), a saved summary
      (\\fB/save\\fR), the line history (\\fBchat --history\\fR, \\fBpractice --history\\fR, in $XDG_STATE_HOME/rekindle/history), all
      mode 0600. Rekindle makes no network connections.
      .SH EXIT STATUS
      0 success; 1 a check failed (lint, rehearse \\-\\-check, eval thresholds); 64 usage; 65 bad input data;
      66 a file could not be read; 73 a file could not be created; 74 an I/O error; 128+N a signal.
      .SH LICENSE
      GPL\\-3.0\\-or\\-later.

      """
    return page
  }

  /// Text made safe for troff: backslashes doubled, lines that would read as requests protected.
  private static func escape(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      let escaped = line.replacing("\\", with: "\\e")
      return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }.joined(separator: "\n")
  }
}
