package dev.jgym.agents.run;

/**
 * Set when the user asks a run to stop (Ctrl-C, SIGTERM). A resumable run polls it between steps,
 * writes its checkpoint and returns an interrupted {@link Run.Outcome}; others never see it.
 */
public final class StopSignal {
    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean requested() {
        return requested;
    }
}
