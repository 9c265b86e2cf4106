package dev.jgym.experiments;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for pool work: a task's own exception comes out as itself, not wrapped. */
public final class Futures {
    private Futures() {}

    /** The task's result; its RuntimeException or Error is rethrown unchanged (a UserError stays one). */
    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }
}
