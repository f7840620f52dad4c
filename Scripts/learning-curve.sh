#!/usr/bin/env bash
# The learning curve: trains on 25%, 50% and 100% of the train split (thresholds on dev, as the
# shipped model), and scores each model on the blind split. Tells whether more data would still help.
# Reads the blind split only through `rekindle eval --no-misses`: scores, never lines.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=Scripts/data/corpus
swift build -c release --static-swift-stdlib --product rekindle >&2
bin=$(swift build -c release --show-bin-path)/rekindle
dev_args=()
for f in "$corpus"/dev/*.jsonl; do dev_args+=(--dev "$f"); done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '%-9s %8s %9s %14s %17s\n' share replies macro-F1 safety-recall safety-precision
for share in 0.25 0.5 1; do
  "$bin" train "$corpus"/train/*.jsonl "${dev_args[@]}" --seed 1 --orders 3 --min-count 4 --safety-ask-rate 0.12 --fraction "$share" --out "$tmp/m.model" > "$tmp/train.txt"
  replies=$(sed -n 's/^Trained on \([0-9]*\) replies.*/\1/p' "$tmp/train.txt")
  "$bin" eval "$corpus"/blind/*.jsonl --model "$tmp/m.model" --format json --no-misses > "$tmp/eval.json"
  python3 -c "
import json,sys
r=json.load(open('$tmp/eval.json'))
print('%-9s %8s %9.3f %14.3f %17.3f' % ('$share', '$replies', r['macro_f1'], r['safety_recall'], r['safety_precision']))"
  rm -f "$tmp/m.model"
done
