# Independent reference for S&B Example 4.2, Figure 4.2 (Jack's car rental): policy iteration
# with exact policy evaluation (a 441 x 441 linear solve instead of sweeps), full Poisson
# requests and returns, moves limited to the cars there. Prints every policy's max |change|,
# the value range and the final policy; the numbers in experiments JacksCarRentalFigureTest.
# Run: python3 scripts/book-reference-figure-4.2.py [--exercise-4.7]
import sys
import numpy as np
from math import exp, factorial

N, MOVE, GAMMA = 20, 5, 0.9
ex47 = "--exercise-4.7" in sys.argv

def pois(lam, upto=60):
    return np.array([exp(-lam) * lam**k / factorial(k) for k in range(upto)])

def location(req_lam, ret_lam):
    """P[m, n]: end-of-day n cars from m in the morning; R[m]: expected rentals."""
    req, ret = pois(req_lam), pois(ret_lam)
    P = np.zeros((N + 1, N + 1)); R = np.zeros(N + 1)
    for m in range(N + 1):
        for k in range(m + 1):
            pk = req[k] if k < m else 1 - req[:m].sum()
            R[m] += pk * k
            for j in range(len(ret)):
                P[m, min(m - k + j, N)] += pk * ret[j]
        P[m] /= P[m].sum()  # the returns' tail beyond 60 (about 1e-40)
    return P, R

P1, R1 = location(3, 3)
P2, R2 = location(4, 2)
S = (N + 1) ** 2
actions = range(-MOVE, MOVE + 1)

def model(n1, n2, a):
    if a > 0 and a > n1 or a < 0 and -a > n2:
        return None
    m1, m2 = min(n1 - a, N), min(n2 + a, N)
    cost = 2 * (max(a - 1, 0) if ex47 and a > 0 else abs(a))
    if ex47:
        cost += 4 * (m1 > 10) + 4 * (m2 > 10)
    r = 10 * (R1[m1] + R2[m2]) - cost
    return r, np.outer(P1[m1], P2[m2]).ravel()

table = {(s, a): model(s // (N + 1), s % (N + 1), a) for s in range(S) for a in actions}
policy = np.zeros(S, dtype=int)
for it in range(20):
    r = np.array([table[(s, policy[s])][0] for s in range(S)])
    P = np.array([table[(s, policy[s])][1] for s in range(S)])
    V = np.linalg.solve(np.eye(S) - GAMMA * P, r)
    new = policy.copy()
    for s in range(S):
        q = {a: t[0] + GAMMA * t[1] @ V for a in actions if (t := table[(s, a)]) is not None}
        best = max(q.values())
        if q[policy[s]] < best - 1e-9:
            new[s] = max(q, key=q.get)
    print(f"pi_{it}: v from {V.min():.4f} to {V.max():.4f}; v(0,0) {V[0]:.4f}, v(20,20) {V[-1]:.4f}; changes {np.sum(new != policy)}")
    if np.array_equal(new, policy):
        break
    policy = new
print(f"pi_{it} stable; rows n1 = 20 down to 0, columns n2 = 0..20:")
for n1 in range(N, -1, -1):
    print(" ".join(f"{policy[n1 * (N + 1) + n2]:2d}" for n2 in range(N + 1)))
