#!/usr/bin/env bash
# The Transformer's speed beside its PyTorch peer, in one run (issue 23): forward + backward of one
# pre-LN causal block (batch 32, sequence 128, width 256, 4 heads) and training tokens/s of the
# Moby-Dick character model (configs/moby-transformer.json), jgym (TransformerBenchmark) then
# scripts/transformer_torch.py with the same thread count, repeated and interleaved.
#
#   scripts/bench-transformer.sh [rounds] [threads] [calls]
#
# Each side prints wall and process CPU milliseconds per call (TransformerBenchmark.main; JMH runs the
# same methods: ./jgym bench TransformerBenchmark); on a loaded machine compare the CPU figures.
#
# Needs the benchmarks jar (mvn -B -Pbench -DskipTests package -pl experiments -am), the corpus
# (scripts/fetch-data.sh moby-dick) and Debian's python3-torch (the system /usr/bin/python3).
# On a shared, loaded machine the wall figures follow the scheduler: compare within a round.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2}
THREADS=${2:-1}
CALLS=${3:-3}
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$N"); do
  echo "== round $i, $THREADS thread(s), load $(cut -d' ' -f1-3 /proc/loadavg)"
  java --add-modules jdk.incubator.vector -cp experiments/target/benchmarks.jar dev.jgym.experiments.bench.TransformerBenchmark "$THREADS" "$CALLS" 2>/dev/null
  # OpenBLAS keeps its own thread pool beside torch.set_num_threads: held to the same count
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" /usr/bin/python3 scripts/transformer_torch.py "$THREADS" "$CALLS"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
