import ArgumentParser

extension ExitCode {
  /// sysexits EX_USAGE: the command was used wrongly.
  static let usage = ExitCode(64)
  /// sysexits EX_DATAERR: the input data was incorrect.
  static let dataError = ExitCode(65)
  /// sysexits EX_NOINPUT: an input file did not exist or was not readable.
  static let noInput = ExitCode(66)
  /// sysexits EX_CANTCREAT: an output file could not be created.
  static let cantCreate = ExitCode(73)
  /// sysexits EX_IOERR: an error while reading or writing.
  static let ioError = ExitCode(74)
}
