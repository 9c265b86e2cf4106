#!/usr/bin/env python3
"""numpy and PyTorch (CPU) on the products of jgym's GemmShapes (the Transformer block's layers),
best of 20 calls after 5 warm-up calls, one thread: run by scripts/bench-gemm-shapes.sh with the
BLAS overrides unset. A benchmark aid, never part of the build or the tests."""
import time

import numpy as np
import torch

torch.set_num_threads(1)
SHAPES = ((1024, 1024, 1024, "nn"), (4096, 768, 256, "nt"), (768, 256, 4096, "tn"), (4096, 256, 768, "nn"),
          (4096, 1024, 256, "nt"), (1024, 256, 4096, "tn"), (4096, 256, 1024, "nn"))


def best(fn):
    for _ in range(5):
        fn()
    t = float("inf")
    for _ in range(20):
        w = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - w)
    return t


rng = np.random.default_rng(1)
for m, n, k, op in SHAPES:
    a = rng.random((k, m) if op[0] == "t" else (m, k), dtype=np.float32)
    b = rng.random((n, k) if op[1] == "t" else (k, n), dtype=np.float32)
    x, y = (a.T if op[0] == "t" else a), (b.T if op[1] == "t" else b)
    tx, ty = torch.from_numpy(a), torch.from_numpy(b)
    tx, ty = (tx.t() if op[0] == "t" else tx), (ty.t() if op[1] == "t" else ty)
    flops = 2.0 * m * n * k
    tn, tt = best(lambda: x @ y), best(lambda: tx @ ty)
    print(f"peer {op} m={m} n={n} k={k}: numpy {tn * 1e3:.2f} ms ({flops / tn / 1e9:.1f} GFLOP/s), torch {tt * 1e3:.2f} ms ({flops / tt / 1e9:.1f} GFLOP/s)")
