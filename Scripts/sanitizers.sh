#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each in its own build
# directory (.build-asan, .build-tsan; git-ignored), and prints how long each took.
#
#   Scripts/sanitizers.sh [address] [thread]      (default: both)
#   Extra arguments after `--` go to `swift test` (e.g. -- --filter Hardening).
#
# The end-to-end tests run the rekindle binary built with the same sanitizer (REKINDLE_SANITIZER
# tells them, so that their memory ceilings allow for the sanitizer's own use).
# LeakSanitizer is off: it cannot see Swift's tagged pointers (a native String's storage is held
# with flag bits in the pointer's top byte), so it reports the storage of every global string
# table as leaked, and Foundation's Process leaks in the test harness. AddressSanitizer's checks of
# memory errors (overflows, use after free, double free) are all on.
set -euo pipefail
cd "$(dirname "$0")/.."

kinds=()
extra=()
while [ $# -gt 0 ]; do
  case $1 in
    address | thread) kinds+=("$1") ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: $0 [address] [thread] [-- swift test options]" >&2; exit 64 ;;
  esac
  shift
done
[ ${#kinds[@]} -eq 0 ] && kinds=(address thread)

export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export TSAN_OPTIONS="halt_on_error=1${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
status=0
report=()
for kind in "${kinds[@]}"; do
  scratch=.build-${kind:0:1}san
  log=$scratch/sanitizer-tests.log
  mkdir -p "$scratch"
  echo "sanitizers: swift test --sanitize=$kind --scratch-path $scratch (log: $log)" >&2
  started=$(date +%s)
  if REKINDLE_SANITIZER=$kind swift test --sanitize="$kind" --scratch-path "$scratch" ${extra[@]+"${extra[@]}"} >"$log" 2>&1; then
    result="passed"
  else
    result="FAILED"
    status=1
    grep -E "error:|ERROR: (Address|Thread|Leak)Sanitizer|WARNING: ThreadSanitizer|SUMMARY:" "$log" | head -20 >&2 || true
  fi
  seconds=$(($(date +%s) - started))
  executed=$(grep -E "Executed [0-9]+ tests" "$log" | tail -1 | sed 's/^[[:space:]]*//')
  report+=("$(printf '%-8s %-7s %4d s  %s' "$kind" "$result" "$seconds" "$executed")")
done
printf '%s\n' "${report[@]}"
exit $status
