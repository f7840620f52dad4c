import Signals

/// An error in a dialogue script or transcript, with the place in the file it points to.
public typealias ScriptError = SourceError
