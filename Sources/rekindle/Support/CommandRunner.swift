import ArgumentParser

/// Runs a subcommand's body, turning a ``UserFacingError`` into its one-line message and exit code.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as UserFacingError {
    throw error.report()
  }
}
