#!/usr/bin/env bash
# Runs the Maven test suite several times in a row while the machine is loaded by a CPU burner,
# to show the tests do not depend on timing: a test that passes only when the machine is idle
# fails here.
#
# Usage: scripts/loaded-test.sh [--runs K] [--burners N] [--max-burn SECONDS] [-- command...]
#   --runs K            how many runs in a row (default 5)
#   --burners N         busy processes burning CPU during the runs (default: the number of cores;
#                       0 runs without load)
#   --max-burn SECONDS  each burner ends by itself after this long (default 14400), even if this
#                       script is killed with SIGKILL; otherwise they are stopped when it exits
#   -- command...       what to run each time instead of `mvn -B verify`, e.g. one test class:
#                       -- mvn -B -pl local/states -am verify -Dtest=FanoutTest -Dsurefire.failIfNoSpecifiedTests=false
# Prints one line per run, `run i: PASSED|FAILED (N tests, T s)`, then a summary; exits 1 if any
# run failed. Each run's output is kept in target/loaded-test/run-<i>.log.
# Maven runs on a JDK >= 21: JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
RUNS=5
BURNERS=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
MAX_BURN=14400
CMD=(mvn -B -Dstyle.color=never verify)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS=${2:?--runs needs a number}; shift 2 ;;
    --burners) BURNERS=${2:?--burners needs a number}; shift 2 ;;
    --max-burn) MAX_BURN=${2:?--max-burn needs seconds}; shift 2 ;;
    --) shift; [[ $# -gt 0 ]] || { echo "loaded-test: nothing after --" >&2; exit 2; }; CMD=("$@"); break ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "loaded-test: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$RUNS" "$BURNERS" "$MAX_BURN"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "loaded-test: not a number: $n" >&2; exit 2; }
done

spec_version() { # the major version of the JDK at $1, if it has javac
  [[ -x "$1/bin/javac" ]] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
v=$(spec_version "${JAVA_HOME:-/nonexistent}")
if [[ -z "$v" || "$v" -lt 21 ]]; then
  JAVA_HOME=$(for d in /usr/lib/jvm/*; do v=$(spec_version "$d"); [[ -n "$v" ]] && echo "$v $d"; done |
    sort -n | awk '$1 >= 21 {jdk = $2} END {print jdk}')
  [[ -n "$JAVA_HOME" ]] || { echo "loaded-test: no JDK >= 21 (set JAVA_HOME to one)" >&2; exit 1; }
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
[[ "$(spec_version "$JAVA_HOME")" -ge 24 ]] && export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"

# ---- the burner: N busy shells, each ending by itself after MAX_BURN seconds
BURNER_PIDS=()
stop_burners() {
  for pid in "${BURNER_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${BURNER_PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  BURNER_PIDS=()
}
trap stop_burners EXIT
trap 'exit 130' INT TERM
for ((b = 0; b < BURNERS; b++)); do
  (end=$((SECONDS + MAX_BURN)); while ((SECONDS < end)); do :; done) &
  BURNER_PIDS+=($!)
done
echo "loaded-test: $RUNS run(s) of '${CMD[*]}' with $BURNERS CPU burner(s) on $(nproc) core(s); JAVA_HOME=$JAVA_HOME"

LOGS="$ROOT/target/loaded-test"
mkdir -p "$LOGS"
failed=0 total_tests=0 T0=$SECONDS
for ((i = 1; i <= RUNS; i++)); do
  log="$LOGS/run-$i.log"
  start=$SECONDS
  "${CMD[@]}" >"$log" 2>&1
  rc=$?
  # Surefire's per-module totals ("Tests run: N, Failures: ...", without "Time elapsed")
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'Tests run: [0-9]+, Failures' | grep -v 'Time elapsed' |
    sed -E 's/.*Tests run: ([0-9]+),.*/\1/' | awk '{s += $1} END {print s + 0}')
  total_tests=$((total_tests + tests))
  if [[ $rc -eq 0 ]]; then
    echo "run $i: PASSED ($tests tests, $((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    echo "run $i: FAILED ($tests tests, $((SECONDS - start)) s) - exit $rc, log: $log"
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '<<< (FAILURE|ERROR)!|BUILD FAILURE|\[ERROR\] Failed to execute' |
      head -20 | sed 's/^/    /'
  fi
done
echo "loaded-test: $((RUNS - failed))/$RUNS run(s) passed, $failed failed; $total_tests tests in all; $((SECONDS - T0)) s under load of $BURNERS burner(s)"
[[ $failed -eq 0 ]]
