#!/usr/bin/env python3
"""PyTorch peer of jgym's PPO on CartPole-v1 for docs/BENCHMARKS.md (a benchmark aid, not a test).

The rl-baselines3-zoo settings of configs/pg/ppo-cartpole.json: 8 envs x 32 steps, gamma 0.98,
gae_lambda 0.8, 20 epochs of batch 256, Adam lr 1e-3 and clip 0.2 both falling linearly, ent_coef 0,
vf_coef 0.5, max_grad_norm 0.5, advantages normalized per minibatch, separate 64-64 tanh actor and
critic (SB3's MlpPolicy: orthogonal init, gains sqrt 2 / 0.01 / 1). CartPole-v1 is Gymnasium's
dynamics (explicit Euler, 500-step limit) vectorized in numpy, with same-step autoreset and the
value of the final observation bootstrapped on truncation, as jgym's loop does.

    python3 scripts/ppo_cartpole_torch.py [total_steps] [seed]     (needs torch and numpy)

Prints the env steps per second of training (rollouts and updates, the final evaluation excluded),
the wall time, and the greedy mean over 100 episodes at the end.
"""
import sys
import time

import numpy as np
import torch
import torch.nn as nn

torch.set_num_threads(1)


class CartPoles:
    """N CartPole-v1 envs (Gymnasium's classic_control/cartpole.py dynamics), autoreset in the same step."""

    def __init__(self, n, rng):
        self.n, self.rng = n, rng
        self.s = rng.uniform(-0.05, 0.05, (n, 4))
        self.t = np.zeros(n, dtype=np.int64)

    def step(self, a):
        x, x_dot, th, th_dot = self.s.T
        force = np.where(a == 1, 10.0, -10.0)
        cos, sin = np.cos(th), np.sin(th)
        temp = (force + 0.05 * th_dot ** 2 * sin) / 1.1
        th_acc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos ** 2 / 1.1))
        x_acc = temp - 0.05 * th_acc * cos / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * x_acc
        th, th_dot = th + 0.02 * th_dot, th_dot + 0.02 * th_acc
        self.s = np.stack([x, x_dot, th, th_dot], axis=1)
        self.t += 1
        term = (np.abs(x) > 2.4) | (np.abs(th) > 12 * 2 * np.pi / 360)
        trunc = (self.t >= 500) & ~term
        final = self.s.astype(np.float32).copy()
        done = term | trunc
        if done.any():
            self.s[done] = self.rng.uniform(-0.05, 0.05, (int(done.sum()), 4))
            self.t[done] = 0
        return self.s.astype(np.float32), np.ones(self.n, dtype=np.float32), term, trunc, final


def mlp(out, gain):
    net = nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), nn.Linear(64, out))
    for i, layer in enumerate([net[0], net[2], net[4]]):
        nn.init.orthogonal_(layer.weight, np.sqrt(2) if i < 2 else gain)
        nn.init.zeros_(layer.bias)
    return net


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    n, T, epochs, batch, gamma, lam, lr0, clip0 = 8, 32, 20, 256, 0.98, 0.8, 1e-3, 0.2
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    actor, critic = mlp(2, 0.01), mlp(1, 1.0)
    params = list(actor.parameters()) + list(critic.parameters())
    opt = torch.optim.Adam(params, lr=lr0, eps=1e-5)
    envs = CartPoles(n, rng)
    obs = envs.s.astype(np.float32)
    iterations = total // (n * T)
    start = time.perf_counter()
    steps = 0
    for it in range(iterations):
        O = np.zeros((T, n, 4), np.float32); A = np.zeros((T, n), np.int64); R = np.zeros((T, n), np.float32)
        V = np.zeros((T, n), np.float32); LP = np.zeros((T, n), np.float32); D = np.zeros((T, n), bool); FV = np.zeros((T, n), np.float32)
        with torch.no_grad():
            for t in range(T):
                o = torch.from_numpy(obs)
                dist = torch.distributions.Categorical(logits=actor(o))
                a = dist.sample()
                O[t], A[t], V[t], LP[t] = obs, a.numpy(), critic(o).squeeze(1).numpy(), dist.log_prob(a).numpy()
                obs, R[t], term, trunc, final = envs.step(A[t])
                if trunc.any():
                    FV[t][trunc] = critic(torch.from_numpy(final[trunc])).squeeze(1).numpy()
                D[t] = term | trunc
                R[t] += gamma * FV[t]  # bootstrap a truncated episode from its final observation
                steps += n
            last = critic(torch.from_numpy(obs)).squeeze(1).numpy()
        adv = np.zeros((T, n), np.float32)
        g = np.zeros(n, np.float32)
        for t in reversed(range(T)):
            nv = last if t == T - 1 else V[t + 1]
            delta = R[t] + gamma * nv * (~D[t]) - V[t]
            g = delta + gamma * lam * (~D[t]) * g
            adv[t] = g
        ret = adv + V
        frac = 1 - steps / total
        for group in opt.param_groups:
            group["lr"] = lr0 * frac
        clip = clip0 * frac
        bO, bA, bLP = torch.from_numpy(O.reshape(-1, 4)), torch.from_numpy(A.reshape(-1)), torch.from_numpy(LP.reshape(-1))
        bAdv, bRet = torch.from_numpy(adv.reshape(-1)), torch.from_numpy(ret.reshape(-1))
        for _ in range(epochs):
            perm = torch.randperm(n * T)
            for k in range(0, n * T, batch):
                idx = perm[k:k + batch]
                dist = torch.distributions.Categorical(logits=actor(bO[idx]))
                lp = dist.log_prob(bA[idx])
                ad = bAdv[idx]
                ad = (ad - ad.mean()) / (ad.std() + 1e-8)
                ratio = torch.exp(lp - bLP[idx])
                pg = -torch.min(ad * ratio, ad * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
                vf = ((critic(bO[idx]).squeeze(1) - bRet[idx]) ** 2).mean()
                loss = pg + 0.5 * vf - 0.0 * dist.entropy().mean()
                opt.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(params, 0.5)
                opt.step()
    elapsed = time.perf_counter() - start
    # greedy evaluation, 100 episodes (not timed)
    ev = CartPoles(1, np.random.default_rng(seed + 1000))
    returns = []
    with torch.no_grad():
        for _ in range(100):
            ev.s = ev.rng.uniform(-0.05, 0.05, (1, 4)); ev.t[:] = 0
            total_r = 0.0
            while True:
                a = actor(torch.from_numpy(ev.s.astype(np.float32))).argmax(1).numpy()
                _, r, term, trunc, _ = ev.step(a)
                total_r += 1
                if term[0] or trunc[0]:
                    break
            returns.append(total_r)
    print(f"torch {torch.__version__}, 1 thread: {steps} env steps in {elapsed:.2f} s = {steps / elapsed:.0f} env steps/s; "
          f"greedy mean over 100 episodes {np.mean(returns):.1f}")


if __name__ == "__main__":
    main()
