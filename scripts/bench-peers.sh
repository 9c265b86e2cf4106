#!/usr/bin/env bash
# jgym's fp32 GEMM beside its peers, numpy and PyTorch (issue 25), in one interleaved run: each
# round runs jgym's JMH benchmarks (GemmBenchmark: n^3 for n = 256, 512, 1024 on 1 and 2 threads;
# GemmSmallBenchmark: one call at a DQN's sizes, 1 thread), then the peers on the same products
# (scripts/gemm_peer.py), and the table at the end keeps each measure's best round and prints the
# ratio peer time / jgym time (above 1: jgym is faster).
#
#   scripts/bench-peers.sh [rounds] [jmh-regex]
#
# A benchmark aid: never part of the tests or CI. Needs the benchmarks jar (built here when missing:
# mvn -B -Pbench -DskipTests package -pl experiments -am) and, for the peers, Debian's python3-numpy,
# python3-torch and libopenblas0 (apt-get install -y python3-numpy python3-torch libopenblas0) under
# /usr/bin/python3. The peers run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (a machine-wide
# OPENBLAS_CORETYPE=Haswell would force AVX2 kernels onto an AVX-512 host: a false tie) and with
# OPENBLAS_NUM_THREADS / torch.set_num_threads at jgym's thread count; the table names the OpenBLAS
# kernel they used, the CPU model, the vector width the JVM picked and the load.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-3}
REGEX=${2:-'Gemm(Small)?Benchmark'}
JAR=experiments/target/benchmarks.jar
PY=/usr/bin/python3
[ -f "$JAR" ] || mvn -B -q -Pbench -DskipTests package -pl experiments -am
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JMH=(-f 1 -wi ${JMH_WI:-3} -i ${JMH_I:-5} -w 1s -r 1s -foe true)
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: $(java -version 2>&1 | head -1); $(java --add-modules jdk.incubator.vector -cp nn/target/classes:core/target/classes \
  dev.jgym.nn.cpu.Kernels 2>/dev/null || echo 'kernel: see the JMH output')"
for r in $(seq "$ROUNDS"); do
  echo "== round $r/$ROUNDS: jgym"
  java -jar "$JAR" "$REGEX" "${JMH[@]}" -rf json -rff "$WORK/jgym-$r.json" > "$WORK/jgym-$r.log" 2>&1 \
    || { tail -20 "$WORK/jgym-$r.log"; exit 1; }
  for t in 1 2; do
    echo "== round $r/$ROUNDS: peers, $t thread(s)"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t \
      "$PY" scripts/gemm_peer.py "$t" >> "$WORK/peers.jsonl"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
"$PY" - "$WORK" "$ROUNDS" <<'PY'
import glob, json, sys
work, rounds = sys.argv[1], int(sys.argv[2])
jgym = {}
for f in glob.glob(f"{work}/jgym-*.json"):
    for b in json.load(open(f)):
        p, name = b["params"], b["benchmark"].rsplit(".", 1)[-1]
        unit = b["primaryMetric"]["scoreUnit"]
        us = b["primaryMetric"]["score"] * (1000.0 if unit.startswith("ms") else 1.0)
        if "shape" in p:
            key = (p["shape"], p["op"], 1)
        else:
            n = p["n"]
            key = (f"{n},{n},{n}", "nn", 2 if "2Threads" in name else 1)
        if name.startswith("naive"):
            continue
        jgym[key] = min(us, jgym.get(key, float("inf")))
peers, blas = {}, {}
for line in open(f"{work}/peers.jsonl"):
    d = json.loads(line)
    if "error" in d:
        continue
    key = (d["shape"], d["op"], d["threads"], d["lib"])
    peers[key] = min(d["us"], peers.get(key, float("inf")))
    blas[d["lib"]] = d["version"] + ", OpenBLAS kernel " + d["blas"]
for lib, text in sorted(blas.items()):
    print(f"peer {lib}: {text}")
print(f"best of {rounds} round(s); times per call in microseconds; ratio = peer / jgym (above 1: jgym faster)")
print(f"{'product m,k,n':>16} {'op':>3} {'thr':>3} {'jgym':>10} {'GFLOP/s':>8} {'numpy':>10} {'ratio':>6} {'torch':>10} {'ratio':>6}")
for key in sorted(jgym, key=lambda k: (k[2], -eval(k[0].replace(',', '*')), k[0], k[1])):
    shape, op, t = key
    m, k, n = map(int, shape.split(","))
    j = jgym[key]
    row = f"{shape:>16} {op:>3} {t:>3} {j:>10.2f} {2*m*k*n/j/1e3:>8.1f}"
    for lib in ("numpy", "torch"):
        p = peers.get((shape, op, t, lib))
        row += f" {p:>10.2f} {p/j:>6.2f}" if p else f" {'-':>10} {'-':>6}"
    print(row)
PY
