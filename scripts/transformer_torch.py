#!/usr/bin/env python3
"""PyTorch peer of jgym's Transformer for docs/BENCHMARKS.md (a benchmark aid, not a test).

The shapes of experiments/src/jmh/.../TransformerBenchmark.java:
  block: one pre-LN causal block (LayerNorm, nn.MultiheadAttention with a fused in_proj, GELU MLP
         of 4 x width), batch 32, sequence 128, width 256, 4 heads; forward, then backward of a
         fixed dL/dy (parameter gradients and dL/dx).
  lm:    configs/moby-transformer.json: token embedding 64 + learned positions, 2 such blocks of
         width 64 (4 heads, MLP 256), a final LayerNorm and a per-step dense head; batches of
         32 windows of 64 characters, AdamW (lr 3e-3, weight decay 0.01), global-norm clipping 1.0;
         random windows of the vocabulary's size (the speed does not depend on the text).

    python3 scripts/transformer_torch.py [threads] [calls]    (needs torch)

Prints wall and process CPU ms per block forward + backward and per LM training step, with
tokens/s by each, over `calls` calls after two warm-up calls (jgym's TransformerBenchmark.main
prints the same; on a loaded machine the CPU figures are the comparable ones).
"""
import sys
import time

import torch
import torch.nn as nn

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
CALLS = int(sys.argv[2]) if len(sys.argv) > 2 else 5
VOCAB = 81  # Moby-Dick's characters (CharLmTest); only the head's and the embedding's size depend on it
torch.set_num_threads(THREADS)
torch.manual_seed(1)


class Block(nn.Module):
    """h = x + MHA(LN1(x)); y = h + W2 GELU(W1 LN2(h))  (jgym's TransformerBlock)."""

    def __init__(self, width, heads, steps):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(width), nn.LayerNorm(width)
        self.attn = nn.MultiheadAttention(width, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(width, 4 * width), nn.GELU(), nn.Linear(4 * width, width))
        self.register_buffer("mask", torch.triu(torch.full((steps, steps), float("-inf")), diagonal=1))

    def forward(self, x):
        a = self.ln1(x)
        h = x + self.attn(a, a, a, attn_mask=self.mask, need_weights=False)[0]
        return h + self.mlp(self.ln2(h))


class CharModel(nn.Module):
    def __init__(self, vocab, width=64, heads=4, steps=64, blocks=2):
        super().__init__()
        self.embed = nn.Embedding(vocab, width)
        self.pos = nn.Parameter(0.02 * torch.randn(steps, width))
        self.blocks = nn.Sequential(*[Block(width, heads, steps) for _ in range(blocks)])
        self.ln = nn.LayerNorm(width)
        self.head = nn.Linear(width, vocab)

    def forward(self, ids):
        return self.head(self.ln(self.blocks(self.embed(ids) + self.pos)))


def timed(what, tokens, fn, calls):
    """Wall and process CPU ms per call of fn over `calls` calls after 2 warm-up calls, printed."""
    for _ in range(2):
        fn()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        fn()
    wall_ms = (time.perf_counter() - wall) / calls * 1e3
    cpu_ms = (time.process_time() - cpu) / calls * 1e3
    print(f"torch {what}: wall {wall_ms:.1f} ms ({tokens / wall_ms * 1e3:,.0f} tokens/s), CPU {cpu_ms:.1f} ms ({tokens / cpu_ms * 1e3:,.0f} tokens/s)")


def main():
    block = Block(256, 4, 128)
    x = torch.randn(32, 128, 256, requires_grad=True)
    dy = 1e-3 * torch.randn(32, 128, 256)

    def block_step():
        block.zero_grad(set_to_none=False)
        x.grad = None
        block(x).backward(dy)

    print(f"torch {torch.__version__}, {THREADS} thread(s)")
    timed("block forward+backward (32 x 128 x 256, 4 heads)", 32 * 128, block_step, CALLS)

    model = CharModel(VOCAB)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    loss_fn = nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(2)

    def lm_step():
        ids = torch.randint(0, VOCAB, (32, 65), generator=gen)
        logits = model(ids[:, :-1])
        loss = loss_fn(logits.reshape(-1, VOCAB), ids[:, 1:].reshape(-1))
        opt.zero_grad(set_to_none=False)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()

    timed("char LM, 50 training steps (32 x 64 characters each)", 50 * 32 * 64, lambda: [lm_step() for _ in range(50)], CALLS)


if __name__ == "__main__":
    main()
