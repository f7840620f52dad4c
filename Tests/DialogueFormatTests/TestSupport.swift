import Dialogue
import DialogueFormat
import XCTest

/// Loads an inline test script, failing the test with the loader's message when it does not load.
func loadScript(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) throws -> DialogueScript {
  do {
    return try ScriptLoader.load(yaml, file: "test.yaml")
  } catch {
    XCTFail("script did not load: \(error)", file: file, line: line)
    throw error
  }
}

/// The error the loader reports for `yaml`, or nil when it loads.
func loadError(_ yaml: String, file: String = "broken.yaml") -> ScriptError? {
  do {
    _ = try ScriptLoader.load(yaml, file: file)
    return nil
  } catch {
    return error
  }
}
