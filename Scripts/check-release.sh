#!/usr/bin/env bash
# Release checks (README.md "Install"): the release binary built with a static Swift runtime runs
# alone, copied into an empty directory with an empty environment; and a throwaway package that
# depends on this one by path builds and calls the analyzer and the dialogue runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --static-swift-stdlib
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/rekindle"
if ldd "$binary" | grep -E 'libswift|libFoundation|libdispatch' >&2; then
  echo "check-release: the release binary links the Swift runtime dynamically" >&2
  exit 1
fi
mkdir "$work/alone"
cp "$binary" "$work/alone/"
out=$(cd "$work/alone" && echo "I'm so sorry, it was all my fault." | env -i ./rekindle analyze --format jsonl)
case "$out" in
  *'"id":"remorse"'*) echo "check-release: the release binary runs alone" ;;
  *) echo "check-release: unexpected output from the copied binary: $out" >&2; exit 1 ;;
esac

# Scripts/install.sh into a temporary prefix: a working binary, the man page and completions.
Scripts/install.sh "$work/prefix" >/dev/null
"$work/prefix/bin/rekindle" --version >/dev/null
for f in share/man/man1/rekindle.1 share/bash-completion/completions/rekindle share/zsh/site-functions/_rekindle \
  share/fish/vendor_completions.d/rekindle.fish; do
  [ -s "$work/prefix/$f" ] || { echo "check-release: install.sh did not write $f" >&2; exit 1; }
done
if command -v man >/dev/null 2>&1; then
  if MANWIDTH=80 man -l "$work/prefix/share/man/man1/rekindle.1" 2>&1 >/dev/null | grep . >&2; then
    echo "check-release: the man page renders with warnings" >&2
    exit 1
  fi
fi
echo "check-release: Scripts/install.sh installs a working binary, its man page and completions"

mkdir -p "$work/app/Sources/App"
cat > "$work/app/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
  name: "App",
  dependencies: [.package(path: "$root")],
  targets: [
    .executableTarget(
      name: "App",
      dependencies: [
        .product(name: "Signals", package: "$(basename "$root")"),
        .product(name: "Dialogue", package: "$(basename "$root")"),
        .product(name: "DialogueFormat", package: "$(basename "$root")"),
      ])
  ])
SWIFT
cat > "$work/app/Sources/App/main.swift" <<'SWIFT'
import Dialogue
import DialogueFormat
import Signals

let analyzer = Analyzer(lexicon: nil, reading: .lexiconOnly)
let analysis = analyzer.analyze("I'm so sorry, it was all my fault.", question: nil)
var engine = DialogueEngine(script: ScriptLoader.builtIn, analyzer: analyzer)
_ = try engine.start()
_ = try engine.reply("I messed up, I know that.")
print(analysis.signalIDs.map(\.rawValue).joined(separator: ","), engine.turns.count)
SWIFT
got=$(cd "$work/app" && swift run --scratch-path "$work/app/.build" -q App)
if [ "$got" != "remorse 1" ]; then
  echo "check-release: the package that depends on Rekindle printed: $got" >&2
  exit 1
fi
echo "check-release: a package that depends on this one by path builds and calls the analyzer"
