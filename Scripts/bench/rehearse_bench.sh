#!/usr/bin/env bash
# Throughput of `rekindle rehearse`: 1,000 transcripts of 10 turns in one invocation, target < 1 s.
#
#   Scripts/bench/rehearse_bench.sh [--no-build] [--count N] [--turns N] [--runs N] [--seed S] [--keep]
#
#   --no-build   do not run `swift build -c release --product rekindle`; use the existing release binary
#   --count N    transcripts to generate (default 1000)
#   --turns N    turns per transcript (default 10)
#   --runs N     timed runs per mode; the median is reported (default 3)
#   --seed S     generator seed (default 20240607)
#   --keep       keep the generated transcripts (their directory is printed)
#   REKINDLE_BIN=/path/to/rekindle  use this binary (nothing is built)
#
# The transcripts are written to a temporary directory: half YAML (title, notes, turns, some with
# /back and /skip commands and expectations on the state of the first turn), half plain text, with
# replies drawn from the shipped Scripts/transcripts/*.yaml and varied (prefixes, suffixes, case,
# emoji, joined pairs). Two modes are timed, each over all the files in one process:
#   --check      expectations checked, one line per transcript (what CI runs)
#   (no flag)    every conversation rendered as the chat shows it (the heavier output)
# Output goes to /dev/null. It is a report: it exits 0 even when the target is missed, and 1 only
# when the binary fails (a crash, or --check finding a failed expectation).
set -euo pipefail
export LC_ALL=C.UTF-8

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
TARGET_SECONDS=1

BUILD=1
COUNT=1000
TURNS=10
RUNS=3
SEED=20240607
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --count) COUNT="$2"; shift ;;
    --turns) TURNS="$2"; shift ;;
    --runs) RUNS="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "rehearse_bench: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

if [[ -n "${REKINDLE_BIN:-}" ]]; then
  BIN="$REKINDLE_BIN"
else
  if [[ $BUILD -eq 1 ]]; then
    echo "building: swift build -c release --product rekindle"
    if ! build_log=$(cd "$ROOT" && swift build -c release --product rekindle 2>&1); then
      echo "$build_log" | tail -20 >&2
      echo "rehearse_bench: the release build failed" >&2
      exit 1
    fi
  fi
  BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/rekindle"
fi
[[ -x "$BIN" ]] || { echo "rehearse_bench: no binary at $BIN (build it, or drop --no-build)" >&2; exit 1; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/rekindle-rehearse-bench.XXXXXX")"
if [[ $KEEP -eq 0 ]]; then trap 'rm -rf "$WORK"' EXIT; fi

python3 - "$ROOT/Scripts/transcripts" "$WORK" "$COUNT" "$TURNS" "$SEED" <<'PY'
import glob, json, os, random, re, sys

src, out, count, turns, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
rng = random.Random(seed)
replies = []
for path in sorted(glob.glob(os.path.join(src, "*.yaml"))):
    for line in open(path, encoding="utf-8"):
        m = re.match(r'\s*- (?:reply: )?(".*")\s*$', line)
        if m:
            replies.append(json.loads(m.group(1)))
if not replies:
    sys.exit("rehearse_bench: no replies found in " + src)
prefixes = ["", "", "", "Honestly, ", "Look, ", "I mean, ", "Okay. ", "Well... ", "idk, "]
suffixes = ["", "", "", " I mean it.", " That's the truth.", " \U0001F614", " you know?", " Sorry.", " lol"]

def vary(reply):
    text = reply
    if rng.random() < 0.15:
        text = text + " " + rng.choice(replies)
    p = rng.choice(prefixes)
    if p and text[:1].isupper() and not text.startswith("I "):
        text = text[0].lower() + text[1:]
    text = p + text + rng.choice(suffixes)
    r = rng.random()
    if r < 0.05:
        text = text.upper()
    elif r < 0.15:
        text = text.lower()
    return text.replace("'", "\u2019") if rng.random() < 0.2 else text

names = []
for i in range(count):
    steps = []
    for _ in range(turns):
        r = rng.random()
        steps.append("/back" if r < 0.03 else "/skip" if r < 0.06 else vary(rng.choice(replies)))
    if i % 2 == 0:
        name = f"t{i:05d}.yaml"
        text = f"title: {json.dumps(f'Generated {i}')}\nnotes: \"Benchmark transcript.\"\nturns:\n"
        for k, step in enumerate(steps):
            if step in ("/back", "/skip"):
                text += f"  - command: {step[1:]}\n"
            elif k == 0:
                text += f"  - reply: {json.dumps(step, ensure_ascii=False)}\n    expect: {{ state: while_apart }}\n"
            else:
                text += f"  - {json.dumps(step, ensure_ascii=False)}\n"
    else:
        name = f"t{i:05d}.txt"
        text = "".join(s.replace("\n", " ") + "\n" for s in steps)
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)
    names.append(name)
with open(os.path.join(out, "files.txt"), "w") as f:
    f.write("\n".join(names) + "\n")
print(f"generated {count} transcripts of {turns} turns ({len(replies)} source replies) in {out}")
PY

mapfile -t FILES < "$WORK/files.txt"

# Runs the binary once over every file (in $WORK, with short relative names); prints the seconds.
time_run() {
  local start end status
  start=$(date +%s.%N)
  set +e
  (cd "$WORK" && "$BIN" rehearse "${FILES[@]}" "$@" --no-color >/dev/null 2>"$WORK/stderr")
  status=$?
  set -e
  end=$(date +%s.%N)
  if [[ $status -ne 0 ]]; then
    echo "rehearse_bench: rekindle rehearse $* exited $status" >&2
    head -c 2000 "$WORK/stderr" >&2
    exit 1
  fi
  python3 -c "print(f'{$end - $start:.4f}')"
}

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

echo "binary: $BIN"
status_line=""
for mode in check render; do
  args=()
  [[ $mode == check ]] && args=(--check)
  time_run "${args[@]}" >/dev/null   # warm-up (page cache)
  times=()
  for ((r = 0; r < RUNS; r++)); do times+=("$(time_run "${args[@]}")"); done
  med=$(median "${times[@]}")
  verdict=$(python3 -c "print('PASS' if $med < $TARGET_SECONDS else 'MISS')")
  rate=$(python3 -c "print(f'{$COUNT / $med:,.0f}')")
  label=$([[ $mode == check ]] && echo "rehearse --check" || echo "rehearse (rendered)")
  printf '%-20s %d transcripts x %d turns: median %.3f s of %d runs (%s), %s transcripts/s, target < %s s: %s\n' \
    "$label" "$COUNT" "$TURNS" "$med" "$RUNS" "${times[*]}" "$rate" "$TARGET_SECONDS" "$verdict"
  status_line+="$mode ${med}s $verdict; "
done
echo "SUMMARY: ${status_line% }"
[[ $KEEP -eq 1 ]] && echo "kept: $WORK"
exit 0
