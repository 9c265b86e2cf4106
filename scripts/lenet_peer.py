#!/usr/bin/env python3
"""The PyTorch peer of ConvCpuTime's `lenet` step (issue 25: the LeNet epoch against PyTorch's).

    OPENBLAS_NUM_THREADS=T OMP_NUM_THREADS=T /usr/bin/python3 scripts/lenet_peer.py [threads] [warmup] [steps]

One training step as experiments' ConvBenchmark takes it: configs/mnist-cnn.json's network (conv 5x5,
8 channels, padding 2 - ReLU - max pool 2 - conv 5x5, 16 - ReLU - max pool 2 - dense 128 - ReLU -
dropout 0.3 - dense 10), softmax cross-entropy, Adam (lr 1e-3), on a batch of 128 random
MNIST-shaped images (values uniform in [0, 1), random labels; the step's work does not depend on
the values). Prints the wall and the process's CPU milliseconds per step after the warm-up; an epoch
of MNIST's 55,000 training images is 430 such steps. A benchmark aid (Debian's python3-torch), never
part of the tests.
"""
import sys
import time

import torch
from torch import nn


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    warmup = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    net = nn.Sequential(
        nn.Conv2d(1, 8, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 5 * 5, 128), nn.ReLU(), nn.Dropout(0.3), nn.Linear(128, 10))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(128, 1, 28, 28)
    y = torch.randint(0, 10, (128,))

    def step():
        opt.zero_grad()
        loss = loss_fn(net(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(warmup):
        step()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(steps):
        step()
    wall = (time.perf_counter() - wall) * 1e3 / steps
    cpu = (time.process_time() - cpu) * 1e3 / steps
    print(f"torch {torch.__version__} lenet, {threads} thread(s): {cpu:.1f} ms CPU per step (process), {wall:.1f} ms wall")


if __name__ == "__main__":
    main()
