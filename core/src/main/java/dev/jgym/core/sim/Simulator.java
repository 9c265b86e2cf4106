package dev.jgym.core.sim;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The game loop: one env, one agent, listeners and a clock.
 *
 * <p>A tick is: wait for the clock; {@code a = agent.act(obs)}; {@code step = env.step(a)};
 * {@code agent.observe(transition)}; every listener's {@code onStep}. When a step ends the
 * episode ({@code terminated} or {@code truncated}), listeners hear {@code onEpisodeEnd} and the
 * next tick starts a new episode with {@code env.reset()}. The first reset uses the seed given to
 * the builder; later resets continue the env's stream, so one seed fixes the whole run.
 *
 * <p>It stops at the step budget, at the episode budget, or when {@link #requestStop()} is called
 * (from any thread; the current tick finishes first). {@link #runUntil} pauses it earlier, mid-episode
 * too, and the next call goes on where it paused: a run cut into pieces is the same run, tick for tick.
 */
public final class Simulator<O, A> {
    /** Why {@link #run()} (or {@link #runUntil}) returned: a budget (or the limit given) reached, or a stop. */
    public enum StopReason { STEP_BUDGET, EPISODE_BUDGET, STOP_REQUESTED }

    /** What a run did. */
    public record Result(long steps, int episodes, StopReason reason) {}

    private final Env<O, A> env;
    private final Agent<O, A> agent;
    private final List<SimulatorListener<O, A>> listeners;
    private final Clock clock;
    private final long seed;
    private final long maxSteps;
    private final int maxEpisodes;
    private volatile boolean stopRequested;
    // where the loop stands between calls of runUntil
    private long steps;
    private int episodes;
    private boolean firstReset = true, inEpisode;
    private O obs;
    private double episodeReturn;
    private int length;

    private Simulator(Builder<O, A> b) {
        this.env = b.env;
        this.agent = b.agent;
        this.listeners = List.copyOf(b.listeners);
        this.clock = b.clock;
        this.seed = b.seed;
        this.maxSteps = b.maxSteps;
        this.maxEpisodes = b.maxEpisodes;
    }

    public static <O, A> Builder<O, A> builder(Env<O, A> env, Agent<O, A> agent) {
        return new Builder<>(env, agent);
    }

    /** Asks the loop to stop after the current tick; safe from any thread. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Runs until a budget is spent or a stop is requested. */
    public Result run() {
        return runUntil(maxSteps, maxEpisodes);
    }

    /**
     * Runs until {@code stepLimit} steps or {@code episodeLimit} episodes are done in all (each
     * capped by its budget), or a stop is requested; a later call continues from there (an
     * episode cut by the step limit goes on without a reset). The counts in the result are the
     * run's totals so far.
     */
    public Result runUntil(long stepLimit, int episodeLimit) {
        long stepCap = Math.min(stepLimit, maxSteps);
        int episodeCap = Math.min(episodeLimit, maxEpisodes);
        while (true) {
            if (!inEpisode) {
                if (stopRequested) return new Result(steps, episodes, StopReason.STOP_REQUESTED);
                if (episodes >= episodeCap) return new Result(steps, episodes, StopReason.EPISODE_BUDGET);
                if (steps >= stepCap) return new Result(steps, episodes, StopReason.STEP_BUDGET);

                Reset<O> reset = firstReset ? env.reset(seed, Map.of()) : env.reset();
                firstReset = false;
                obs = reset.observation();
                agent.onEpisodeStart(obs, reset.info());
                for (SimulatorListener<O, A> l : listeners) l.onEpisodeStart(episodes, obs, reset.info());
                episodeReturn = 0;
                length = 0;
                inEpisode = true;
            }
            while (inEpisode) {
                if (stopRequested) return new Result(steps, episodes, StopReason.STOP_REQUESTED);
                if (steps >= stepCap) return new Result(steps, episodes, StopReason.STEP_BUDGET);
                clock.awaitTick();
                A action = agent.act(obs);
                Step<O> step = env.step(action);
                Transition<O, A> t = new Transition<>(obs, action, step.reward(), step.observation(),
                        step.terminated(), step.truncated(), step.info());
                agent.observe(t);
                for (SimulatorListener<O, A> l : listeners) l.onStep(steps, t);
                steps++;
                length++;
                episodeReturn += step.reward();
                obs = step.observation();
                if (step.done()) {
                    for (SimulatorListener<O, A> l : listeners) l.onEpisodeEnd(episodes, episodeReturn, length, step.terminated());
                    episodes++;
                    inEpisode = false;
                }
            }
        }
    }

    /** Configures a simulation; only env and agent are required. */
    public static final class Builder<O, A> {
        private final Env<O, A> env;
        private final Agent<O, A> agent;
        private final List<SimulatorListener<O, A>> listeners = new ArrayList<>();
        private Clock clock = Clock.headless();
        private long seed;
        private long maxSteps = Long.MAX_VALUE;
        private int maxEpisodes = Integer.MAX_VALUE;

        private Builder(Env<O, A> env, Agent<O, A> agent) {
            this.env = Objects.requireNonNull(env, "env");
            this.agent = Objects.requireNonNull(agent, "agent");
        }

        /** The seed of the first reset. */
        public Builder<O, A> seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder<O, A> maxSteps(long steps) {
            if (steps < 0) throw new IllegalArgumentException("maxSteps must be >= 0, was " + steps);
            this.maxSteps = steps;
            return this;
        }

        public Builder<O, A> maxEpisodes(int episodes) {
            if (episodes < 0) throw new IllegalArgumentException("maxEpisodes must be >= 0, was " + episodes);
            this.maxEpisodes = episodes;
            return this;
        }

        public Builder<O, A> clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder<O, A> listener(SimulatorListener<O, A> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        public Simulator<O, A> build() {
            return new Simulator<>(this);
        }
    }
}
