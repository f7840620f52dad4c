// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Rekindle",
  products: [
    .executable(name: "rekindle", targets: ["rekindle"]),
    // For apps that embed Rekindle (a GUI, a phone app): the analyzer, the dialogue runtime and
    // the script format, and the JSON module. None of them does I/O or needs readline.
    .library(name: "Signals", targets: ["Signals"]),
    .library(name: "Dialogue", targets: ["Dialogue"]),
    .library(name: "DialogueFormat", targets: ["DialogueFormat"]),
    .library(name: "Practice", targets: ["Practice"]),
    .library(name: "JSONText", targets: ["JSONText"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
  ],
  targets: [
    // Pure: the one JSON module (escaping, writing, reading). No dependencies, no Foundation.
    .target(name: "JSONText"),
    // Pure: the signal analyzer (lexicon, tokenizer, rules, the learned model). No I/O.
    .target(name: "Signals"),
    // Pure: the dialogue runtime (scripts as values, the conversation engine, snapshots, summaries). No I/O.
    .target(name: "Dialogue", dependencies: ["Signals"]),
    // Pure: practice mode (she rehearses her side, Rekindle plays him): her-side signs, question
    // recognition, personas as values, the practice engine and its summary. No I/O.
    .target(name: "Practice", dependencies: ["Dialogue", "Signals"]),
    // Pure: the dialogue's file formats: scripts (YAML, limits, decoding with file:line:column
    // errors), personas, and session records (the event log).
    .target(
      name: "DialogueFormat",
      dependencies: ["Dialogue", "Practice", "Signals", "JSONText", .product(name: "Yams", package: "Yams")]
    ),
    // Pure: transcripts, replay through the engine, expectations, coverage.
    .target(name: "Rehearsal", dependencies: ["Dialogue", "DialogueFormat", "Practice", "Signals", "JSONText", .product(name: "Yams", package: "Yams")]),
    // GNU readline as a C module (Debian: libreadline-dev).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // The line reader: readline on a terminal, plain lines otherwise.
    .target(name: "LineEditor", dependencies: ["CReadline"]),
    // Pure: script authoring tools (linter, graphs, JSON Schema). No I/O.
    .target(name: "Authoring", dependencies: ["Dialogue", "DialogueFormat", "Practice", "Signals", "JSONText", .product(name: "Yams", package: "Yams")]),
    // The thin executable: one subcommand per file.
    .executableTarget(
      name: "rekindle",
      dependencies: [
        "Signals", "Dialogue", "DialogueFormat", "Practice", "LineEditor", "Rehearsal", "Authoring", "JSONText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The analyzer's time by stage (tokenize / match / rules / model), for Scripts/bench.sh. Not a product.
    .executableTarget(name: "StageBench", dependencies: ["Signals"], path: "Scripts/bench/StageBench"),
    // Shared by the end-to-end tests: the one process runner and the pseudo-terminal harness.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "JSONTextTests", dependencies: ["JSONText"]),
    .testTarget(name: "SignalsTests", dependencies: ["Signals"]),
    .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "DialogueFormat", "Signals"]),
    .testTarget(name: "PracticeTests", dependencies: ["Practice", "Dialogue", "DialogueFormat", "Signals"]),
    .testTarget(name: "DialogueFormatTests", dependencies: ["DialogueFormat", "Dialogue", "Signals"]),
    .testTarget(name: "RehearsalTests", dependencies: ["Rehearsal", "Dialogue", "DialogueFormat", "Practice", "Signals"]),
    .testTarget(
      name: "AuthoringTests",
      dependencies: [
        "Authoring", "Dialogue", "DialogueFormat", "Signals", "JSONText", "TestSupport",
        .product(name: "Yams", package: "Yams"),
      ]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor", "TestSupport"]),
    .testTarget(
      name: "rekindleTests", dependencies: ["Signals", "Dialogue", "DialogueFormat", "Practice", "TestSupport"], exclude: ["Fixtures"]),
  ]
)
