#!/usr/bin/env bash
# What recording replays costs a DQN training run (issue 8: target <= 5% slower than without).
#
#   scripts/bench-dqn-replays.sh [config] [repetitions] [threads]
#
# Runs `jgym train <config>` (default configs/dqn/cartpole.json) in three variants, interleaved and
# in a rotating order so a change in the machine's load hits all three alike:
#   off     "replays": {"final": false, "schedule": "none"}   (the baseline: nothing recorded)
#   default the config as it is (final evaluation + capped-cubic evaluations, with Q-values)
#   all     "replays": {"schedule": "all"}                     (every periodic evaluation recorded)
# Each run's training time is timing.json's "seconds" (training and evaluations, replays included;
# JVM start and the output files excluded). The runs must write identical summary.json files (the
# same work); the script checks that and prints every time and each variant's median and mean.
# Needs the agents module built (./jgym does it on first use: `./jgym envs` is enough).
set -euo pipefail
cd "$(dirname "$0")/.."
CONFIG=${1:-configs/dqn/cartpole.json}
N=${2:-5}
THREADS=${3:-1}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
CP="agents/target/classes:$(cat agents/target/classpath.txt)"

# the config with a replays object added before its closing brace (the file's last line is "}")
variant() {
  sed '$ s/^}$/, "replays": '"$1"'}/' "$CONFIG" > "$WORK/$2.json"
}
cp "$CONFIG" "$WORK/default.json"
variant '{"final": false, "schedule": "none"}' off
variant '{"schedule": "all"}' all

VARIANTS=(off default all)
declare -A TIMES
for ((r = 0; r < N; r++)); do
  for ((k = 0; k < 3; k++)); do
    v=${VARIANTS[$(((r + k) % 3))]}
    out="$WORK/run-$v-$r"
    java -Xss4m -Djava.awt.headless=true --add-modules jdk.incubator.vector -cp "$CP" dev.jgym.experiments.cli.Main \
      train "$WORK/$v.json" --out "$out" --quiet --threads "$THREADS" 2>/dev/null
    s=$(sed -n 's/.*"seconds" *: *\([0-9.eE+-]*\).*/\1/p' "$out/timing.json" | head -1)
    files=$(find "$out" -name '*.jgr' | wc -l)
    echo "rep $r $v: ${s} s, $files replay file(s), load $(cut -d' ' -f1 /proc/loadavg)"
    TIMES[$v]="${TIMES[$v]:-} $s"
    if ! cmp -s "$out/summary.json" "$WORK/run-${VARIANTS[$((r % 3))]}-$r/summary.json"; then
      echo "summary.json differs between variants: not the same work" >&2
      exit 1
    fi
  done
done
for v in "${VARIANTS[@]}"; do
  echo "${TIMES[$v]}" | tr ' ' '\n' | grep -v '^$' | sort -g |
    awk -v v="$v" '{a[NR] = $1; s += $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
      printf "%-8s median %.2f s, mean %.2f s over %d runs\n", v, m, s / NR, NR}'
done
