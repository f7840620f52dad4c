#!/usr/bin/env python3
"""How long `rekindle chat` takes to answer the first reply: the time from the moment the reply's line
(its Enter) reaches chat, with the first question already on screen for WAIT seconds, to the moment
the next question is printed. Piped, not at a terminal: readline's own echo is not part of it.

  first_reply_bench.py REKINDLE_BIN [RUNS] [WAIT]     prints one JSON line (milliseconds)
"""
import json, os, select, statistics, subprocess, sys, time

def read_until(proc, marker, buf, deadline):
    while marker not in buf:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(marker)
        ready, _, _ = select.select([proc.stdout], [], [], left)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                raise EOFError(marker)
            buf += chunk
    return buf

def one(binary, wait):
    proc = subprocess.Popen([binary, "chat", "--no-color"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    try:
        buf = read_until(proc, b"Ask: ", b"", time.monotonic() + 10)
        buf = read_until(proc, b"\n", buf[buf.index(b"Ask: "):], time.monotonic() + 10)
        time.sleep(wait)
        start = time.monotonic()
        proc.stdin.write(b"I worked a lot and stayed with my brother for a while.\n")
        proc.stdin.flush()
        read_until(proc, b"Ask: ", b"", time.monotonic() + 10)
        return (time.monotonic() - start) * 1000
    finally:
        proc.kill()
        proc.wait()

def main():
    binary = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
    wait = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
    times = [one(binary, wait) for _ in range(runs)]
    print(json.dumps({"runs": runs, "wait_s": wait, "median_ms": round(statistics.median(times), 2),
                      "max_ms": round(max(times), 2)}))

if __name__ == "__main__":
    main()
