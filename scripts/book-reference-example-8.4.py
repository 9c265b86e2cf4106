# Independent reference for S&B Example 8.4 (prioritized sweeping vs Dyna-Q on the Dyna maze at
# resolution k: each cell split into k x k, as Zhang's chapter08/maze.py extend_maze scales it).
# n = 5, alpha 0.5, gamma 0.95, epsilon 0.1 (greedy ties at random), Q0 = 0, theta 1e-4. A run
# ends after the first episode after which the greedy path (first maximal action) from S reaches G
# within floor(1.2 x shortest path) steps; the measure is the Q updates made: Dyna-Q 1 + n per
# real step (planning draws a known (S, A) pair uniformly), prioritized sweeping the ones taken
# from its queue (a queued pair keeps the higher priority; ties leave first-in first-out).
# Plain Python, its own random numbers (numpy's PCG64). Used for the numbers in experiments
# PlanningFiguresTest.example84. Run: /usr/bin/python3 scripts/book-reference-example-8.4.py [RUNS=10] [K...]
import heapq, itertools, sys
from collections import deque
import numpy as np

def maze(k):
    rows, cols = 6 * k, 9 * k
    base = {(1, 2), (2, 2), (3, 2), (0, 7), (1, 7), (2, 7), (4, 5)}
    wall = [[(r // k, c // k) in base for c in range(cols)] for r in range(rows)]
    start = (2 * k) * cols
    goal = [r < k and c >= 8 * k for r in range(rows) for c in range(cols)]
    nxt = [[0] * 4 for _ in range(rows * cols)]
    for s in range(rows * cols):
        r, c = divmod(s, cols)
        for a, (dr, dc) in enumerate(((-1, 0), (0, 1), (1, 0), (0, -1))):
            rr, cc = r + dr, c + dc
            nxt[s][a] = s if rr < 0 or rr >= rows or cc < 0 or cc >= cols or wall[rr][cc] else rr * cols + cc
    dist = {start: 0}; q = deque([start]); shortest = None
    while q and shortest is None:
        s = q.popleft()
        for a in range(4):
            t = nxt[s][a]
            if goal[t]: shortest = dist[s] + 1; break
            if t not in dist: dist[t] = dist[s] + 1; q.append(t)
    states = sum(not wall[r][c] for r in range(rows) for c in range(cols))
    return rows * cols, start, goal, nxt, shortest, states

def greedy_ok(Q, start, goal, nxt, limit):
    s = start
    for _ in range(limit):
        row = Q[s]; a = row.index(max(row)); s = nxt[s][a]
        if goal[s]: return True
    return False

def run(kind, k, rng, max_episodes=1000, n=5, alpha=0.5, gamma=0.95, eps=0.1, theta=1e-4):
    N, start, goal, nxt, shortest, _ = maze(k)
    limit = int(1.2 * shortest + 1e-9)
    Q = [[0.0] * 4 for _ in range(N)]
    model = {}; pairs = []; preds = [set() for _ in range(N)]
    pq = []; live = {}; counter = itertools.count(); updates = 0
    def target(sa):
        r, t, done = model[sa]
        return r + (0.0 if done else gamma * max(Q[t]))
    def push(sa, p):
        if not p > theta: return
        if sa in live and live[sa][0] >= p: return
        entry = (p, next(counter)); live[sa] = entry; heapq.heappush(pq, (-p, entry[1], sa))
    for episode in range(1, max_episodes + 1):
        s = start
        while True:
            if rng.random() < eps: a = int(rng.integers(4))
            else:
                row = Q[s]; m = max(row); best = [i for i in range(4) if row[i] == m]
                a = best[0] if len(best) == 1 else best[int(rng.integers(len(best)))]
            t = nxt[s][a]; done = goal[t]; r = 1.0 if done else 0.0
            sa = (s, a)
            if kind == "dyna":
                Q[s][a] += alpha * (r + (0.0 if done else gamma * max(Q[t])) - Q[s][a]); updates += 1
                if sa not in model: pairs.append(sa)
                model[sa] = (r, t, done)
                for _ in range(n):
                    ps, pa = pairs[int(rng.integers(len(pairs)))]
                    Q[ps][pa] += alpha * (target((ps, pa)) - Q[ps][pa]); updates += 1
            else:
                if not done: preds[t].add(sa)
                model[sa] = (r, t, done)
                push(sa, abs(target(sa) - Q[s][a]))
                for _ in range(n):
                    first = None
                    while pq:
                        _, seq, cand = heapq.heappop(pq)
                        if cand in live and live[cand][1] == seq: del live[cand]; first = cand; break
                    if first is None: break
                    fs, fa = first
                    Q[fs][fa] += alpha * (target(first) - Q[fs][fa]); updates += 1
                    for pred in preds[fs]:
                        push(pred, abs(target(pred) - Q[pred[0]][pred[1]]))
            if done: break
            s = t
        if greedy_ok(Q, start, goal, nxt, limit): return updates, True
    return updates, False

if __name__ == "__main__":
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    ks = [int(x) for x in sys.argv[2:]] or [1, 2, 3, 4, 5, 6]
    rng = np.random.default_rng(84)
    for k in ks:
        _, _, _, _, shortest, states = maze(k)
        line = f"k = {k}, {states} states, path {shortest} (<= {int(1.2 * shortest + 1e-9)}):"
        means, medians = [], []
        for kind, name in (("ps", "prioritized sweeping"), ("dyna", "Dyna-Q")):
            res = [run(kind, k, rng) for _ in range(runs)]
            got = [u for u, ok in res if ok]
            means.append(sum(got) / len(got))
            medians.append(float(np.median([u if ok else float("inf") for u, ok in res])))
            line += f"  {name} mean {means[-1]:.0f} median {medians[-1]:.0f} ({len(got)}/{runs})"
        print(line + f"  ratio of means {means[1] / means[0]:.1f}, of medians {medians[1] / medians[0]:.1f}", flush=True)
