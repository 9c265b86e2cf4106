#!/usr/bin/env bash
# GEMM at the Transformer block's shapes (GemmShapes) beside numpy and PyTorch on the same products,
# one thread each, interleaved by round (issues 23 and 25). A benchmark aid: never part of the tests.
#
#   scripts/bench-gemm-shapes.sh [rounds=1] [seconds per shape=3]
#
# Needs the benchmarks jar (mvn -B -Pbench -DskipTests package -pl experiments -am) and Debian's
# python3-numpy and python3-torch (the system /usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1}
SECONDS_PER=${2:-3}
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') model $(grep -m1 '^model\s' /proc/cpuinfo | cut -d: -f2 | tr -d ' '), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$N"); do
  echo "== round $i"
  java --add-modules jdk.incubator.vector -cp experiments/target/benchmarks.jar dev.jgym.experiments.bench.GemmShapes "$SECONDS_PER" 2>/dev/null
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 scripts/gemm_shapes_peer.py
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
