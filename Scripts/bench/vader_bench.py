#!/usr/bin/env python3
"""Time VADER (vaderSentiment) as the baseline for `rekindle analyze`.

Throughput mode (default):
  vader_bench.py CORPUS
    Imports VADER and builds the analyzer (not timed, reported apart), then
    times polarity_scores() on every line of CORPUS, read as a stream.
    Prints one JSON object:
      {"replies": n, "bytes": b, "seconds": s, "replies_per_s": r,
       "mb_per_s": m, "import_ms": i, "init_ms": c, "peak_rss_mib": p}
    MB = 1,000,000 bytes of the corpus file (newlines included).

Import mode:
  vader_bench.py --import-only [--runs 21]
    Starts a fresh interpreter --runs times and reports medians, in ms, of:
      import_ms   `from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer`
      init_ms     SentimentIntensityAnalyzer() (loads the lexicon)
      process_ms  wall time of the whole `python -c "<import; init>"` process,
                  i.e. what a user waits before VADER can score a first reply
      python_ms   wall time of a bare `python -c pass`, for reference
    as one JSON object.

Run it with the interpreter of the venv where vaderSentiment is installed.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

IMPORT_STMT = "from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer"

CHILD = (
    "import time\n"
    "t0 = time.perf_counter()\n"
    + IMPORT_STMT + "\n"
    "t1 = time.perf_counter()\n"
    "SentimentIntensityAnalyzer()\n"
    "t2 = time.perf_counter()\n"
    "print((t1 - t0) * 1e3, (t2 - t1) * 1e3)\n"
)


def peak_rss_mib():
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def throughput(path):
    t0 = time.perf_counter()
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    t1 = time.perf_counter()
    analyzer = SentimentIntensityAnalyzer()
    t2 = time.perf_counter()

    n = 0
    nbytes = 0
    score = analyzer.polarity_scores
    sink = 0.0
    with open(path, "rb") as f:
        start = time.perf_counter()
        for raw in f:
            nbytes += len(raw)
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            sink += score(line)["compound"]
            n += 1
        seconds = time.perf_counter() - start

    return {
        "replies": n,
        "bytes": nbytes,
        "seconds": round(seconds, 4),
        "replies_per_s": round(n / seconds, 1) if seconds > 0 else None,
        "mb_per_s": round(nbytes / 1e6 / seconds, 4) if seconds > 0 else None,
        "import_ms": round((t1 - t0) * 1e3, 2),
        "init_ms": round((t2 - t1) * 1e3, 2),
        "peak_rss_mib": round(peak_rss_mib(), 1),
        "compound_sum": round(sink, 3),
    }


def wall_ms(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, check=True)
    return (time.perf_counter() - t0) * 1e3, p.stdout


def import_only(runs):
    py = sys.executable
    # warm the page cache and the .pyc files once
    wall_ms([py, "-c", CHILD])
    wall_ms([py, "-c", "pass"])
    imp, init, proc, bare = [], [], [], []
    for _ in range(runs):
        ms, out = wall_ms([py, "-c", CHILD])
        a, b = out.split()
        imp.append(float(a))
        init.append(float(b))
        proc.append(ms)
        bare.append(wall_ms([py, "-c", "pass"])[0])
    med = lambda xs: round(statistics.median(xs), 2)
    return {
        "runs": runs,
        "import_ms": med(imp),
        "init_ms": med(init),
        "process_ms": med(proc),
        "python_ms": med(bare),
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description="Time VADER as a baseline.")
    ap.add_argument("corpus", nargs="?", help="corpus file, one reply per line")
    ap.add_argument("--import-only", action="store_true",
                    help="time the import in fresh interpreters instead")
    ap.add_argument("--runs", type=int, default=21, help="runs for --import-only (default 21)")
    a = ap.parse_args(argv)

    if a.import_only:
        res = import_only(a.runs)
    else:
        if not a.corpus:
            ap.error("a corpus file is needed (or --import-only)")
        if not os.path.exists(a.corpus):
            ap.error("no such file: %s" % a.corpus)
        res = throughput(a.corpus)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
