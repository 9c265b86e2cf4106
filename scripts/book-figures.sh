#!/usr/bin/env bash
# Runs every Sutton & Barto figure config (configs/book/, chapter 2's under configs/bandits/ and
# configs/sweeps/bandit-figure-2.6.json; sweeps through `jgym sweep`, the rest through `jgym train`) into a temporary folder and prints each one's wall time and the total:
# the whole book set's time. A timing aid, not a test (the *FiguresTest classes check the numbers).
# Usage: scripts/book-figures.sh [THREADS=2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THREADS=${1:-2}
OUT="$(mktemp -d "${TMPDIR:-/tmp}/jgym-book.XXXXXX")"
"$ROOT/jgym" envs >/dev/null && "$ROOT/jgym" sweep --help >/dev/null # builds both launchers' modules first
total=0
configs=("$ROOT"/configs/bandits/*-figure-*.json "$ROOT"/configs/bandits/*exercise*.json "$ROOT"/configs/sweeps/bandit-figure-2.6.json "$ROOT"/configs/book/*.json)
for config in "${configs[@]}"; do
  name=$(basename "$config" .json)
  if grep -q '"grids"' "$config"; then cmd=(sweep "$config" --out "$OUT/$name" --threads "$THREADS" --quiet)
  else cmd=(train "$config" --out "$OUT/$name" --threads "$THREADS" --quiet); fi
  start=$(date +%s.%N)
  "$ROOT/jgym" "${cmd[@]}" >/dev/null
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  total=$(echo "$total + $seconds" | bc)
  printf '%-60s %8.1f s  (%s, load %s)\n' "$name" "$seconds" "${cmd[0]}" "$(cut -d' ' -f1 /proc/loadavg)"
done
printf '%-60s %8.1f s  on %s thread(s), %s\n' "all ${#configs[@]} book figure configs" "$total" "$THREADS" "$(lscpu | sed -n 's/^Model name: *//p')"
rm -rf "$OUT"
