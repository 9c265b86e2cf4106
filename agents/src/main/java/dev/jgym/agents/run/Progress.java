package dev.jgym.agents.run;

/** Where a run reports its progress: units of {@link Run#unit()} done, and a short status. Any thread. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void advance(long units) {}
    };

    void advance(long units);

    /** A short text shown beside the bar, such as the latest episode's return. */
    default void status(String text) {}
}
