#!/usr/bin/env bash
# Rekindle performance benchmark: `rekindle analyze --format jsonl` against VADER.
#
#   Scripts/bench.sh [--quick] [--no-build] [--count N] [--seed S]
#
#   --quick      20,000 replies instead of 200,000 (fast check)
#   --no-build   do not run `swift build`; use the existing release binary
#   --count N    corpus size (overrides --quick)
#   --seed S     corpus seed (default 20240607)
#   REKINDLE_BIN=/path/to/rekindle  use this binary (implies nothing is built)
#
# Everything it makes lives in .build-bench/ (venv, cached corpora), which is
# gitignored. It is a report: it exits 0 even when targets are missed, and
# non-zero only when something crashes. See Scripts/bench/README.md.
set -euo pipefail
export LC_ALL=C

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
BENCH="$SCRIPT_DIR/bench"
WORK="$ROOT/.build-bench"
VENV="$WORK/venv"
VADER_REQ="vaderSentiment==3.3.2"

# targets
T_RATIO=20          # rekindle replies/s over VADER replies/s, at least
T_RSS_MIB=24        # rekindle peak RSS, at most (issue 11)
T_LINEAR=7.5        # time(10 MB line) / time(2 MB line), below
T_START_ANALYZE=15  # ms, median start-up of `rekindle analyze </dev/null`, at most
T_FIRST_REPLY=30    # ms, median time from a reply's Enter to chat's next question, at most
T_START_CHAT=25     # ms, same for `rekindle chat </dev/null`
RUNS=3              # rekindle throughput runs (median)
START_RUNS=21       # start-up runs (median)
T_WC_1CORE=3        # rekindle on one core, at most this many times `wc -w` (issue 11)
T_VADER_1CORE=50    # rekindle on one core, at least this many times VADER (issue 11)

QUICK=0
BUILD=1
COUNT=""
SEED=20240607
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --no-build) BUILD=0 ;;
    --count) COUNT="$2"; shift ;;
    --seed) SEED="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
if [[ -z "$COUNT" ]]; then
  if [[ $QUICK -eq 1 ]]; then COUNT=20000; else COUNT=200000; fi
fi

ERRORS=0
RESULTS=()      # "name|PASS or FAIL|detail" for the summary

log()  { printf '%s\n' "$*"; }
step() { printf '\n== %s ==\n' "$*"; }
err()  { printf 'ERROR: %s\n' "$*" >&2; ERRORS=$((ERRORS + 1)); }
die()  { printf 'bench.sh: %s\n' "$*" >&2; exit 1; }

# arithmetic and statistics (awk; LC_ALL=C keeps '.' as the decimal point)
calc()   { awk "BEGIN { printf \"%.${2:-2}f\", ($1) }"; }
is_true() { awk "BEGIN { exit !($1) }"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
verdict() { if is_true "$1"; then echo PASS; else echo FAIL; fi; }
record() { RESULTS+=("$1|$2|$3"); }
jget() { "$PY" -c 'import json, sys
v = json.loads(sys.argv[1]).get(sys.argv[2])
print("" if v is None else (str(v).lower() if isinstance(v, bool) else v))' "$1" "$2"; }
filesize() { stat -c %s "$1"; }

# ---------------------------------------------------------------- setup
mkdir -p "$WORK"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"

step "Python venv with VADER"
if [[ ! -x "$VENV/bin/python" ]]; then
  log "creating $VENV"
  python3 -m venv "$VENV" || die "python3 -m venv failed (apt-get install python3-venv?)"
fi
PY="$VENV/bin/python"
if ! "$PY" -c 'import vaderSentiment.vaderSentiment' 2>/dev/null; then
  log "installing $VADER_REQ"
  "$PY" -m pip install --quiet --disable-pip-version-check "$VADER_REQ" \
    || die "pip install $VADER_REQ failed"
fi
log "$("$PY" -c 'import sys, importlib.metadata as m; print("python", sys.version.split()[0], "| vaderSentiment", m.version("vaderSentiment"))')"

step "rekindle binary"
if [[ -n "${REKINDLE_BIN:-}" ]]; then
  BIN="$REKINDLE_BIN"
  log "REKINDLE_BIN is set; not building"
else
  command -v swift >/dev/null || die "swift not found (set REKINDLE_BIN to a built binary)"
  if [[ $BUILD -eq 1 ]]; then
    log "swift build -c release --static-swift-stdlib --product rekindle"
    (cd "$ROOT" && swift build -c release --static-swift-stdlib --product rekindle) || die "swift build failed"
  fi
  BIN="$(cd "$ROOT" && swift build -c release --show-bin-path)/rekindle"
fi
[[ -x "$BIN" ]] || die "no executable at $BIN (build it, or set REKINDLE_BIN)"
log "binary: $BIN ($(calc "$(filesize "$BIN") / 1048576" 1) MiB)"

# ---------------------------------------------------------------- corpora
GENHASH="$(sha1sum "$BENCH/gen_corpus.py" | cut -c1-8)"   # cache key includes the generator
gen_cached() {  # gen_cached FILE ARGS...: make FILE with gen_corpus.py unless it exists
  local out="$1"; shift
  if [[ ! -s "$out" ]]; then
    "$PY" "$BENCH/gen_corpus.py" --seed "$SEED" "$@" --out "$out.tmp"
    mv "$out.tmp" "$out"
  fi
}

step "corpora (cached in .build-bench/)"
CORPUS="$WORK/corpus-n$COUNT-s$SEED-g$GENHASH.txt"
CORPUS4="$WORK/corpus-n$((COUNT * 4))x4-s$SEED-g$GENHASH.txt"
LINE2="$WORK/line-2mb-s$SEED-g$GENHASH.txt"
LINE10="$WORK/line-10mb-s$SEED-g$GENHASH.txt"
gen_cached "$CORPUS" --count "$COUNT"
if [[ ! -s "$CORPUS4" ]]; then
  cat "$CORPUS" "$CORPUS" "$CORPUS" "$CORPUS" > "$CORPUS4.tmp" && mv "$CORPUS4.tmp" "$CORPUS4"
fi
gen_cached "$LINE2" --single-line-mb 2
gen_cached "$LINE10" --single-line-mb 10
N1=$(wc -l < "$CORPUS");  B1=$(filesize "$CORPUS")
N4=$(wc -l < "$CORPUS4"); B4=$(filesize "$CORPUS4")
for f in "$CORPUS" "$CORPUS4" "$LINE2" "$LINE10"; do
  log "$(basename "$f"): $(wc -l < "$f") line(s), $(calc "$(filesize "$f") / 1e6" 2) MB"
done

# ---------------------------------------------------------------- runner
# run_timed INPUT TIMEOUT_S ARGS...: runs "$BIN" ARGS < INPUT > /dev/null under
# /usr/bin/time -f '%e %M'. Sets T_SEC (wall seconds, from $EPOCHREALTIME, us
# resolution; %e only has 10 ms), T_E (%e), T_RSS (KiB), T_RC, T_ERR (stderr file).
T_ERR="$WORK/last-stderr.txt"
RUN_PREFIX=()    # e.g. (taskset -c 0): what run_timed runs the binary under
run_timed() {
  local input="$1" tmo="$2"; shift 2
  local tf="$WORK/time.out" t0 t1
  : > "$tf"
  t0=$EPOCHREALTIME
  set +e
  timeout -k 5 "$tmo" /usr/bin/time -f '%e %M' -o "$tf" ${RUN_PREFIX[@]+"${RUN_PREFIX[@]}"} "$BIN" "$@" < "$input" > /dev/null 2> "$T_ERR"
  T_RC=$?
  set -e
  t1=$EPOCHREALTIME
  T_SEC=$(calc "$t1 - $t0" 4)
  read -r T_E T_RSS < <(grep -E '^[0-9.]+ [0-9]+$' "$tf" | tail -n 1 || echo "- 0")
  T_RSS=${T_RSS:-0}
}
show_fail() {  # show_fail WHAT
  if [[ $T_RC -eq 124 || $T_RC -eq 137 ]]; then
    err "$1: timed out"
  else
    err "$1: exit status $T_RC"
    sed -n '1,10p' "$T_ERR" | sed 's/^/    /' >&2
  fi
}

# ---------------------------------------------------------------- sanity
step "sanity check: output of analyze --format jsonl on 1000 replies"
SAMPLE="$WORK/sample-1000.txt"
head -n 1000 "$CORPUS" > "$SAMPLE"
set +e
"$BIN" analyze --format jsonl < "$SAMPLE" > "$WORK/sample-out.jsonl" 2> "$T_ERR"
rc=$?
set -e
if [[ $rc -ne 0 ]]; then
  err "rekindle analyze --format jsonl exited $rc on the sample"
  sed -n '1,10p' "$T_ERR" | sed 's/^/    /' >&2
else
  "$PY" - "$WORK/sample-out.jsonl" <<'EOF' || true
import json, sys
lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
bad = 0
for l in lines:
    try:
        if not isinstance(json.loads(l), dict):
            bad += 1
    except ValueError:
        bad += 1
state = "ok" if len(lines) == 1000 and bad == 0 else "WARNING"
print(f"{state}: {len(lines)} output lines for 1000 input lines, {bad} not a JSON object")
EOF
fi

# ---------------------------------------------------------------- throughput
step "throughput: rekindle analyze --format jsonl < corpus ($N1 replies), $RUNS runs"
secs=(); rsss=(); R_OK=1
for i in $(seq 1 "$RUNS"); do
  run_timed "$CORPUS" 1800 analyze --format jsonl
  if [[ $T_RC -ne 0 ]]; then show_fail "rekindle analyze (run $i)"; R_OK=0; break; fi
  log "  run $i: ${T_SEC}s (time %e ${T_E}s), peak RSS $(calc "$T_RSS / 1024" 1) MiB"
  secs+=("$T_SEC"); rsss+=("$T_RSS")
done
if [[ $R_OK -eq 1 ]]; then
  R_SEC=$(median "${secs[@]}"); R_RSS_KIB=$(median "${rsss[@]}")
  R_RPS=$(calc "$N1 / $R_SEC" 1); R_MBS=$(calc "$B1 / 1e6 / $R_SEC" 2)
  R_RSS=$(calc "$R_RSS_KIB / 1024" 1)
fi

step "throughput: VADER polarity_scores on the same corpus, 1 run"
V_OK=1
vt="$WORK/vader-time.out"
set +e
V_JSON=$(/usr/bin/time -f '%e %M' -o "$vt" "$PY" "$BENCH/vader_bench.py" "$CORPUS")
rc=$?
set -e
if [[ $rc -ne 0 || -z "$V_JSON" ]]; then
  err "vader_bench.py exited $rc"; V_OK=0
else
  log "  $V_JSON"
  V_SEC=$(jget "$V_JSON" seconds); V_RPS=$(jget "$V_JSON" replies_per_s)
  V_MBS=$(jget "$V_JSON" mb_per_s)
  read -r _ V_RSS_KIB < <(tail -n 1 "$vt")
  V_RSS=$(calc "$V_RSS_KIB / 1024" 1)
fi

# ---------------------------------------------------------------- one core, and the anchors
# time_cmd INPUT CMD...: wall seconds of CMD < INPUT > /dev/null (sets C_SEC, C_RC).
time_cmd() {
  local input="$1" t0 t1; shift
  t0=$EPOCHREALTIME
  set +e
  "$@" < "$input" > /dev/null 2> "$T_ERR"
  C_RC=$?
  set -e
  t1=$EPOCHREALTIME
  C_SEC=$(calc "$t1 - $t0" 4)
}
# Fifty keywords of the built-in lexicon's kinds, alternated, case-insensitive: a keyword scan.
KEYWORDS='sorry|regret|apolog|my fault|forgive|patient|wait|take your time|understand|feel|hurt|changed|therapy|counsel|grow|lonely|alone|miss you|need you|whatever|fine|busy|later|blame|your fault|you made|crazy|jealous|maybe|not sure|confused|now|tonight|decide|hurry|deadline|new girlfriend|dating|someone else|rebound|no big deal|overreact|dramatic|kill|hurt you|watch you|follow|pills|end it|goodbye'
have_taskset=0; command -v taskset >/dev/null && have_taskset=1
if [[ $have_taskset -eq 1 ]]; then ONE=(taskset -c 0); else ONE=(); log "taskset not found: the one-core figures use all cores"; fi
step "one core and the anchors: rekindle (taskset -c 0), wc -w, grep -c -i -E (50 keywords), median of $RUNS"
o1=(); owc=(); ogrep=(); O_OK=1
for i in $(seq 1 "$RUNS"); do
  RUN_PREFIX=(${ONE[@]+"${ONE[@]}"}); run_timed "$CORPUS" 1800 analyze --format jsonl --jobs 1; RUN_PREFIX=()
  if [[ $T_RC -ne 0 ]]; then show_fail "rekindle analyze --jobs 1 (run $i)"; O_OK=0; break; fi
  o1+=("$T_SEC"); O_RSS=$(calc "$T_RSS / 1024" 1)
  time_cmd "$CORPUS" "${ONE[@]}" wc -w; owc+=("$C_SEC")
  time_cmd "$CORPUS" "${ONE[@]}" grep -c -i -E "$KEYWORDS"; ogrep+=("$C_SEC")
  log "  run $i: rekindle 1 core ${T_SEC}s (peak RSS $O_RSS MiB), wc -w ${owc[-1]}s, grep ${ogrep[-1]}s"
done
if [[ $O_OK -eq 1 ]]; then
  O_SEC=$(median "${o1[@]}"); WC_SEC=$(median "${owc[@]}"); GREP_SEC=$(median "${ogrep[@]}")
  O_RPS=$(calc "$N1 / $O_SEC" 1)
fi

# ---------------------------------------------------------------- stages
step "where the time goes: the analyzer by stage on one thread (StageBench), the rest of the one-core run"
STAGE_OK=0
if [[ -n "${REKINDLE_BIN:-}" ]]; then
  log "REKINDLE_BIN is set: StageBench is not built; skipped"
elif (cd "$ROOT" && { [[ $BUILD -eq 0 ]] || swift build -c release --product StageBench >/dev/null; }) \
  && [[ -x "$(cd "$ROOT" && swift build -c release --show-bin-path)/StageBench" ]]; then
  STAGES=$("${ONE[@]}" "$(cd "$ROOT" && swift build -c release --show-bin-path)/StageBench" "$CORPUS") && STAGE_OK=1
  printf '%s\n' "$STAGES" | grep -v '^STAGES'
  if [[ $STAGE_OK -eq 1 && $O_OK -eq 1 ]]; then
    A_SEC=$(printf '%s\n' "$STAGES" | sed -n 's/^STAGES analysis=//p')
    log "the rest of the one-core run (reading, JSON output, start-up, the second thread): $(calc "$O_SEC - $A_SEC" 3)s of ${O_SEC}s ($(calc "100 * ($O_SEC - $A_SEC) / $O_SEC" 1)%)"
  fi
else
  log "StageBench is not built (swift build -c release --product StageBench); skipped"
fi

# ---------------------------------------------------------------- memory
step "memory independence: rekindle on 4x the corpus ($N4 replies)"
M_OK=1
run_timed "$CORPUS4" 3600 analyze --format jsonl
if [[ $T_RC -ne 0 ]]; then show_fail "rekindle analyze (4x corpus)"; M_OK=0
else
  M_SEC=$T_SEC; M_RSS=$(calc "$T_RSS / 1024" 1)
  log "  ${M_SEC}s, peak RSS $M_RSS MiB"
fi

# ---------------------------------------------------------------- linearity
step "linearity: one line of 2 MB vs one line of 10 MB, median of 3 runs each"
L_OK=1; l2=(); l10=()
for i in 1 2 3; do
  run_timed "$LINE2" 600 analyze --format jsonl
  if [[ $T_RC -ne 0 ]]; then show_fail "rekindle analyze (2 MB line)"; L_OK=0; break; fi
  log "  2 MB line, run $i: ${T_SEC}s, peak RSS $(calc "$T_RSS / 1024" 1) MiB"
  l2+=("$T_SEC"); L2_RSS=$(calc "$T_RSS / 1024" 1)
done
L_TIMEOUT=0
if [[ $L_OK -eq 1 ]]; then
  L2=$(median "${l2[@]}")
  # if it takes more than 10x the 2 MB time it fails anyway: do not wait longer
  tmo=$(awk "BEGIN { t = $L2 * 10 + 5; if (t < 30) t = 30; printf \"%d\", t }")
  for i in 1 2 3; do
    run_timed "$LINE10" "$tmo" analyze --format jsonl
    if [[ $T_RC -eq 124 || $T_RC -eq 137 ]]; then
      log "  10 MB line, run $i: timed out after ${tmo}s (more than 10x the 2 MB time)"
      L_TIMEOUT=1; break
    elif [[ $T_RC -ne 0 ]]; then show_fail "rekindle analyze (10 MB line)"; L_OK=0; break; fi
    log "  10 MB line, run $i: ${T_SEC}s, peak RSS $(calc "$T_RSS / 1024" 1) MiB"
    l10+=("$T_SEC"); L10_RSS=$(calc "$T_RSS / 1024" 1)
  done
fi

# ---------------------------------------------------------------- start-up
step "start-up: median wall time of $START_RUNS runs, stdin </dev/null"
S_A_JSON=$("$PY" "$BENCH/startup_bench.py" --runs "$START_RUNS" -- "$BIN" analyze)
S_C_JSON=$("$PY" "$BENCH/startup_bench.py" --runs "$START_RUNS" -- "$BIN" chat)
log "  analyze: $S_A_JSON"
log "  chat:    $S_C_JSON"
step "first reply in chat: from its Enter to the next question, piped, median of $START_RUNS (question on screen 0.3 s; and at once)"
set +e
F_JSON=$("$PY" "$BENCH/first_reply_bench.py" "$BIN" "$START_RUNS" 0.3)
F0_JSON=$("$PY" "$BENCH/first_reply_bench.py" "$BIN" "$START_RUNS" 0)
set -e
log "  after 0.3 s: ${F_JSON:-failed}"
log "  at once:     ${F0_JSON:-failed}"
log "  VADER import (fresh interpreters, $START_RUNS runs):"
set +e
VI_JSON=$("$PY" "$BENCH/vader_bench.py" --import-only --runs "$START_RUNS")
rc=$?
set -e
if [[ $rc -ne 0 || -z "$VI_JSON" ]]; then err "vader_bench.py --import-only exited $rc"; VI_JSON='{}'
else log "  $VI_JSON"; fi

# ================================================================ report
step "REPORT ($N1 replies, seed $SEED$([[ $QUICK -eq 1 ]] && echo ', quick'))"
printf '%-22s %14s %10s %14s %10s\n' "" "replies/s" "MB/s" "peak RSS MiB" "seconds"
if [[ $R_OK -eq 1 ]]; then
  printf '%-22s %14s %10s %14s %10s\n' "rekindle (median of $RUNS)" "$R_RPS" "$R_MBS" "$R_RSS" "$R_SEC"
else
  printf '%-22s %14s\n' "rekindle" "FAILED"
fi
if [[ $V_OK -eq 1 ]]; then
  printf '%-22s %14s %10s %14s %10s\n' "VADER" "$V_RPS" "$V_MBS" "$V_RSS" "$V_SEC"
else
  printf '%-22s %14s\n' "VADER" "FAILED"
fi
log "(rekindle: whole process incl. start-up and JSON output; VADER: polarity_scores loop only, import excluded; MB = 10^6 bytes)"
echo

if [[ $R_OK -eq 1 && $V_OK -eq 1 ]]; then
  RATIO=$(calc "$R_RPS / $V_RPS" 1)
  v=$(verdict "$RATIO >= $T_RATIO")
  printf '%-44s %12s   target >= %s   %s\n' "throughput ratio rekindle/VADER (replies/s)" "${RATIO}x" "${T_RATIO}x" "$v"
  record "throughput ratio" "$v" "${RATIO}x"
else
  printf '%-44s %12s\n' "throughput ratio rekindle/VADER (replies/s)" "n/a"
  record "throughput ratio" "FAIL" "not measured"
fi
if [[ $R_OK -eq 1 ]]; then
  v=$(verdict "$R_RSS <= $T_RSS_MIB")
  printf '%-44s %12s   target <= %s MiB   %s\n' "rekindle peak RSS ($N1 replies)" "$R_RSS MiB" "$T_RSS_MIB" "$v"
  record "peak RSS" "$v" "$R_RSS MiB"
else
  record "peak RSS" "FAIL" "not measured"
fi
if [[ $R_OK -eq 1 && $M_OK -eq 1 ]]; then
  growth=$(calc "$M_RSS - $R_RSS" 1)
  v=$(verdict "$M_RSS <= $T_RSS_MIB && $M_RSS <= $R_RSS * 1.25 + 1")
  printf '%-44s %12s   (%s MiB at %s replies, +%s MiB; flat = PASS)   %s\n' \
    "rekindle peak RSS ($N4 replies, 4x)" "$M_RSS MiB" "$R_RSS" "$N1" "$growth" "$v"
  printf '%-44s %12s\n' "rekindle time, 4x corpus" "${M_SEC}s"
  record "RSS independent of input size" "$v" "$R_RSS -> $M_RSS MiB"
else
  record "RSS independent of input size" "FAIL" "not measured"
fi
if [[ $L_OK -eq 1 && $L_TIMEOUT -eq 0 ]]; then
  L10=$(median "${l10[@]}")
  LR=$(awk "BEGIN { if ($L2 > 0) printf \"%.2f\", $L10 / $L2; else print \"inf\" }")
  v=$(verdict "\"$LR\" != \"inf\" && $LR < $T_LINEAR")
  printf '%-44s %12s   (peak RSS %s MiB)\n' "rekindle, one 2 MB line" "${L2}s" "$L2_RSS"
  printf '%-44s %12s   (peak RSS %s MiB)\n' "rekindle, one 10 MB line" "${L10}s" "$L10_RSS"
  printf '%-44s %12s   expected ~5, target < %s   %s\n' "ratio 10 MB / 2 MB" "$LR" "$T_LINEAR" "$v"
  record "linearity" "$v" "ratio $LR"
elif [[ $L_TIMEOUT -eq 1 ]]; then
  printf '%-44s %12s   target < %s   FAIL\n' "ratio 10 MB / 2 MB" "> 10" "$T_LINEAR"
  record "linearity" "FAIL" "10 MB line timed out"
else
  record "linearity" "FAIL" "not measured"
fi

if [[ $O_OK -eq 1 ]]; then
  printf '%-44s %12s   (%s replies/s, peak RSS %s MiB)\n' "rekindle, one core (--jobs 1, taskset -c 0)" "${O_SEC}s" "$O_RPS" "$O_RSS"
  printf '%-44s %12s\n' "wc -w, one core" "${WC_SEC}s"
  printf '%-44s %12s\n' "grep -c -i -E (50 keywords), one core" "${GREP_SEC}s"
  WCR=$(calc "$O_SEC / $WC_SEC" 1); GR=$(calc "$O_SEC / $GREP_SEC" 1)
  v=$(verdict "$WCR <= $T_WC_1CORE")
  printf '%-44s %12s   target <= %sx   %s\n' "rekindle 1 core / wc -w (time)" "${WCR}x" "$T_WC_1CORE" "$v"
  record "1 core vs wc -w" "$v" "${WCR}x"
  printf '%-44s %12s\n' "rekindle 1 core / keyword grep (time)" "${GR}x"
  if [[ $R_OK -eq 1 ]]; then
    printf '%-44s %12s\n' "rekindle all cores / 1 core (speed-up)" "$(calc "$O_SEC / $R_SEC" 2)x"
  fi
  if [[ $V_OK -eq 1 ]]; then
    V1=$(calc "$O_RPS / $V_RPS" 1)
    v=$(verdict "$V1 >= $T_VADER_1CORE")
    printf '%-44s %12s   target >= %sx   %s\n' "rekindle 1 core / VADER (replies/s)" "${V1}x" "$T_VADER_1CORE" "$v"
    record "1 core vs VADER" "$v" "${V1}x"
  fi
fi

startup_line() {  # startup_line NAME JSON TARGET_MS IS_OPTIONAL
  local name="$1" json="$2" target="$3" optional="$4" ms out rc
  if [[ "$(jget "$json" ok)" == "true" ]]; then
    ms=$(jget "$json" median_ms)
    v=$(verdict "$ms <= $target")
    printf '%-44s %12s   target <= %s ms   %s\n' "start-up: rekindle $name </dev/null" "$ms ms" "$target" "$v"
    record "start-up $name" "$v" "$ms ms"
    return
  fi
  rc=$(jget "$json" rc); out=$(jget "$json" output | tr '\n' ' ' | cut -c1-100)
  if [[ "$optional" == 1 && -n "$rc" && "$rc" -gt 0 ]] && grep -qiE 'unknown|unrecognized|unexpected|invalid|not (a )?(valid|supported)|no such|usage' <<< "$out"; then
    printf '%-44s %12s   (not implemented yet: exit %s: %s)\n' "start-up: rekindle $name </dev/null" "n/a" "$rc" "$out"
    log "$name: n/a"
    record "start-up $name" "n/a" "not implemented"
  else
    printf '%-44s %12s   (exit %s%s: %s)   FAIL\n' "start-up: rekindle $name </dev/null" "error" "${rc:-?}" \
      "$([[ "$(jget "$json" timeout)" == "true" ]] && echo ', timed out')" "$out"
    record "start-up $name" "FAIL" "exit ${rc:-timeout}"
    # a signal (negative rc) or a hang is a crash; a plain error exit is a failed target
    if [[ -z "$rc" || "$rc" -lt 0 ]]; then err "rekindle $name </dev/null crashed or hung"; fi
  fi
}
startup_line analyze "$S_A_JSON" "$T_START_ANALYZE" 0
startup_line chat "$S_C_JSON" "$T_START_CHAT" 1
if [[ -n "$F_JSON" && -n "$F0_JSON" ]]; then
  ms=$(jget "$F_JSON" median_ms); v=$(verdict "$ms <= $T_FIRST_REPLY")
  printf '%-44s %12s   target <= %s ms   %s   (typed at once: %s ms)\n' "first reply in chat, from Enter" "$ms ms" \
    "$T_FIRST_REPLY" "$v" "$(jget "$F0_JSON" median_ms)"
  record "first reply in chat" "$v" "$ms ms"
else
  printf '%-44s %12s   FAIL\n' "first reply in chat, from Enter" "error"
  record "first reply in chat" "FAIL" "error"
fi
if [[ "$VI_JSON" != '{}' ]]; then
  printf '%-44s %12s   (import %s ms + lexicon load %s ms; bare python %s ms)\n' \
    "VADER start-up: python -c 'import; init'" "$(jget "$VI_JSON" process_ms) ms" \
    "$(jget "$VI_JSON" import_ms)" "$(jget "$VI_JSON" init_ms)" "$(jget "$VI_JSON" python_ms)"
fi

# ---------------------------------------------------------------- summary
echo
npass=0; nfail=0; parts=()
for r in "${RESULTS[@]}"; do
  IFS='|' read -r name v detail <<< "$r"
  case "$v" in PASS) npass=$((npass + 1)) ;; FAIL) nfail=$((nfail + 1)) ;; esac
  parts+=("$name $v ($detail)")
done
summary=$(IFS=';'; echo "${parts[*]}" | sed 's/;/; /g')
printf 'SUMMARY: %d passed, %d failed: %s\n' "$npass" "$nfail" "$summary"

if [[ $ERRORS -gt 0 ]]; then
  echo "bench.sh: $ERRORS error(s) above: something crashed" >&2
  exit 1
fi
exit 0
