#!/usr/bin/env python3
"""Median wall time of a short command, stdin from /dev/null.

  startup_bench.py [--runs 21] [--timeout 10] -- CMD [ARGS...]

Runs CMD once untimed (warm-up), then --runs times, each timed with
time.perf_counter() around subprocess.run(). Prints one JSON object:
  {"ok": true, "runs": n, "median_ms": m, "min_ms": a, "max_ms": b}
or, if the warm-up or any run exits non-zero or times out:
  {"ok": false, "rc": code, "timeout": bool, "output": "first 300 chars of stdout+stderr"}
(rc is negative when the command was killed by a signal).
The exit status of this helper is 0 in both cases; 2 on bad usage.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time


def run_once(cmd, timeout):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=timeout)
    return (time.perf_counter() - t0) * 1e3, p


def main(argv=None):
    ap = argparse.ArgumentParser(description="Median start-up time of a command.")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per run")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args(argv)
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        ap.error("no command given")

    times = []
    for i in range(a.runs + 1):
        try:
            ms, p = run_once(cmd, a.timeout)
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"") + (e.stderr or b"")
            print(json.dumps({"ok": False, "rc": None, "timeout": True,
                              "output": out.decode("utf-8", "replace")[:300]}))
            return 0
        except OSError as e:
            print(json.dumps({"ok": False, "rc": None, "timeout": False, "output": str(e)}))
            return 0
        if p.returncode != 0:
            out = p.stdout + p.stderr
            print(json.dumps({"ok": False, "rc": p.returncode, "timeout": False,
                              "output": out.decode("utf-8", "replace")[:300]}))
            return 0
        if i > 0:  # run 0 is the warm-up
            times.append(ms)

    print(json.dumps({
        "ok": True,
        "runs": len(times),
        "median_ms": round(statistics.median(times), 3),
        "min_ms": round(min(times), 3),
        "max_ms": round(max(times), 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
