#!/usr/bin/env bash
# Benchmark aid (never run by tests or CI): S&B Figure 7.2 (n-step TD on the 19-state random walk,
# 10 n x 100 runs x 10 episodes per alpha) by jgym and by the widely used Python reproduction,
# ShangtongZhang/reinforcement-learning-an-introduction chapter07/random_walk.py, interleaved
# on the same machine: jgym at 1 thread, the peer, jgym at 2 threads, the peer, ROUNDS times.
# jgym's time is end to end (JVM start, the 100 trials' run folders and the sweep's table and
# plot); the peer's is figure7_2() alone (scripts/peer-figure-7.2.py; Python start excluded).
# Usage: scripts/bench-figure-7.2.sh PATH/TO/random_walk.py [ROUNDS=2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEER=$1 ROUNDS=${2:-2}
OUT="$(mktemp -d "${TMPDIR:-/tmp}/jgym-bench-7.2.XXXXXX")"
"$ROOT/jgym" sweep "$ROOT/configs/book/random-walk-figure-7.2.json" --out "$OUT/warm" --threads 2 --quiet >/dev/null # builds if needed
for round in $(seq 1 "$ROUNDS"); do
  for threads in 1 2; do
    rm -rf "$OUT/run"
    start=$(date +%s.%N)
    "$ROOT/jgym" sweep "$ROOT/configs/book/random-walk-figure-7.2.json" --out "$OUT/run" --threads "$threads" --quiet >/dev/null
    end=$(date +%s.%N)
    echo "round $round: jgym sweep, $threads thread(s): $(echo "$end - $start" | bc) s for 100,000 episodes (load $(cut -d' ' -f1-3 /proc/loadavg))"
    (unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; python3 "$ROOT/scripts/peer-figure-7.2.py" "$PEER") | sed "s/^/round $round: /"
  done
done
rm -rf "$OUT"
