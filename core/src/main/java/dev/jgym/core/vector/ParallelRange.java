package dev.jgym.core.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs {@code body(from, to)} over [0, n) cut into one contiguous chunk per thread, on a fixed
 * set of worker threads, allocating nothing per call: the calling thread takes chunk 0, each
 * worker one more. Chunk t is {@code [n t / T, n (t + 1) / T)} for T threads, so which thread
 * computes which index is fixed, though results must not depend on it anyway.
 *
 * <p>Workers spin briefly for the next call, then park. One caller at a time; not reentrant.
 */
public final class ParallelRange implements AutoCloseable {
    /** The work over one chunk of indices. */
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private static final int SPINS = 20_000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile boolean closed;
    private volatile Body body;
    private volatile int n;
    private volatile Throwable failure;

    /** A range runner with {@code threads} threads in all (the caller's included); 1 runs inline. */
    public ParallelRange(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be positive, was " + threads);
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int t = 1; t < threads; t++) {
            int chunk = t;
            Thread w = new Thread(() -> work(chunk), "jgym-range-" + t);
            w.setDaemon(true);
            workers[t - 1] = w;
            w.start();
        }
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code body} over [0, n) and returns when every chunk is done; rethrows a worker's failure. */
    public void run(int n, Body body) {
        if (closed) throw new IllegalStateException("ParallelRange is closed");
        if (threads == 1) {
            body.run(0, n);
            return;
        }
        this.body = body;
        this.n = n;
        pending.set(threads - 1);
        generation = generation + 1; // publishes body and n
        for (Thread w : workers) LockSupport.unpark(w);
        Throwable own = null;
        try {
            body.run(0, chunkEnd(n, 0));
        } catch (Throwable e) {
            own = e;
        }
        while (pending.get() != 0) Thread.onSpinWait();
        this.body = null;
        Throwable f = own != null ? own : failure;
        failure = null;
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error e) throw e;
        if (f != null) throw new IllegalStateException(f);
    }

    private int chunkEnd(int n, int t) {
        return (int) ((long) n * (t + 1) / threads);
    }

    private void work(int chunk) {
        long seen = 0;
        while (true) {
            long g;
            int spins = 0;
            while ((g = generation) == seen && !closed) {
                if (spins < SPINS) {
                    spins++;
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) return;
            seen = g;
            try {
                int total = n;
                body.run((int) ((long) total * chunk / threads), chunkEnd(total, chunk));
            } catch (Throwable e) {
                failure = e;
            } finally {
                pending.decrementAndGet();
            }
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
