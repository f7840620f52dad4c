import ArgumentParser

/// `rekindle graph` (being written).
struct Graph: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(being written)", shouldDisplay: false)
}
