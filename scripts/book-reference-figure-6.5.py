# Independent reference for S&B Figure 6.5 (maximization bias): Q-learning and Double Q-learning,
# alpha 0.1, epsilon 0.1, 10 actions in B, 10,000 runs of 300 episodes; the fraction going left from A.
# Used for the numbers in experiments MaximizationBiasFigureTest. Run: python3 scripts/book-reference-figure-6.5.py
import numpy as np
rng=np.random.default_rng(1)
def run(double, eps=300):
    QA=[np.zeros(2),np.zeros(2)]; QB=[np.zeros(10),np.zeros(10)]
    left=np.zeros(eps)
    def choose(vals):
        if rng.random()<0.1: return rng.integers(len(vals))
        m=vals.max(); return rng.choice(np.flatnonzero(vals==m))
    for e in range(eps):
        a=choose(QA[0]+QA[1] if double else QA[0])  # 1=left
        if a==1:
            left[e]=1
            if double:
                i=rng.integers(2); j=1-i
                tgt=QB[j][np.argmax(QB[i])] if True else 0
                QA[i][1]+=0.1*(tgt-QA[i][1])
            else:
                QA[0][1]+=0.1*(QB[0].max()-QA[0][1])
            b=choose(QB[0]+QB[1] if double else QB[0]); r=rng.normal(-0.1,1)
            if double:
                i=rng.integers(2); QB[i][b]+=0.1*(r-QB[i][b])
            else: QB[0][b]+=0.1*(r-QB[0][b])
        else:
            if double:
                i=rng.integers(2); QA[i][0]+=0.1*(0-QA[i][0])
    return left
for d in [False,True]:
    L=np.mean([run(d) for _ in range(10000)],axis=0)
    print(d, L[[0,4,9,19,49,99]].round(3), "peak", L.max().round(3), L.argmax()+1, "mean 201-300", L[200:].mean().round(4), "mean 21-40", L[20:40].mean().round(4))
