package dev.jgym.core.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@code body(from, to)} over [0, n) on a fixed set of threads, allocating nothing per call.
 * The range is cut into chunks of {@code max(1, n / (8 T))} indices for T threads; the calling
 * thread and the workers claim chunks from a shared counter until none are left. Which thread
 * computes an index therefore varies from call to call: a body must treat every index on its own
 * (as a vector env treats each sub-env), and then results never depend on the thread count.
 *
 * <p>Claiming (rather than fixed shares) keeps a shared, busy machine from stalling a call: when
 * a worker is not scheduled, the caller does its chunks instead of waiting for it. Workers spin
 * briefly for the next call, then park. One caller at a time; not reentrant.
 */
public final class ParallelRange implements AutoCloseable {
    /** The work over one chunk of indices. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private static final int SPINS = 50_000;
    private static final int EXHAUSTED = Integer.MAX_VALUE;

    private final int threads;
    private final Thread[] workers;
    /** High 32 bits: the call's generation; low 32 bits: the next unclaimed index. */
    private final AtomicLong claim = new AtomicLong();
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
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            Thread w = new Thread(this::work, "jgym-range-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    public int threads() {
        return threads;
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
        generation++;
        claim.set((long) generation << 32); // publishes body, n, chunk; index 0
        for (Thread w : workers) LockSupport.unpark(w);
        claimAndRun(generation);
        int spins = 0;
        while (completed.get() != n) {
            if (++spins < SPINS) Thread.onSpinWait();
            else Thread.yield();
        }
        // mark this call exhausted before n and chunk change for the next one, so that a worker
        // still reading the counter of this call can never claim with the next call's sizes
        claim.set(((long) generation << 32) | EXHAUSTED);
        this.body = null;
        Throwable f = failure;
        failure = null;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    /** Claims and runs chunks of call {@code gen} until none are left. */
    private void claimAndRun(int gen) {
        while (true) {
            long c = claim.get();
            if ((int) (c >>> 32) != gen) return;
            int from = (int) c;
            if (from == EXHAUSTED) return;
            int total = n;
            if (from >= total) return;
            int to = Math.min(total, from + chunk);
            if (!claim.compareAndSet(c, ((long) gen << 32) | to)) continue;
            try {
                body.run(from, to);
            } catch (Throwable e) {
                failure = e;
            } finally {
                completed.addAndGet(to - from);
            }
        }
    }

    private void work() {
        int seen = 0;
        while (!closed) {
            int gen;
            int spins = 0;
            while ((gen = (int) (claim.get() >>> 32)) == seen && !closed) {
                if (++spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            if (closed) return;
            seen = gen;
            claimAndRun(gen);
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
