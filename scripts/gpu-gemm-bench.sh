#!/usr/bin/env bash
# GEMM at 4096^3 on a GPU machine: the OpenCL backend (JMH, BackendBenchmark.gemm on opencl:N)
# next to torch.matmul fp32 (TF32 off), in one command, so the two figures share the machine and
# the moment. Needs: a JDK 17+, NVIDIA's OpenCL ICD (libnvidia-compute, listed by `clinfo -l`),
# python3 with torch; the benchmarks jar built here first:
#   mvn -B -Pbench -DskipTests package -pl agents -am      (copy agents/target/benchmarks.jar over)
# Usage: scripts/gpu-gemm-bench.sh [benchmarks.jar] [opencl:N]
set -euo pipefail
JAR="${1:-agents/target/benchmarks.jar}"
DEVICE="${2:-opencl:0}"
N=4096

echo "== devices"; (clinfo -l || true); (nvidia-smi --query-gpu=name,driver_version --format=csv || true)

echo "== torch.matmul fp32, ${N}^3"
python3 - "$N" <<'PY'
import sys, time, torch
n = int(sys.argv[1])
torch.backends.cuda.matmul.allow_tf32 = False
a = torch.randn(n, n, device="cuda"); b = torch.randn(n, n, device="cuda")
for _ in range(5): torch.matmul(a, b)
torch.cuda.synchronize(); reps = 50; t = time.perf_counter()
for _ in range(reps): torch.matmul(a, b)
torch.cuda.synchronize(); dt = (time.perf_counter() - t) / reps
print(f"torch.matmul fp32 {n}^3 on {torch.cuda.get_device_name()}: {dt*1e3:.3f} ms, {2*n**3/dt/1e9:.0f} GFLOP/s")
PY

echo "== jgym OpenCL backend ($DEVICE), ${N}^3"
java -jar "$JAR" 'BackendBenchmark.gemm$' -p backend="$DEVICE" -p n="$N" -f 1 -wi 3 -i 5 -w 2s -r 3s -jvmArgsAppend -Xmx4g \
  | tee /tmp/jgym-gpu-gemm.txt
awk -v n="$N" '/BackendBenchmark.gemm/ && $NF=="ms/op" {ms=$(NF-3); printf "jgym OpenCL gemm %d^3: %.3f ms, %.0f GFLOP/s\n", n, ms, 2*n*n*n/(ms*1e6)}' /tmp/jgym-gpu-gemm.txt
