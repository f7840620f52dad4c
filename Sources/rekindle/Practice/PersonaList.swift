import DialogueFormat

/// The built-in personas, one line each, for `--personas` and `/personas`.
enum PersonaList {
  static func text(style: TerminalStyle, current: String? = nil) -> String {
    var out = ""
    for persona in PersonaLoader.builtIn {
      let mark = persona.id == current ? " (now)" : ""
      out += "  " + style.bold(persona.id.padding(11)) + "  \(persona.name)\(mark): \(persona.about)\n"
    }
    out += "  Start with one: rekindle practice --persona NAME (or --persona FILE for your own).\n"
    return out
  }
}
