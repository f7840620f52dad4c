#!/usr/bin/env python3
"""Inter-reader agreement for the her-side corpus.

Compares the second reader's labels (agreement/second-reader.jsonl) with the original writers' labels in
train/h01-h03 and dev/h04. Per sign: Cohen's kappa, raw agreement and how many lines each reader gave the
sign; macro-average kappa; question agreement (exact id match, and Cohen's kappa over the question ids with
null as its own category). Refuses to open anything under /blind/.

Usage: python3 agreement.py [--out kappa.txt] [--disagreements]
       python3 agreement.py --second second-reader-2.jsonl --original ../train/h13.jsonl ... --out kappa-2.txt
(the second form compares another second reader's labels with the named files; when those carry a
`safety` field, safety agreement is reported too)
"""
import argparse, json, math, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.dirname(HERE)
ORIGINAL = [os.path.join(BASE, p) for p in
            ("train/h01.jsonl", "train/h02.jsonl", "train/h03.jsonl", "dev/h04.jsonl")]
SECOND = os.path.join(HERE, "second-reader.jsonl")
SIGNS = ["open_question", "calm", "patient", "validating", "i_statement", "boundary",
         "accusatory", "interrogating", "sarcastic", "pressing", "closed_question",
         "over_accommodating", "contempt"]


def safe_open(path):
    if "/blind/" in path.replace(os.sep, "/") or "/blind/" in os.path.realpath(path).replace(os.sep, "/"):
        raise PermissionError(f"refusing to open a path under /blind/: {path}")
    return open(path, encoding="utf-8")


def read_jsonl(path):
    with safe_open(path) as fh:
        return [json.loads(l) for l in fh if l.strip()]


def cohen_kappa(a, b):
    """Cohen's kappa for two equal-length lists of category labels (None is a category)."""
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    if pe == 1:
        return float("nan")  # both readers used one single category: kappa undefined
    return (po - pe) / (1 - pe)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(HERE, "kappa.txt"))
    ap.add_argument("--disagreements", action="store_true", help="print the lines each sign disagrees on")
    ap.add_argument("--second", default=SECOND, help="the second reader's labels")
    ap.add_argument("--original", nargs="+", default=ORIGINAL, help="the files with the writers' labels")
    ap.add_argument("--sample", default="random.Random(11) sample of train/h01-h03 + dev/h04",
                    help="how the sample was drawn (for the report)")
    args = ap.parse_args()
    if "/blind/" in os.path.abspath(args.out):
        sys.exit("refusing to write under /blind/")

    second = read_jsonl(args.second)
    orig = {}
    for p in args.original:
        for r in read_jsonl(p):
            orig[r["id"]] = r
    missing = [r["id"] for r in second if r["id"] not in orig]
    if missing:
        sys.exit(f"ids not found in the original files: {missing[:5]}")
    pairs = [(orig[r["id"]], r) for r in second]
    n = len(pairs)
    unknown = Counter(s for o, _ in pairs for s in o.get("signs") or [] if s not in SIGNS)
    unknown.update(s for _, r in pairs for s in r["signs"] if s not in SIGNS)

    rows, kappas = [], []
    for s in SIGNS:
        a = [s in (o.get("signs") or []) for o, _ in pairs]
        b = [s in r["signs"] for _, r in pairs]
        k = cohen_kappa(a, b)
        raw = sum(x == y for x, y in zip(a, b)) / n
        only_o = sum(x and not y for x, y in zip(a, b))
        only_s = sum(y and not x for x, y in zip(a, b))
        rows.append((s, k, raw, sum(a), sum(b), sum(x and y for x, y in zip(a, b)), only_o, only_s))
        if not math.isnan(k):
            kappas.append(k)
    macro = sum(kappas) / len(kappas)

    qa = [o.get("question") for o, _ in pairs]
    qb = [r["question"] for _, r in pairs]
    q_exact = sum(x == y for x, y in zip(qa, qb)) / n
    q_kappa = cohen_kappa(qa, qb)
    qa_nn = sum(x is not None for x in qa)
    qb_nn = sum(x is not None for x in qb)
    null_agree = sum((x is None) == (y is None) for x, y in zip(qa, qb)) / n
    exact_sets = sum(set(o.get("signs") or []) == set(r["signs"]) for o, r in pairs) / n

    out = []
    out.append(f"Her-side corpus: second reader vs original labels, n = {n} lines "
               f"({args.sample})")
    out.append("")
    out.append(f"{'sign':<20}{'kappa':>7}{'raw':>7}{'orig n':>8}{'2nd n':>7}{'both':>6}{'orig only':>11}{'2nd only':>10}")
    out.append("-" * 76)
    for s, k, raw, na, nb, both, oo, so in rows:
        ks = "   n/a" if math.isnan(k) else f"{k:6.3f}"
        out.append(f"{s:<20}{ks:>7}{raw:7.3f}{na:8d}{nb:7d}{both:6d}{oo:11d}{so:10d}")
    out.append("-" * 76)
    out.append(f"{'macro-average kappa':<20}{macro:7.3f}   (over {len(kappas)} signs)")
    out.append(f"exact same sign set on {exact_sets:.3f} of lines")
    out.append("")
    out.append("Question (14 ids + null)")
    out.append(f"  exact id match      {q_exact:.3f}  ({sum(x == y for x, y in zip(qa, qb))}/{n})")
    out.append(f"  Cohen's kappa       {q_kappa:.3f}  (null counted as a category)")
    out.append(f"  null vs not-null    {null_agree:.3f}  raw agreement; non-null: orig {qa_nn}, 2nd {qb_nn}")
    conf = Counter((x, y) for x, y in zip(qa, qb) if x != y)
    if conf:
        out.append("  question disagreements (orig -> 2nd): " +
                   ", ".join(f"{x}->{y} x{c}" for (x, y), c in conf.most_common()))
    if any("safety" in o for o, _ in pairs) and all("safety" in r for _, r in pairs):
        sa = [bool(o.get("safety")) for o, _ in pairs]
        sb = [bool(r["safety"]) for _, r in pairs]
        out.append("")
        out.append(f"Safety (her line speaks of danger): kappa {cohen_kappa(sa, sb):.3f}, raw "
                   f"{sum(x == y for x, y in zip(sa, sb)) / n:.3f}; true: orig {sum(sa)}, 2nd {sum(sb)}, both "
                   f"{sum(x and y for x, y in zip(sa, sb))}")
    if unknown:
        out.append(f"  WARNING: sign ids outside the 13: {dict(unknown)}")
    text = "\n".join(out) + "\n"
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)

    if args.disagreements:
        for s, *_ in rows:
            print(f"\n=== {s}")
            for o, r in pairs:
                a, b = s in (o.get("signs") or []), s in r["signs"]
                if a != b:
                    print(f"  {'orig' if a else '2nd '} only | {o['id']} | {o.get('before','')!r} | {o['line']}")


if __name__ == "__main__":
    main()
