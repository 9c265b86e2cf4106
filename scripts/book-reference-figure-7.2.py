# Independent reference for S&B Figure 7.2: n-step TD (equation 7.2) on the 19-state random walk,
# RMS over the first 10 episodes, 1000 runs; the numbers in experiments Figure72SweepTest.
# Run: python3 scripts/book-reference-figure-7.2.py
import numpy as np
rng=np.random.default_rng(7)
N=19; true=np.arange(-20,22,2)/20.0; true[0]=true[-1]=0
def episode(V,n,alpha):
    s=10; S=[s]; R=[0]; T=10**9; t=0
    while True:
        if t<T:
            s2 = s+ (1 if rng.random()<0.5 else -1)
            r = 1 if s2==20 else (-1 if s2==0 else 0)
            S.append(s2); R.append(r)
            if s2 in (0,20): T=t+1
            s=s2
        tau=t-n+1
        if tau>=0:
            G=sum(R[tau+1:min(tau+n,T)+1])
            if tau+n<T: G+=V[S[tau+n]]
            V[S[tau]]+=alpha*(G-V[S[tau]])
        if tau==T-1: break
        t+=1
for n in [1,2,4,8,16]:
    out=[]
    for alpha in [0.2,0.4,0.6,0.8]:
        errs=[]
        for run in range(1000):
            V=np.zeros(21); e=0
            for ep in range(10):
                episode(V,n,alpha); e+=np.sqrt(np.mean((V[1:20]-true[1:20])**2))
            errs.append(e/10)
        out.append(round(float(np.mean(errs)),4))
    print(n,out,flush=True)
