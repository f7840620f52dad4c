// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Rekindle",
  products: [
    .executable(name: "rekindle", targets: ["rekindle"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
  ],
  targets: [
    // Pure: the one JSON module (escaping, writing, reading). No dependencies, no Foundation.
    .target(name: "JSONText"),
    // Pure: the signal analyzer (lexicon, tokenizer, rules). No I/O.
    .target(name: "Signals"),
    // Pure: dialogue scripts, the conversation engine, snapshots and summaries. No I/O.
    .target(
      name: "Dialogue",
      dependencies: ["Signals", .product(name: "Yams", package: "Yams")]
    ),
    // Pure: transcripts, replay through the engine, expectations, coverage.
    .target(name: "Rehearsal", dependencies: ["Dialogue", "Signals", "JSONText", .product(name: "Yams", package: "Yams")]),
    // GNU readline as a C module (Debian: libreadline-dev).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // The line reader: readline on a terminal, plain lines otherwise.
    .target(name: "LineEditor", dependencies: ["CReadline"]),
    // Pure: script authoring tools (linter, graphs, JSON Schema). No I/O.
    .target(name: "Authoring", dependencies: ["Dialogue", "Signals", "JSONText", .product(name: "Yams", package: "Yams")]),
    // The thin executable: one subcommand per file.
    .executableTarget(
      name: "rekindle",
      dependencies: [
        "Signals", "Dialogue", "LineEditor", "Rehearsal", "Authoring", "JSONText",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // A static Swift runtime: faster start-up, and the binary runs when copied alone anywhere.
      linkerSettings: [
        .unsafeFlags([
          "-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lCoreFoundation", "-lFoundationEssentials",
          "-lFoundationInternationalization", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization", "-ldispatch", "-lswiftDispatch", "-lBlocksRuntime",
          "-Xlinker", "--end-group", "-lstdc++",
        ], .when(configuration: .release))
      ]
    ),
    .testTarget(name: "JSONTextTests", dependencies: ["JSONText"]),
    .testTarget(name: "SignalsTests", dependencies: ["Signals"]),
    .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Signals"]),
    .testTarget(name: "RehearsalTests", dependencies: ["Rehearsal", "Dialogue", "Signals"]),
    .testTarget(
      name: "AuthoringTests",
      dependencies: ["Authoring", "Dialogue", "Signals", "JSONText", .product(name: "Yams", package: "Yams")]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(name: "rekindleTests", dependencies: ["Signals", "Dialogue"], exclude: ["Fixtures"]),
  ]
)
