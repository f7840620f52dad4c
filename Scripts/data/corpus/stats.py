#!/usr/bin/env python3
"""Counts and checks corpus files: per-signal positives (implied), kinds, safety kinds, duplicates.

Usage: Scripts/data/corpus/stats.py FILE.jsonl [FILE.jsonl ...]   (prints counts only, never the lines)
"""
import collections, json, sys

SIGNALS = ["coldness", "blame", "doubt", "pressure", "self_focus", "rebound", "minimizing", "openness", "remorse",
           "patience", "gives_power_back", "empathy", "fear_of_loss", "growth", "safety"]
KINDS = {"positive", "hard_negative", "safety", "near_miss"}

def main(paths):
    pos, implied, kinds, skinds, regs = (collections.Counter() for _ in range(5))
    seen, errors, total, duplicates = set(), 0, 0, 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                total += 1
                try:
                    o = json.loads(line)
                    sig = o["signals"]
                    assert isinstance(o["reply"], str) and o["reply"].strip(), "empty reply"
                    assert isinstance(o.get("question", ""), str), "question"
                    bad = [s for s in sig if s not in SIGNALS]
                    assert not bad, f"unknown signals {bad}"
                    kind = o.get("kind", "legacy")  # the first version's files have no kind
                    assert kind in KINDS or kind == "legacy", f"kind {kind!r}"
                    assert kind == "legacy" or ("safety" in sig) == (kind == "safety"), "kind safety iff signal safety"
                    if kind == "positive":
                        assert sig, "positive without signals"
                except Exception as e:  # noqa: BLE001
                    errors += 1
                    print(f"{path}:{n}: {e}", file=sys.stderr)
                    continue
                key = o["reply"].strip().lower()
                if key in seen:
                    duplicates += 1
                seen.add(key)
                kinds[kind] += 1
                regs[o.get("register", "?")] += 1
                if o.get("safety_kind"):
                    skinds[o["safety_kind"]] += 1
                for s in sig:
                    pos[s] += 1
                    if o.get("implied"):
                        implied[s] += 1
    print(f"lines {total}, errors {errors}, replies repeated word for word {duplicates}")
    print("kinds:", dict(kinds))
    print("safety kinds:", dict(sorted(skinds.items())))
    print("registers:", dict(regs.most_common(12)))
    for s in SIGNALS:
        print(f"  {s:18} {pos[s]:5} positives, {implied[s]:5} implied")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
