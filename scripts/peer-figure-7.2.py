# Benchmark aid (never run by tests or CI): times the widely used Python reproduction of
# Sutton & Barto's figures, ShangtongZhang/reinforcement-learning-an-introduction,
# chapter07/random_walk.py, figure7_2(): n-step TD on the 19-state random walk, n = 1..512,
# alpha = 0, 0.1, ..., 1.0, 100 runs of 10 episodes (110,000 episodes; jgym's config has the ten
# alphas 0.1-1.0: 100,000 episodes). matplotlib and tqdm are stubbed (not needed to compute).
# Run: python3 scripts/peer-figure-7.2.py PATH/TO/chapter07/random_walk.py
import importlib.util, sys, time, types

def stub(name, **attrs):
    m = types.ModuleType(name)
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m

noop = lambda *a, **k: None
stub("matplotlib", use=noop)
sys.modules["matplotlib"].pyplot = stub("matplotlib.pyplot", plot=noop, xlabel=noop, ylabel=noop,
                                        ylim=noop, legend=noop, savefig=noop, close=noop)
stub("tqdm", tqdm=lambda it, *a, **k: it)

spec = importlib.util.spec_from_file_location("random_walk", sys.argv[1])
rw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rw)
start, cpu = time.perf_counter(), time.process_time()
rw.figure7_2()
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
print(f"peer figure7_2: {seconds:.1f} s ({cpu:.1f} CPU s) for 110,000 episodes ({110_000 / seconds:.0f} episodes/s)")
