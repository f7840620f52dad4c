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
    // Pure: the signal analyzer (lexicon, tokenizer, rules). No I/O.
    .target(name: "Signals"),
    // Pure: dialogue scripts, the conversation engine, snapshots and summaries. No I/O.
    .target(
      name: "Dialogue",
      dependencies: ["Signals", .product(name: "Yams", package: "Yams")]
    ),
    // GNU readline as a C module (Debian: libreadline-dev).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // The line reader: readline on a terminal, plain lines otherwise.
    .target(name: "LineEditor", dependencies: ["CReadline"]),
    // The thin executable: one subcommand per file.
    .executableTarget(
      name: "rekindle",
      dependencies: [
        "Signals", "Dialogue", "LineEditor",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "SignalsTests", dependencies: ["Signals"], resources: [.copy("Fixtures")]),
    .testTarget(name: "DialogueTests", dependencies: ["Dialogue", "Signals"]),
    .testTarget(name: "LineEditorTests", dependencies: ["LineEditor"]),
    .testTarget(name: "rekindleTests", dependencies: ["Signals", "Dialogue"]),
  ]
)
