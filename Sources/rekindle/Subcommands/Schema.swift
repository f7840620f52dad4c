import ArgumentParser

/// `rekindle schema` (being written).
struct Schema: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "(being written)", shouldDisplay: false)
}
