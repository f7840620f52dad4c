#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

/// The helplines she set for where she lives: none is built in for any country. Read from
/// `$XDG_CONFIG_HOME/rekindle/helplines` (or `~/.config/rekindle/helplines`), one per line
/// ("Samaritans 116 123"; `#` starts a comment), and from `chat --helpline`.
enum Helplines {
  /// The helplines file's place (nothing is created).
  static var defaultPath: String? {
    if let config = getenv("XDG_CONFIG_HOME").map({ String(cString: $0) }), config.hasPrefix("/") {
      return config + "/rekindle/helplines"
    }
    guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
    return home + "/.config/rekindle/helplines"
  }

  /// The file's helplines (none when it does not exist), then `given`.
  static func load(given: [String]) throws(UserFacingError) -> [String] {
    var lines: [String] = []
    if let path = defaultPath {
      var info = stat()
      if stat(path, &info) == 0 {
        for line in try FileReader.readText(path).split(separator: "\n") {
          let text = String(line).trimmingSpaces()
          if !text.isEmpty && !text.hasPrefix("#") { lines.append(text) }
        }
      }
    }
    return lines + given.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
  }
}
