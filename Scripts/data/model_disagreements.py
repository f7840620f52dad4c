#!/usr/bin/env python3
"""Training lines whose label a model trained without them confidently contradicts, for a third reader.

  model_disagreements.py reply|her REKINDLE OUT.jsonl [--margin M] [--signs a,b,...] [--seed S]

The train split is cut into four folds by file (its files, sorted, every fourth one: one writer each,
except the first version's legacy files, which hold several); a model is trained on three folds with the
shipped model's options but a single example order (thresholds on dev) and reads the fourth. A line is listed
when, for one of --signs, the label says yes and the held-out model's probability is below M times the
sign's threshold, or the label says no and the probability is at least threshold + (1 - M) * (1 - threshold)
(and the held-out reading differs from the label on that sign): a confident contradiction, not a near miss. Lines a third reader already settled ("adjudicated") are
left out. Each listed line carries the writer's set and the held-out model's set as reader_1 and
reader_2 in an order drawn by --seed (the third reader is not told which is which), in the format of
`adjudicate.py disagreements`; settle them into an adjudicated file and `adjudicate.py apply` it.

Only train and dev files are read: the blind split is not read by anyone on the team.
"""
import argparse, glob, json, os, random, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import adjudicate  # noqa: E402

FOLDS = 4


def run(cmd, out=None):
    with open(out, "w") if out else open(os.devnull, "w") as f:
        subprocess.run(cmd, check=True, stdout=f, stderr=subprocess.STDOUT)


def reply_readings(binary, train, dev, tmp):
    """(id, probabilities, thresholds, read set) for every train reply, from held-out fold models."""
    for k in range(FOLDS):
        held = train[k::FOLDS]
        rest = [p for p in train if p not in held]
        model, log = os.path.join(tmp, f"reply-{k}.model"), os.path.join(tmp, f"reply-{k}.log")
        run([binary, "train", *rest, *sum((["--dev", d] for d in dev), []), "--seed", "1", "--orders", "1",
             "--min-count", "4", "--safety-ask-rate", "0.12", "--out", model, "--force"], log)
        text = open(log).read()
        thresholds = {m.group(1): float(m.group(2))
                      for m in re.finditer(r"^\s+(\w+)\s+threshold ([\d.]+)", text, re.M)}
        ask = re.search(r"ask her\s+threshold ([\d.]+)", text)
        if ask is None or len(thresholds) < len(adjudicate.SIDES["reply"]["ids"]):
            sys.exit(f"model_disagreements.py: no thresholds in the training log {log}")
        thresholds["safety"] = float(ask.group(1))
        joined = os.path.join(tmp, f"held-{k}.jsonl")
        with open(joined, "w") as f:
            for p in held:
                f.write(open(p, encoding="utf-8").read())
        scores = os.path.join(tmp, f"scores-{k}.jsonl")
        with open(joined) as src, open(scores, "w") as dst:
            subprocess.run([binary, "analyze", "--input", "jsonl", "--format", "jsonl", "--scores", "--model", model],
                           check=True, stdin=src, stdout=dst)
        for line in open(scores, encoding="utf-8"):
            o = json.loads(line)
            yield o["id"], o["scores"], thresholds, {s["id"] for s in o["signals"]}


MISS = re.compile(r"^\s+(\S+): expected \[(.*?)\] (\S+), got \[(.*?)\] (\S+)\s+\((.*)\)$")


def her_readings(binary, train, dev, tmp):
    """(id, probabilities, thresholds, read set) of the signs read differently, from held-out fold models."""
    for k in range(FOLDS):
        held = train[k::FOLDS]
        rest = [p for p in train if p not in held]
        tone, questions = os.path.join(tmp, f"her-{k}.model"), os.path.join(tmp, f"q-{k}.model")
        run([binary, "practice", "train", *rest, *sum((["--dev", d] for d in dev), []), "--seed", "1", "--orders", "1",
             "--out", tone, "--questions-out", questions, "--force"])
        misses = os.path.join(tmp, f"misses-{k}.txt")
        with open(misses, "w") as f:
            subprocess.run([binary, "practice", "eval", *held, "--model", tone, "--questions-model", questions,
                            "--misses"], check=True, stdout=f, stderr=subprocess.STDOUT)
        text = open(misses, encoding="utf-8").read()
        if "Read differently:" not in text:
            sys.exit(f"model_disagreements.py: no list of misses in {misses}")
        for line in text.splitlines():
            m = MISS.match(line.rstrip("\n"))
            if not m:
                continue
            probabilities, thresholds = {}, {}
            for part in m.group(6).split(", "):
                sign, value = part[1:].split(" ")
                p, t = value.split("/")
                probabilities[sign], thresholds[sign] = float(p), float(t)
            yield m.group(1), probabilities, thresholds, {x for x in m.group(4).split(",") if x}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("side", choices=["reply", "her"])
    ap.add_argument("binary")
    ap.add_argument("out")
    ap.add_argument("--margin", type=float, default=0.2)
    ap.add_argument("--signs", default="")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    s = adjudicate.SIDES[a.side]
    base = os.path.join(HERE, s["base"])
    train = sorted(glob.glob(os.path.join(base, "train", "*.jsonl")))
    dev = sorted(glob.glob(os.path.join(base, "dev", "*.jsonl")))
    signs = a.signs.split(",") if a.signs else s["ids"]
    unknown = [x for x in signs if x not in s["ids"]]
    if unknown:
        sys.exit(f"model_disagreements.py: unknown sign {unknown[0]!r}")
    rows = {o["id"]: o for p in train for o in adjudicate.jsonl(p)}
    rng = random.Random(a.seed)
    listed = []
    with tempfile.TemporaryDirectory() as tmp:
        readings = (reply_readings if a.side == "reply" else her_readings)(a.binary, train, dev, tmp)
        for i, probabilities, thresholds, read in readings:
            w = rows[i]
            labels = set(w[s["labels"]])
            if w.get("adjudicated") or labels == read:
                continue
            confident = False
            for sign in signs:
                if sign not in probabilities or (sign in labels) == (sign in read):
                    continue
                p, t = probabilities[sign], thresholds[sign]
                if (sign in labels and p < t * a.margin) or (sign not in labels and p >= t + (1 - t) * (1 - a.margin)):
                    confident = True
            if not confident:
                continue
            r1, r2 = sorted(labels), sorted(read)
            if rng.random() < 0.5:
                r1, r2 = r2, r1
            d = {"id": i}
            if a.side == "her":
                d.update(before=w.get("before", ""), line=w["line"], reader_1=r1, reader_2=r2,
                         question_1=w.get("question"), question_2=w.get("question"))
            else:
                d.update(question=w.get("question", ""), reply=w["reply"], reader_1=r1, reader_2=r2)
            listed.append(d)
    with open(a.out, "w", encoding="utf-8") as f:
        for d in listed:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"{a.side}: {len(listed)} train lines a held-out model confidently reads otherwise, in {a.out}")


if __name__ == "__main__":
    main()
