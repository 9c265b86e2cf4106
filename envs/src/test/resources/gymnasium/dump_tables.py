"""Dumps Gymnasium's transition tables (env.unwrapped.P) as reference data for the jgym tests.

Run against a Gymnasium checkout (PYTHONPATH=<checkout>):  python3 dump_tables.py <out-dir>
Each line: state action probability next_state reward terminated, in Gymnasium's list order;
probabilities printed with repr (shortest round-trip form of the float64).
"""
import gzip
import sys

import gymnasium as gym
from gymnasium.envs.toy_text.cliffwalking import CliffWalkingEnv
from gymnasium.envs.toy_text.frozen_lake import FrozenLakeEnv
from gymnasium.envs.toy_text.taxi import TaxiEnv

CASES = {
    "frozenlake-4x4-slippery": lambda: FrozenLakeEnv(map_name="4x4", is_slippery=True),
    "frozenlake-4x4-dry": lambda: FrozenLakeEnv(map_name="4x4", is_slippery=False),
    "frozenlake-8x8-slippery": lambda: FrozenLakeEnv(map_name="8x8", is_slippery=True),
    "frozenlake-8x8-dry": lambda: FrozenLakeEnv(map_name="8x8", is_slippery=False),
    "frozenlake-custom-sr075": lambda: FrozenLakeEnv(desc=["SFFHF", "FHFFG", "FFHFS"], is_slippery=True,
                                                     success_rate=0.75, reward_schedule=(5, -2, 1)),
    "cliffwalking": lambda: CliffWalkingEnv(is_slippery=False),
    "cliffwalking-slippery": lambda: CliffWalkingEnv(is_slippery=True),
    "taxi": lambda: TaxiEnv(),
    "taxi-rainy": lambda: TaxiEnv(is_rainy=True),
    "taxi-rainy-p06": lambda: TaxiEnv(is_rainy=True, rainy_probability=0.6),
}

out = sys.argv[1]
for name, make in CASES.items():
    env = make()
    with gzip.open(f"{out}/{name}.txt.gz", "wt") as f:
        f.write(f"# gymnasium {gym.__version__}: {name}\n")
        for s in sorted(env.P):
            for a in sorted(env.P[s]):
                for p, s2, r, t in env.P[s][a]:
                    f.write(f"{s} {a} {float(p)!r} {int(s2)} {float(r)!r} {int(bool(t))}\n")
    print(name, sum(len(v) for d in env.P.values() for v in d.values()))
