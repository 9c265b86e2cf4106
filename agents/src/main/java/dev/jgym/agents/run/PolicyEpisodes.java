package dev.jgym.agents.run;

import dev.jgym.agents.Evaluation;
import dev.jgym.core.env.Env;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;

/**
 * A fixed (deterministic) policy played for some episodes through the {@link Simulator}, without
 * learning: episode j is the simulator's only episode, from {@code reset(seeds.child(j).nextLong())},
 * so each episode stands on its own seed. Per episode its return, length and success
 * ({@link Evaluation#success}); a {@link Watcher} may add a listener to an episode (a replay
 * recorder), closed when the episode ends. The policy-gradient and off-policy families evaluate
 * with it, and {@code jgym play} plays their runs with it.
 */
public final class PolicyEpisodes {
    private PolicyEpisodes() {}

    /** A listener for episode {@code j} (reset with {@code seed}), or null; closed after the episode when it is {@link AutoCloseable}. */
    public interface Watcher<O, A> {
        SimulatorListener<O, A> watch(int j, long seed);
    }

    /** Plays {@code episodes} episodes of {@code policy} on {@code env}; {@code watcher} may be null. */
    public static <O, A> PlayReport run(Env<O, A> env, Agent<O, A> policy, Rng seeds, int episodes, Watcher<O, A> watcher) {
        double[] returns = new double[episodes];
        int[] lengths = new int[episodes];
        Boolean[] successes = new Boolean[episodes];
        for (int j = 0; j < episodes; j++) {
            long seed = seeds.child(j).nextLong();
            int episode = j;
            Simulator.Builder<O, A> sim = Simulator.builder(env, policy).seed(seed).maxEpisodes(1).listener(new SimulatorListener<>() {
                @Override
                public void onStep(long step, Transition<O, A> t) {
                    if (t.done()) successes[episode] = Evaluation.success(t.info());
                }

                @Override
                public void onEpisodeEnd(int index, double episodeReturn, int length, boolean terminated) {
                    returns[episode] = episodeReturn;
                    lengths[episode] = length;
                }
            });
            SimulatorListener<O, A> watch = watcher == null ? null : watcher.watch(j, seed);
            if (watch != null) sim.listener(watch);
            try {
                sim.build().run();
            } finally {
                if (watch instanceof AutoCloseable c) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot close the listener of episode " + j, e);
                    }
                }
            }
        }
        return new PlayReport(returns, lengths, successes);
    }
}
