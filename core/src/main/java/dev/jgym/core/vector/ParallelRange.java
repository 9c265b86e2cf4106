package dev.jgym.core.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@code body(from, to)} over [0, n) on a fixed set of threads, allocating nothing per call.
 *
 * <p>Each of the T threads (the caller is thread 0) has a home share of the range,
 * {@code [n t / T, n (t + 1) / T)}, cut into chunks of {@code max(1, n / (8 T))} indices. A thread
 * claims its own chunks first, so on a quiet machine every thread works on the same indices call
 * after call and their data stays in that core's cache; then it takes chunks left in the other
 * shares, so a worker the OS has not scheduled never stalls a call (the caller does its chunks).
 * Which thread computes an index can therefore vary: a body must treat every index on its own (as
 * a vector env treats each sub-env), and then results never depend on the thread count.
 *
 * <p>Workers spin briefly for the next call, then park. One caller at a time; not reentrant.
 */
public final class ParallelRange implements AutoCloseable {
    /** The work over one chunk of indices. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private static final int SPINS = 50_000;
    private static final int EXHAUSTED = Integer.MAX_VALUE;
    /** Counters sit 16 longs (128 bytes) apart so two threads' counters never share a cache line. */
    private static final int PAD = 16;

    private final int threads;
    private final Thread[] workers;
    /** Per thread t at index t * PAD: high 32 bits the call's generation, low 32 the next unclaimed index of t's share. */
    private final AtomicLongArray claims;
    private final AtomicInteger completed = new AtomicInteger();
    private volatile boolean closed;
    private volatile Body body;
    private volatile int n, chunk;
    private volatile Throwable failure;
    private int generation;

    /** A range runner with {@code threads} threads in all (the caller's included); 1 runs inline. */
    public ParallelRange(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be positive, was " + threads);
        this.threads = threads;
        this.claims = new AtomicLongArray((threads + 1) * PAD);
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int self = t;
            Thread w = new Thread(() -> work(self), "jgym-range-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    public int threads() {
        return threads;
    }

    private int shareStart(int total, int t) {
        return (int) ((long) total * t / threads);
    }

    /** Runs {@code body} over [0, n) and returns when every index is done; rethrows a failure. */
    public void run(int n, Body body) {
        if (closed) throw new IllegalStateException("ParallelRange is closed");
        if (threads == 1 || n <= 1) {
            body.run(0, n);
            return;
        }
        this.body = body;
        this.n = n;
        this.chunk = Math.max(1, n / (8 * threads));
        completed.set(0);
        long gen = ++generation;
        for (int t = 0; t < threads; t++) claims.set(t * PAD, (gen << 32) | shareStart(n, t)); // publishes body, n, chunk
        for (Thread w : workers) LockSupport.unpark(w);
        claimAndRun(generation, 0);
        int spins = 0;
        while (completed.get() != n) {
            if (++spins < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        // mark this call exhausted before n and chunk change for the next one, so that a worker
        // still reading a counter of this call can never claim with the next call's sizes
        for (int t = 0; t < threads; t++) claims.set(t * PAD, (gen << 32) | EXHAUSTED);
        this.body = null;
        Throwable f = failure;
        failure = null;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Claims and runs chunks of call {@code gen}: its own share first, then the others'. */
    private void claimAndRun(int gen, int self) {
        for (int k = 0; k < threads; k++) {
            int owner = (self + k) % threads;
            while (true) {
                long c = claims.get(owner * PAD);
                if ((int) (c >>> 32) != gen) break;
                int from = (int) c;
                if (from == EXHAUSTED) break;
                int total = n;
                int end = shareStart(total, owner + 1);
                if (from >= end) break;
                int to = Math.min(end, from + chunk);
                if (!claims.compareAndSet(owner * PAD, c, ((long) gen << 32) | to)) continue;
                try {
                    body.run(from, to);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    completed.addAndGet(to - from);
                }
            }
        }
    }

    private void work(int self) {
        int seen = 0;
        while (!closed) {
            int gen;
            int spins = 0;
            while ((gen = (int) (claims.get(self * PAD) >>> 32)) == seen && !closed) {
                if (++spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = gen;
            claimAndRun(gen, self);
        }
    }

    /** Stops the workers; safe to call twice. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }
}
