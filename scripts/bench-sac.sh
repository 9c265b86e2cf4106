#!/usr/bin/env bash
# SAC's speed beside its PyTorch peer, in one run (issue 21): env steps per second on Pendulum-v1
# with configs/sac/pendulum.json's settings (256-256 actor and critics, batch 256, one gradient step
# per env step after 100 random steps), jgym first, then scripts/sac_peer.py, repeated and interleaved.
#
#   scripts/bench-sac.sh [steps] [repetitions] [threads]
#
# jgym's figure is timing.json's steps_per_second of `jgym train` (training, evaluation of 1 episode
# at the end; JVM start excluded); the peer times its own loop. On a shared, loaded machine the wall
# figures follow the scheduler, so each process's CPU seconds (user + sys, /usr/bin/time; jgym's
# include the JVM's start and JIT) are printed too. Needs Debian's `python3-torch` (the system
# /usr/bin/python3) for the peer.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPS=${1:-3000}
N=${2:-3}
THREADS=${3:-2}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
sed -e "s/\"total_steps\": [0-9]*/\"total_steps\": $STEPS/" \
    -e 's/"evaluation": {[^}]*}/"evaluation": {"interval": 100000000, "episodes": 1, "final_episodes": 1}/' \
    -e 's/"checkpoint": {[^}]*}/"checkpoint": {"interval": 0}, "replays": {"final": false, "schedule": "none"}/' \
    configs/sac/pendulum.json > "$WORK/sac.json"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$N"); do
  /usr/bin/time -f "%U %S" -o "$WORK/cpu" ./jgym train "$WORK/sac.json" --out "$WORK/run" --force --quiet --threads "$THREADS" > /dev/null
  echo "jgym: $(grep -o '"steps_per_second" : [0-9.]*' "$WORK/run/timing.json" | cut -d: -f2) steps/s ($THREADS threads), $(awk '{print $1 + $2}' "$WORK/cpu") CPU s"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/time -f "%U %S" -o "$WORK/cpu" /usr/bin/python3 scripts/sac_peer.py "$STEPS" "$THREADS"
  echo "peer: $(awk '{print $1 + $2}' "$WORK/cpu") CPU s (torch import included)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
