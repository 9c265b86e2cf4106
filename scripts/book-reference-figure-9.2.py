# Independent reference for S&B Figure 9.2 (right): n-step semi-gradient TD with state aggregation
# (20 groups of 50 states) on the 1000-state random walk, RMS over the 1000 states averaged over
# the first 10 episodes, 300 runs; the numbers in experiments RandomWalk1000SweepTest.
# Run: python3 scripts/book-reference-figure-9.2.py
import numpy as np
rng=np.random.default_rng(11)
N=1000
# v of the random policy: v = P v + r over states 1..N (a jump of 1..100 left or right, the ends terminal)
P=np.zeros((N,N)); r=np.zeros(N)
for s in range(1,N+1):
    for d in (-1,1):
        for k in range(1,101):
            s2=s+d*k
            if s2<1: r[s-1]-=1/200
            elif s2>N: r[s-1]+=1/200
            else: P[s-1,s2-1]+=1/200
true=np.linalg.solve(np.eye(N)-P,r)
group=lambda s:(s-1)//50
def episode(w,n,alpha):
    s=500; S=[s]; R=[0]; T=10**9; t=0
    while True:
        if t<T:
            s2=s+(1 if rng.random()<0.5 else -1)*int(rng.integers(1,101))
            rew=1 if s2>N else (-1 if s2<1 else 0)
            S.append(s2); R.append(rew)
            if s2<1 or s2>N: T=t+1
            s=s2
        tau=t-n+1
        if tau>=0:
            G=sum(R[tau+1:min(tau+n,T)+1])
            if tau+n<T: G+=w[group(S[tau+n])]
            g=group(S[tau]); w[g]+=alpha*(G-w[g])
        if tau==T-1: break
        t+=1
for n in [1,2,4,8]:
    out=[]
    for alpha in [0.2,0.4,0.6,0.8]:
        errs=[]
        for run in range(300):
            w=np.zeros(20); e=0
            for ep in range(10):
                episode(w,n,alpha); e+=np.sqrt(np.mean((np.repeat(w,50)-true)**2))
            errs.append(e/10)
        out.append(round(float(np.mean(errs)),4))
    print(n,out,flush=True)
