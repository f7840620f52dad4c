import JSONText
import Authoring
import Dialogue
import DialogueFormat
import Foundation
import TestSupport
import XCTest

/// `rekindle schema`: valid JSON, a JSON Schema the built-in script and the worked example validate against.
final class SchemaTests: XCTestCase {
  private let validator = JSONSchemaValidator(root: ScriptSchema.json)

  func testSchemaIsValidJSON() throws {
    let parsed = try JSONSerialization.jsonObject(with: Data(ScriptSchema.text.utf8)) as? [String: Any]
    XCTAssertEqual(parsed?["$schema"] as? String, ScriptSchema.dialect)
    XCTAssertEqual(parsed?["type"] as? String, "object")
    XCTAssertEqual(Set((parsed?["required"] as? [String]) ?? []), ["format", "title", "start", "states"])
    let definitions = parsed?["$defs"] as? [String: Any]
    XCTAssertNotNil(definitions?["transition"])
    XCTAssertNotNil(definitions?["guard"])
    XCTAssertTrue(ScriptSchema.text.hasSuffix("}\n"))
  }

  func testSchemaUsesOnlyKeywordsTheValidatorKnows() {
    var unknown: Set<String> = []
    func walk(_ value: JSONValue, isSchema: Bool) {
      switch value {
      case .object(let pairs):
        for (key, member) in pairs {
          if isSchema && !JSONSchemaValidator.keywords.contains(key) && !JSONSchemaValidator.annotations.contains(key) {
            unknown.insert(key)
          }
          // `properties` and `$defs` hold names, whose values are schemas; `enum` and `const` hold data.
          if key == "enum" || key == "const" || key == "required" { continue }
          walk(member, isSchema: !(isSchema && (key == "properties" || key == "$defs")))
        }
      case .array(let items): for item in items { walk(item, isSchema: true) }
      default: break
      }
    }
    walk(ScriptSchema.json, isSchema: true)
    XCTAssertEqual(unknown, [])
  }

  func testBuiltInScriptValidates() throws {
    let instance = try YAMLToJSON.convert(try repositoryFile("Scripts/dialogues/default.yaml"))
    XCTAssertEqual(validator.validate(instance), [])
    XCTAssertEqual(try YAMLToJSON.convert(ScriptLoader.builtInText), instance)
  }

  func testWorkedExampleValidates() throws {
    XCTAssertEqual(validator.validate(try YAMLToJSON.convert(try repositoryFile("Scripts/dialogues/example.yaml"))), [])
  }

  func testBrokenScriptsDoNotValidate() throws {
    let broken = [
      cleanScript(replacing: "    yes_no: false", with: "    yesno: false"),
      cleanScript(replacing: "    group: 1", with: "    group: 9"),
      cleanScript(replacing: "any: [rebound]", with: "any: [rebund]"),
      cleanScript(replacing: "    ask: \"What did you do while we were apart?\"\n", with: ""),
      cleanScript(replacing: "    kind: end\n", with: "    kind: ending\n"),
      cleanScript(replacing: "format: rekindle-dialogue/1", with: "format: rekindle-dialogue/2"),
      cleanScript(replacing: "{ signals: { any: [rebound] } }", with: "{ tone: { above: 3 } }"),
    ]
    for yaml in broken {
      XCTAssertFalse(validator.validate(try YAMLToJSON.convert(yaml)).isEmpty, yaml)
      XCTAssertFalse(lint(yaml).isEmpty, "lint and the schema agree: \(yaml)")
    }
    XCTAssertEqual(validator.validate(try YAMLToJSON.convert(cleanScript)), [])
  }

  /// The schema is also checked with Python's `jsonschema` package (the reference validator), when installed.
  func testPythonJSONSchemaAgrees() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rekindle-schema-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let schema = folder.appendingPathComponent("schema.json")
    try ScriptSchema.text.write(to: schema, atomically: true, encoding: .utf8)
    var instances: [String] = []
    for (name, yaml) in [
      ("default", try repositoryFile("Scripts/dialogues/default.yaml")),
      ("example", try repositoryFile("Scripts/dialogues/example.yaml")),
      ("broken", cleanScript(replacing: "    group: 1", with: "    group: 9")),
    ] {
      let file = folder.appendingPathComponent("\(name).json")
      try (try YAMLToJSON.convert(yaml)).compact.write(to: file, atomically: true, encoding: .utf8)
      instances.append(file.path)
    }
    let program = """
      import json, sys
      try:
          import jsonschema
      except ImportError:
          sys.exit(77)
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      validator = jsonschema.Draft202012Validator(schema)
      for path in sys.argv[2:]:
          errors = list(validator.iter_errors(json.load(open(path))))
          print(path.rsplit("/", 1)[-1], len(errors))
      """
    let launcher = ChildLauncher(
      directory: FileManager.default.temporaryDirectory, environment: ProcessInfo.processInfo.environment)
    let result = launcher.finish(
      try launcher.start("/usr/bin/env", ["python3", "-c", program, schema.path] + instances), timeout: 120)
    let data = result.stdout
    if result.exitCode == 77 || result.exitCode == 127 {
      throw XCTSkip("python3 or its jsonschema package is not installed")
    }
    XCTAssertEqual(result.exitCode, 0)
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 3)
    XCTAssertEqual(lines.first, "default.json 0")
    XCTAssertEqual(lines.dropFirst().first, "example.json 0")
    XCTAssertNotEqual(lines.last, "broken.json 0")
  }
}
