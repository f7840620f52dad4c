#!/usr/bin/env python3
"""Adjudication of second-reader disagreements, for both corpora.

  adjudicate.py disagreements reply|her > OUT.jsonl
      every line read twice (agreement/second-reader*.jsonl) where the two readers' labels differ and that no
      third reader has settled yet (agreement/adjudicated*.jsonl); reader_1 is the writer, reader_2 the second
      reader (the third reader is not told which is which)
  adjudicate.py apply reply|her ADJUDICATED.jsonl
      rewrite the train and dev files: the third reader's labels replace the writer's, dropped lines go, and
      every settled line is marked "adjudicated": true

Only train and dev files are read or written: the blind split is not read by anyone on the team.
"""
import glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SIDES = {
    "reply": dict(base="corpus", labels="signals", text="reply",
                  ids=["coldness", "blame", "doubt", "pressure", "self_focus", "rebound", "minimizing", "openness",
                       "remorse", "patience", "gives_power_back", "empathy", "fear_of_loss", "growth", "safety"]),
    "her": dict(base="her-corpus", labels="signs", text="line",
                ids=["open_question", "calm", "patient", "validating", "i_statement", "boundary", "accusatory",
                     "interrogating", "sarcastic", "pressing", "closed_question", "over_accommodating", "contempt"]),
}
QUESTIONS = {"while_apart", "why_back", "when_realized", "dated_anyone", "why_ended", "still_feelings",
             "what_learned", "what_different", "going_slowly", "understand_hurt", "hurt_in_your_words",
             "need_time", "if_over", "follow_up", None}

def files(side):
    base = os.path.join(HERE, SIDES[side]["base"])
    return sorted(glob.glob(os.path.join(base, "train", "*.jsonl")) + glob.glob(os.path.join(base, "dev", "*.jsonl")))

def jsonl(path):
    if "/blind/" in path:
        sys.exit(f"refusing to read the blind split: {path}")
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

def disagreements(side):
    s = SIDES[side]
    agreement = os.path.join(HERE, s["base"], "agreement")
    rows = {o["id"]: o for p in files(side) for o in jsonl(p)}
    settled = {o["id"] for p in glob.glob(os.path.join(agreement, "adjudicated*.jsonl")) for o in jsonl(p)}
    seen = set()
    for p in sorted(glob.glob(os.path.join(agreement, "second-reader*.jsonl"))):
        for o in jsonl(p):
            i = o["id"]
            if i not in rows or i in settled or i in seen:
                continue
            seen.add(i)
            w = rows[i]
            a, b = sorted(w[s["labels"]]), sorted(o[s["labels"]] if s["labels"] in o else o["signals"])
            d = {"id": i}
            if side == "her":
                qa, qb = w.get("question"), o.get("question", w.get("question"))
                if a == b and qa == qb:
                    continue
                d.update(before=w.get("before", ""), line=w["line"], reader_1=a, reader_2=b, question_1=qa,
                         question_2=qb)
            else:
                if a == b:
                    continue
                d.update(question=w.get("question", ""), reply=w["reply"], reader_1=a, reader_2=b)
            print(json.dumps(d, ensure_ascii=False))

def apply(side, adjudicated, paths=None):
    """Rewrites `paths` (the side's train and dev files when None) with the third reader's decisions."""
    s = SIDES[side]
    decisions = {o["id"]: o for o in jsonl(adjudicated)}
    for o in decisions.values():
        bad = [x for x in o[s["labels"]] if x not in s["ids"]]
        if bad or (side == "her" and o.get("question") not in QUESTIONS):
            sys.exit(f"{adjudicated}: {o['id']}: unknown label {bad or o.get('question')}")
    changed = dropped = 0
    for p in paths if paths is not None else files(side):
        out = []
        for o in jsonl(p):
            d = decisions.get(o["id"])
            if d is None:
                out.append(o)
                continue
            if d.get("drop"):
                dropped += 1
                continue
            new = [x for x in s["ids"] if x in d[s["labels"]]]
            if sorted(new) != sorted(o[s["labels"]]):
                o[s["labels"]] = new
                changed += 1
            elif side == "her" and d.get("question") != o.get("question"):
                changed += 1
            if side == "her":
                o["question"] = d.get("question")
            elif "safety" in new:
                o["kind"] = "safety"
            elif o.get("kind") == "safety":
                o["kind"] = "near_miss"
            elif o.get("kind") in ("positive", "hard_negative"):
                o["kind"] = "positive" if new else "hard_negative"
            o["adjudicated"] = True
            out.append(o)
        tmp = p + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            for o in out:
                f.write(json.dumps(o, ensure_ascii=False) + "\n")
        os.replace(tmp, p)
    print(f"{side}: labels changed on {changed} lines, {dropped} lines dropped, of {len(decisions)} settled")

if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "disagreements" and args[1] in SIDES:
        disagreements(args[1])
    elif len(args) == 3 and args[0] == "apply" and args[1] in SIDES:
        apply(args[1], args[2])
    else:
        sys.exit(__doc__)
