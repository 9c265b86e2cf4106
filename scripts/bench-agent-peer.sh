#!/usr/bin/env bash
# An agent family's training speed beside its PyTorch peer, in one interleaved run (issues 19 and 21):
#
#   scripts/bench-agent-peer.sh sac [steps=3000] [repetitions=3] [threads=2]
#       configs/sac/pendulum.json (256-256 actor and twin critics, batch 256, one gradient step per
#       env step after 100 random steps) against scripts/sac_peer.py (the same SAC, Pendulum in numpy)
#   scripts/bench-agent-peer.sh ppo [steps=16384] [repetitions=3]
#       configs/pg/ppo-cartpole.json (zoo settings: 8 envs x 32 steps, 20 epochs of batch 256, 64-64
#       tanh) against scripts/ppo_cartpole_torch.py (the same PPO, CartPole in numpy, seed 1), 1 thread each
#
# Each config is cut to <steps> env steps with one final evaluation episode, no checkpoints and no
# replays. jgym's figure is timing.json's steps_per_second of `jgym train` (JVM start excluded, JIT
# warm-up included); the peer times its own training loop (torch's import and its final evaluation
# excluded). On a shared machine the wall figures follow the scheduler, so each process's CPU
# seconds (user + sys, /usr/bin/time) are printed too. Needs Debian's python3-torch (the system
# /usr/bin/python3) for the peer. A benchmark aid: never part of the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ALGO=${1:?usage: scripts/bench-agent-peer.sh sac|ppo [steps] [repetitions] [threads]}
case "$ALGO" in
  sac) CONFIG=configs/sac/pendulum.json; STEPS=${2:-3000}; THREADS=${4:-2} ;;
  ppo) CONFIG=configs/pg/ppo-cartpole.json; STEPS=${2:-16384}; THREADS=1 ;;
  *) echo "bench-agent-peer.sh: expected sac or ppo, found '$ALGO'" >&2; exit 2 ;;
esac
N=${3:-3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
/usr/bin/python3 - "$CONFIG" "$STEPS" "$WORK/config.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
family = next(k for k in ("pg", "offpolicy") if k in config)
config[family]["total_steps"] = int(sys.argv[2])
config["evaluation"] = {"interval": 100000000, "episodes": 1, "final_episodes": 1}
config["checkpoint"] = {"interval": 0}
config["replays"] = {"final": False, "schedule": "none"}
json.dump(config, open(sys.argv[3], "w"), indent=1)
PY
peer() {
  if [ "$ALGO" = sac ]; then /usr/bin/python3 scripts/sac_peer.py "$STEPS" "$THREADS"; else /usr/bin/python3 scripts/ppo_cartpole_torch.py "$STEPS" 1; fi
}
export -f peer; export ALGO STEPS THREADS
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $ALGO, $STEPS env steps, $THREADS thread(s), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$N"); do
  /usr/bin/time -f "%U %S" -o "$WORK/cpu" ./jgym train "$WORK/config.json" --out "$WORK/run" --force --quiet --threads "$THREADS" > /dev/null
  echo "jgym: $(grep -o '"steps_per_second" : [0-9.]*' "$WORK/run/timing.json" | cut -d: -f2) env steps/s, $(awk '{print $1 + $2}' "$WORK/cpu") CPU s (JVM start and JIT included)"
  # OpenBLAS keeps its own thread pool beside torch.set_num_threads: held to the same count
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" /usr/bin/time -f "%U %S" -o "$WORK/cpu" bash -c peer
  echo "peer: $(awk '{print $1 + $2}' "$WORK/cpu") CPU s (torch import and final evaluation included)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
