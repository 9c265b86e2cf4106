#!/usr/bin/env python3
"""GEMM peers for scripts/bench-peers.sh: numpy and PyTorch (CPU) on the products jgym's
GemmBenchmark and GemmSmallBenchmark time, one JSON line per measure on stdout.

A benchmark aid, never part of the build or the tests. Run it with the BLAS overrides unset
(OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE) and the thread count set through OPENBLAS_NUM_THREADS /
torch.set_num_threads: bench-peers.sh does both. Each figure is the best of 7 repetitions of a
timed batch of calls (Python's call overhead included, as a user of the library pays it),
wall-clock and, beside it, this thread's CPU time.

    python3 scripts/gemm_peer.py THREADS [numpy|torch ...]
"""
import ctypes
import json
import sys
import time

import numpy as np

BIG = (256, 512, 1024)
SMALL = ((64, 64, 64), (64, 4, 64), (64, 64, 2), (4, 64, 64))
OPS = ("nn", "tn", "nt")


def blas_core():
    """The OpenBLAS kernel this process picked: openblas_get_corename of each loaded OpenBLAS."""
    paths = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if "openblas" in path.lower() and ".so" in path and path not in paths:
                paths.append(path)
    for path in paths:
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for suffix in ("", "64_"):
            name = getattr(lib, "openblas_get_corename" + suffix, None) or getattr(lib, "scipy_openblas_get_corename" + suffix, None)
            config = getattr(lib, "openblas_get_config" + suffix, None) or getattr(lib, "scipy_openblas_get_config" + suffix, None)
            if name is not None:
                name.restype = ctypes.c_char_p
                text = name().decode()
                if config is not None:
                    config.restype = ctypes.c_char_p
                    text += " (" + config().decode().strip() + ")"
                return text
    return "unknown"


def timed(fn, flops):
    reps = max(3, min(200000, int(2e8 / max(flops, 1))))
    for _ in range(3):
        fn()
    best_wall, best_cpu = float("inf"), float("inf")
    for _ in range(7):
        w, c = time.perf_counter(), time.thread_time()
        for _ in range(reps):
            fn()
        best_wall = min(best_wall, (time.perf_counter() - w) / reps)
        best_cpu = min(best_cpu, (time.thread_time() - c) / reps)
    return best_wall, best_cpu


def operands(lib, m, k, n, op, rng):
    ta, tb = op[0] == "t", op[1] == "t"
    a = rng.standard_normal((k, m) if ta else (m, k)).astype(np.float32)
    b = rng.standard_normal((n, k) if tb else (k, n)).astype(np.float32)
    if lib == "torch":
        import torch
        a, b = torch.from_numpy(a), torch.from_numpy(b)
    return (a.T if ta else a), (b.T if tb else b)


def main():
    threads = int(sys.argv[1])
    libs = sys.argv[2:] or ["numpy", "torch"]
    rng = np.random.default_rng(1)
    for lib in libs:
        if lib == "torch":
            try:
                import torch
            except ImportError:
                print(json.dumps({"lib": "torch", "error": "not installed"}))
                continue
            torch.set_num_threads(threads)
            version = "torch " + torch.__version__
        else:
            version = "numpy " + np.__version__
        core = blas_core()
        cases = [(n, n, n, "nn") for n in BIG] + [(m, k, n, op) for (m, k, n) in SMALL for op in OPS]
        for (m, k, n, op) in cases:
            a, b = operands(lib, m, k, n, op, rng)
            if lib == "torch":
                import torch
                out = torch.empty((m, n), dtype=torch.float32)
                fn = lambda: torch.matmul(a, b, out=out)
            else:
                out = np.empty((m, n), dtype=np.float32)
                fn = lambda: np.matmul(a, b, out=out)
            wall, cpu = timed(fn, 2 * m * n * k)
            print(json.dumps({"lib": lib, "version": version, "blas": core, "threads": threads,
                              "shape": f"{m},{k},{n}", "op": op, "us": wall * 1e6, "cpu_us": cpu * 1e6}), flush=True)


if __name__ == "__main__":
    main()
