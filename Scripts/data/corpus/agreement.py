#!/usr/bin/env python3
"""Second-reader agreement on the corpus.

  agreement.py sample N SEED OUT.jsonl FILE...   draw N replies (question, reply, id; no labels) for a second reader
  agreement.py kappa RELABELED.jsonl FILE...     Cohen's kappa per signal between the writers' labels and the second reader's
  agreement.py apply ADJUDICATED.jsonl FILE...   rewrite FILEs: adjudicated labels replace the writer's; dropped lines go

Only train and dev files are ever sampled: the blind split is not read by anyone on the team.
"""
import json, os, random, sys

SIGNALS = ["coldness", "blame", "doubt", "pressure", "self_focus", "rebound", "minimizing", "openness", "remorse",
           "patience", "gives_power_back", "empathy", "fear_of_loss", "growth", "safety"]

def load(paths):
    rows = {}
    for p in paths:
        if "/blind/" in p:
            sys.exit(f"refusing to read the blind split: {p}")
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    o = json.loads(line)
                    rows[o["id"]] = o
    return rows

def sample(n, seed, out, paths):
    rows = load(paths)
    ids = sorted(rows)
    random.Random(int(seed)).shuffle(ids)
    with open(out, "w", encoding="utf-8") as f:
        for i in sorted(ids[: int(n)]):
            o = rows[i]
            f.write(json.dumps({"id": i, "question": o.get("question", ""), "reply": o["reply"]}, ensure_ascii=False) + "\n")

def kappa(relabeled, paths):
    rows = load(paths)
    second = [json.loads(l) for l in open(relabeled, encoding="utf-8") if l.strip()]
    pairs = [(set(rows[o["id"]]["signals"]), set(o["signals"])) for o in second if o["id"] in rows]
    print(f"replies read twice: {len(pairs)}")
    exact = sum(a == b for a, b in pairs) / len(pairs)
    print(f"exact agreement on the whole label set: {exact:.3f}")
    print(f"{'signal':18} {'kappa':>6} {'agree':>6} {'first':>6} {'second':>6} {'both':>5}")
    kappas = []
    for s in SIGNALS:
        a = [s in x for x, _ in pairs]
        b = [s in y for _, y in pairs]
        n = len(pairs)
        po = sum(x == y for x, y in zip(a, b)) / n
        pa, pb = sum(a) / n, sum(b) / n
        pe = pa * pb + (1 - pa) * (1 - pb)
        k = 1.0 if pe == 1 else (po - pe) / (1 - pe)
        kappas.append(k)
        print(f"{s:18} {k:6.3f} {po:6.3f} {sum(a):6} {sum(b):6} {sum(x and y for x, y in zip(a, b)):5}")
    print(f"mean kappa {sum(kappas) / len(kappas):.3f}")

def apply(adjudicated, paths):
    # The one implementation, shared with the later rounds' adjudication (Scripts/data/adjudicate.py).
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import adjudicate
    adjudicate.apply("reply", adjudicated, paths)

if __name__ == "__main__":
    cmd, *args = sys.argv[1:]
    if cmd == "sample":
        sample(args[0], args[1], args[2], args[3:])
    elif cmd == "apply":
        apply(args[0], args[1:])
    elif cmd == "kappa":
        kappa(args[0], args[1:])
    else:
        sys.exit(__doc__)
