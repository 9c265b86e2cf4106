package dev.jgym.experiments.sweep;

import dev.jgym.experiments.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** The embedded default engine: trials on a fixed thread pool in this JVM, nothing to install. */
public final class LocalSweepRunner implements SweepRunner {
    private final int threads;

    public LocalSweepRunner(int threads) {
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
        this.threads = threads;
    }

    @Override
    public String describe() {
        return "local thread pool, " + threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public List<TrialTask.Outcome> run(List<Trial> trials, TrialTask task, Consumer<TrialTask.Outcome> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jgym-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TrialTask.Outcome>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(pool.submit(() -> {
                    TrialTask.Outcome o = task.run(trial);
                    progress.accept(o);
                    return o;
                }));
            }
            List<TrialTask.Outcome> outcomes = new ArrayList<>();
            for (Future<TrialTask.Outcome> f : futures) outcomes.add(Futures.join(f));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

}
