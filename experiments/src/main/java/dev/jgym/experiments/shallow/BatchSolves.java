package dev.jgym.experiments.shallow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent annealing solves (one per batch) on a fixed partition: with T threads, worker
 * w solves tasks w, w + T, w + 2T, ... and each result lands in its task's slot. A task draws only
 * from a stream seeded by its own index, and callers combine results in task order, so the
 * outcome is bit-identical for any thread count.
 */
public final class BatchSolves {
    private BatchSolves() {}

    public static <R> List<R> run(int tasks, int threads, IntFunction<R> task) {
        Object[] results = new Object[tasks];
        int t = Math.max(1, Math.min(threads, tasks));
        if (t == 1) {
            for (int i = 0; i < tasks; i++) results[i] = task.apply(i);
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
                Thread th = new Thread(r, "jgym-anneal");
                th.setDaemon(true);
                return th;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < t; w++) {
                    int worker = w, stride = t;
                    futures.add(pool.submit(() -> {
                        for (int i = worker; i < tasks; i += stride) results[i] = task.apply(i);
                    }));
                }
                for (Future<?> f : futures) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while annealing", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            } finally {
                pool.shutdownNow();
            }
        }
        List<R> out = new ArrayList<>(tasks);
        for (Object r : results) {
            @SuppressWarnings("unchecked") R cast = (R) r;
            out.add(cast);
        }
        return out;
    }
}
