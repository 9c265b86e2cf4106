#!/usr/bin/env python3
"""The speed peer of jgym's SAC (a benchmark aid, not part of the build or the tests).

SAC with automatic entropy tuning in PyTorch, with the settings of configs/sac/pendulum.json, which
are Stable-Baselines3's defaults with the zoo's learning rate: actor and two critics of 256-256
ReLU, Adam (lr 1e-3) for actor, critics and log alpha, batch 256, gamma 0.99, tau 0.005, 100
uniformly random warm-up steps, then one gradient step per env step; the update in SB3's order
(temperature, critics, actor, Polyak). Pendulum-v1 is Gymnasium's pendulum.py in numpy (200-step
episodes). Prints env steps per second over the whole run, like jgym's timing.json.

    python3 scripts/sac_peer.py [steps] [threads]
"""
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Pendulum:
    """gymnasium/envs/classic_control/pendulum.py, g = 10, truncated at 200 steps."""

    def __init__(self, rng):
        self.rng = rng

    def reset(self):
        self.th, self.thdot = self.rng.uniform(-math.pi, math.pi), self.rng.uniform(-1, 1)
        self.t = 0
        return self.obs()

    def obs(self):
        return np.array([math.cos(self.th), math.sin(self.th), self.thdot], dtype=np.float32)

    def step(self, u):
        u = float(np.clip(u, -2.0, 2.0))
        norm = ((self.th + math.pi) % (2 * math.pi)) - math.pi
        cost = norm ** 2 + 0.1 * self.thdot ** 2 + 0.001 * u ** 2
        self.thdot = float(np.clip(self.thdot + (3 * 10.0 / 2 * math.sin(self.th) + 3.0 * u) * 0.05, -8, 8))
        self.th = self.th + self.thdot * 0.05
        self.t += 1
        return self.obs(), -cost, self.t >= 200


def mlp(inp, out):
    return nn.Sequential(nn.Linear(inp, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, out))


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    torch.manual_seed(1)
    rng = np.random.default_rng(1)
    obs_dim, act_dim, batch, gamma, tau, lr, starts = 3, 1, 256, 0.99, 0.005, 1e-3, 100
    actor = mlp(obs_dim, 2 * act_dim)
    q1, q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
    q1_t, q2_t = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
    q1_t.load_state_dict(q1.state_dict())
    q2_t.load_state_dict(q2.state_dict())
    log_alpha = torch.zeros(1, requires_grad=True)
    opt_actor = torch.optim.Adam(actor.parameters(), lr=lr)
    opt_critic = torch.optim.Adam(list(q1.parameters()) + list(q2.parameters()), lr=lr)
    opt_alpha = torch.optim.Adam([log_alpha], lr=lr)
    target_entropy = -float(act_dim)

    def sample(o):
        out = actor(o)
        mu, log_std = out[:, :act_dim], out[:, act_dim:].clamp(-20, 2)
        u = mu + log_std.exp() * torch.randn_like(mu)
        a = torch.tanh(u)
        logp = (-0.5 * ((u - mu) / log_std.exp()) ** 2 - log_std - 0.5 * math.log(2 * math.pi)).sum(1)
        logp = logp - (2 * (math.log(2) - u - F.softplus(-2 * u))).sum(1)
        return a, logp

    buf_o = np.zeros((steps, obs_dim), np.float32)
    buf_a = np.zeros((steps, act_dim), np.float32)
    buf_r = np.zeros((steps, 1), np.float32)
    buf_n = np.zeros((steps, obs_dim), np.float32)
    buf_d = np.zeros((steps, 1), np.float32)
    env = Pendulum(rng)
    o = env.reset()
    start = time.perf_counter()
    for t in range(steps):
        if t < starts:
            a = rng.uniform(-1, 1, act_dim).astype(np.float32)
        else:
            with torch.no_grad():
                a = sample(torch.as_tensor(o).unsqueeze(0))[0][0].numpy()
        o2, r, trunc = env.step(2.0 * a[0])
        buf_o[t], buf_a[t], buf_r[t], buf_n[t], buf_d[t] = o, a, r, o2, gamma  # Pendulum never terminates
        o = env.reset() if trunc else o2
        if t + 1 > starts:
            idx = rng.integers(0, t + 1, batch)
            bo, ba, br, bn, bd = (torch.as_tensor(x[idx]) for x in (buf_o, buf_a, buf_r, buf_n, buf_d))
            a_pi, logp = sample(bo)
            alpha = log_alpha.detach().exp()
            loss_alpha = -(log_alpha * (logp + target_entropy).detach()).mean()
            opt_alpha.zero_grad()
            loss_alpha.backward()
            opt_alpha.step()
            with torch.no_grad():
                a2, logp2 = sample(bn)
                x2 = torch.cat([bn, a2], 1)
                y = br + bd * (torch.min(q1_t(x2), q2_t(x2)) - alpha * logp2.unsqueeze(1))
            x = torch.cat([bo, ba], 1)
            loss_q = 0.5 * (F.mse_loss(q1(x), y) + F.mse_loss(q2(x), y))
            opt_critic.zero_grad()
            loss_q.backward()
            opt_critic.step()
            xp = torch.cat([bo, a_pi], 1)
            loss_pi = (alpha * logp - torch.min(q1(xp), q2(xp)).squeeze(1)).mean()
            opt_actor.zero_grad()
            loss_pi.backward()
            opt_actor.step()
            with torch.no_grad():
                for net, tgt in ((q1, q1_t), (q2, q2_t)):
                    for p, pt in zip(net.parameters(), tgt.parameters()):
                        pt.mul_(1 - tau).add_(tau * p)
    seconds = time.perf_counter() - start
    print(f"peer: {steps} steps in {seconds:.1f} s, {steps / seconds:.1f} steps/s (torch {torch.__version__}, {torch.get_num_threads()} threads)")


if __name__ == "__main__":
    main()
