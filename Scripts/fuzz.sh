#!/usr/bin/env bash
# Builds the libFuzzer targets (Scripts/fuzz/*.swift) against the package's modules, compiled with
# -sanitize=fuzzer,address (or, with --plain, -sanitize=fuzzer alone: several times the executions
# per second, for depth), and runs each for a given time or number of executions.
#
#   Scripts/fuzz.sh [-t SECONDS] [-n RUNS | --runs RUNS] [-j JOBS] [--plain] [TARGET...]
#
#   TARGET   analyzer, script, transcript, record, lexicon, practice (default: all, one after the other)
#   -t       seconds per target (default 60); -n/--runs: stop after RUNS executions instead (e.g. 10000000)
#   -j       parallel fuzzing processes per target (default 1): with -n, J independent processes
#            sharing the corpus, each running RUNS/J executions (no restarts: the most executions per
#            second); with -t, libFuzzer -fork
#   --plain  no AddressSanitizer (build in .build-fuzz-plain/)
#   -b       build only
#
# Exit status: 0 when no target crashed, 1 when one did (or the build failed), 3 when the Swift
# toolchain cannot build libFuzzer targets, 64 for a usage error.
#
# Everything lives under .build-fuzz/ (git-ignored): the instrumented build, the binaries in bin/,
# the corpus kept between runs in corpus/TARGET/ (seeded from the shipped dialogue, transcripts and
# labeled replies), and any crashing inputs in crashers/TARGET/. A crasher is replayed with
#   .build-fuzz/bin/fuzz-TARGET .build-fuzz/crashers/TARGET/crash-...
# Prints executions per second and the totals per target; exits 1 when a target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=60
runs=""
jobs=1
build_only=0
sanitize="fuzzer,address"
root=.build-fuzz
# Long options first (getopts reads only short ones).
args=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --plain) sanitize="fuzzer"; root=.build-fuzz-plain; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
set -- ${args[@]+"${args[@]}"}
while getopts "t:n:j:bh" option; do
  case $option in
    t) seconds=$OPTARG ;;
    n) runs=$OPTARG ;;
    j) jobs=$OPTARG ;;
    b) build_only=1 ;;
    *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 64 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(analyzer script transcript record lexicon practice)

scratch=$root
bin=$root/bin
mkdir -p "$bin"

# 0. Can this toolchain build libFuzzer targets at all? (Exit 3 when not, so CI can tell a missing
#    capability from a crash, status 1.)
cat >"$root/probe.swift" <<'SWIFT'
@_cdecl("LLVMFuzzerTestOneInput") public func probe(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt { 0 }
SWIFT
if ! swiftc -sanitize=$sanitize -parse-as-library "$root/probe.swift" -o "$root/probe" >"$root/probe.log" 2>&1; then
  echo "fuzz: this Swift toolchain cannot build libFuzzer targets (swiftc -sanitize=fuzzer); see $root/probe.log" >&2
  exit 3
fi

# 1. The package's library modules, instrumented for coverage and with AddressSanitizer.
#    (Only libraries are built: libFuzzer provides main, the fuzz targets are linked below.)
echo "fuzz: building the instrumented modules (swift build --scratch-path $scratch -c release)..." >&2
swift build --scratch-path "$scratch" -c release --target Rehearsal \
  -Xswiftc -sanitize=$sanitize -Xcc -fsanitize=${sanitize/fuzzer/fuzzer-no-link} >"$root/build.log" 2>&1 || {
  tail -30 "$root/build.log" >&2
  echo "fuzz: the build failed (log: $root/build.log)" >&2
  exit 1
}
release=$(cd "$scratch/release" && pwd -P)

# The object files SwiftPM made for a target (from its output file map; C targets: every .o).
objects() {
  local map="$release/$1.build/output-file-map.json"
  if [ -f "$map" ]; then
    grep -o '"object": *"[^"]*"' "$map" | sed 's/.*"\([^"]*\)"$/\1/' | while read -r o; do [ -f "$o" ] && echo "$o"; done
  else
    find "$release/$1.build" -name '*.o'
  fi
}
objs=()
for module in JSONText Signals Dialogue Practice DialogueFormat Rehearsal Yams CYaml; do
  while read -r o; do objs+=("$o"); done < <(objects "$module")
done
modulemap=$(find "$scratch/checkouts" -path '*CYaml/include/module.modulemap' | head -1)

# 2. One executable per target.
declare -A sources=([analyzer]=FuzzAnalyzer [script]=FuzzScriptLoader [transcript]=FuzzTranscriptLoader
  [record]=FuzzRecordReader [lexicon]=FuzzLexiconParser [practice]=FuzzPractice)
for target in "${targets[@]}"; do
  source=${sources[$target]:-}
  if [ -z "$source" ]; then
    echo "fuzz: unknown target '$target' (analyzer, script, transcript, record, lexicon, practice)" >&2
    exit 64
  fi
  swiftc -sanitize=$sanitize -parse-as-library -O -g -module-name "$source" \
    -I "$release/Modules" -Xcc -fmodule-map-file="$modulemap" \
    "Scripts/fuzz/$source.swift" "${objs[@]}" -o "$bin/fuzz-$target" 2>&1 | grep -v 'Cannot export local symbol' >&2 || true
  [ -x "$bin/fuzz-$target" ] || { echo "fuzz: linking fuzz-$target failed" >&2; exit 1; }
done
[ "$build_only" = 1 ] && { echo "fuzz: built ${targets[*]} in $bin" >&2; exit 0; }

# 3. Seeds: what the program is meant to read.
seed() {
  local target=$1 dir=$root/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    analyzer)
      local n=0
      for f in Scripts/data/corpus/dev/*.jsonl; do  # the dev split (never the blind one)
        # The first 400 lines of each file; no `head` in the pipe (its early close would be a SIGPIPE under pipefail).
        sed -n '1,400{s/.*"reply": *"\([^"]*\)".*/\1/p;}' "$f" | while IFS= read -r line; do
          n=$((n + 1)); printf '%s' "$line" >"$dir/$(basename "$f" .jsonl)-$n.txt"
        done
      done
      printf '\x01When did you realize?\nIt was your birthday.' >"$dir/with-question.txt" ;;
    script) cp Scripts/dialogues/*.yaml Scripts/fuzz/seeds/small-script.yaml "$dir/" ;;
    transcript) cp Scripts/transcripts/*.yaml Scripts/fuzz/seeds/small-transcript.yaml Scripts/fuzz/seeds/small-plain.txt "$dir/" ;;
    practice) cp Scripts/personas/*.yaml "$dir/" && cp Scripts/transcripts/practice/cold.yaml "$dir/transcript-cold.yaml" ;;
    record) cp Scripts/fuzz/seeds/small-record.jsonl Tests/rekindleTests/Fixtures/record-v1.jsonl "$dir/" ;;
    lexicon)
      cp Scripts/fuzz/seeds/small-lexicon.txt "$dir/"
      # The shipped lexicon in slices of 60 lines (the whole of it is longer than -max_len).
      split -l 60 -d Scripts/data/lexicon.txt "$dir/lexicon-part-" ;;
  esac
}

# The Swift runtime's own crash backtracer would take the signal before libFuzzer saves the input.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
export ASAN_OPTIONS=${ASAN_OPTIONS:-"detect_leaks=0:allocator_may_return_null=1"}
status=0
summary=()
total=0
for target in "${targets[@]}"; do
  seed "$target"
  corpus=$root/corpus/$target
  crashers=$root/crashers/$target
  mkdir -p "$corpus" "$crashers"
  options=(-print_final_stats=1 -timeout=20 -rss_limit_mb=2560 -artifact_prefix="$crashers/" -detect_leaks=0)
  if [ -n "$runs" ]; then options+=(-runs="$runs"); else options+=(-max_total_time="$seconds"); fi
  case $target in
    analyzer) options+=(-max_len=4096) ;;
    record) options+=(-max_len=8192 -dict=Scripts/fuzz/record.dict) ;;
    lexicon) options+=(-max_len=8192 -dict=Scripts/fuzz/lexicon.dict) ;;
    *) options+=(-max_len=8192 -dict=Scripts/fuzz/yaml.dict) ;;  # the built-in script (30 KB) is cut short
  esac
  split_runs=0
  if [ "$jobs" -gt 1 ] && [ -n "$runs" ]; then
    split_runs=1
    options=("${options[@]/#-runs=*/-runs=$(( (runs + jobs - 1) / jobs ))}")
  elif [ "$jobs" -gt 1 ]; then
    options+=(-fork="$jobs" -ignore_crashes=1)
  fi
  log=$root/fuzz-$target.log
  # Crashes, leaks, timeouts and out-of-memory inputs fail the run; slow-unit-* files (over 10 s,
  # often just a machine that was busy) are kept and mentioned.
  failures() { find "$crashers" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l; }
  before=$(failures)
  slow_before=$(find "$crashers" -type f -name 'slow-unit-*' | wc -l)
  echo "fuzz: $target: $([ -n "$runs" ] && echo "$runs runs" || echo "$seconds s"), corpus $corpus, log $log" >&2
  started=$(date +%s.%N)
  set +e
  if [ "$split_runs" = 1 ]; then
    # J processes, each with its own seed and log; the corpus directory is shared.
    pids=()
    for k in $(seq 1 "$jobs"); do
      "$bin/fuzz-$target" "${options[@]}" -seed="$k" "$corpus" "$root/seeds/$target" >"$log.$k" 2>&1 &
      pids+=($!)
    done
    code=0
    for pid in "${pids[@]}"; do wait "$pid" || code=$?; done
    cat "$log".[0-9]* >"$log"
  else
    "$bin/fuzz-$target" "${options[@]}" "$corpus" "$root/seeds/$target" >"$log" 2>&1
    code=$?
  fi
  set -e
  elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  # Executions: the final stats, or (with -fork) the last progress line.
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | awk '{ n += $1 } END { if (NR) print n }')
  [ -z "$execs" ] && execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  execs=${execs:-0}
  after=$(failures)
  slow=$(($(find "$crashers" -type f -name 'slow-unit-*' | wc -l) - slow_before))
  rate=$(awk -v n="$execs" -v t="$elapsed" 'BEGIN { printf "%d", (t > 0 ? n / t : 0) }')
  total=$((total + execs))
  result="ok"
  [ "$slow" -gt 0 ] && result="ok ($slow slow input(s) kept in $crashers/)"
  if [ "$code" -ne 0 ] || [ "$after" -gt "$before" ]; then
    result="CRASH (exit $code; $((after - before)) new input(s) in $crashers/)"
    grep -m3 -E 'ERROR|Fatal error|SUMMARY' "$log" >&2 || true
    status=1
  fi
  line=$(printf '%-10s %12s executions  %8s exec/s  %6.0f s  corpus %5s  %s' \
    "$target" "$execs" "$rate" "$elapsed" "$(find "$corpus" -type f | wc -l)" "$result")
  echo "$line"
  summary+=("$line")
done
echo "fuzz: total $total executions over ${#targets[@]} target(s)$([ $status -ne 0 ] && echo '; CRASHES FOUND')"
exit $status
