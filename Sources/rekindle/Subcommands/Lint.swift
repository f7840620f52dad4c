import ArgumentParser

/// `rekindle lint` (being written).
struct Lint: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(being written)", shouldDisplay: false)
}
