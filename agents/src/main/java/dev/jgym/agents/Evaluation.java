package dev.jgym.agents;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import java.util.Map;
import java.util.function.Function;

/**
 * Greedy-policy evaluation: play a fixed policy for N episodes, without learning, and report the
 * mean return, the success rate and the mean episode length.
 *
 * <p>An episode is a <em>success</em> when its last step's info says so ({@code is_success}: the
 * windy gridworld's and cliff walking's goal, where every step pays -1), or else when it ends
 * {@code terminated} with a positive last reward (FrozenLake's goal, Taxi's drop-off, a won
 * Blackjack hand). The first reset uses {@code seed};
 * the later ones continue the env's stream, as the {@link dev.jgym.core.sim.Simulator} does, so
 * one seed fixes the whole evaluation. An episode that neither terminates nor truncates never
 * ends: give an env without a time limit a {@code max_episode_steps}.
 */
public final class Evaluation {
    private Evaluation() {}

    /**
     * What an evaluation measured.
     *
     * @param returns each episode's sum of rewards, in order
     * @param successRate the fraction of episodes that were a success
     * @param meanLength the mean number of steps per episode
     */
    public record Result(double[] returns, double successRate, double meanLength) {
        public int episodes() {
            return returns.length;
        }

        public double meanReturn() {
            return Stats.mean(returns);
        }

        /** Half-width of the 95% interval of the mean return. */
        public double returnCi95() {
            return Stats.ci95(returns);
        }
    }

    /** The env's own word ({@link Env#IS_SUCCESS} in the last step's info), else a terminated episode with a positive last reward. */
    static boolean success(Step<?> last) {
        return success(last.terminated(), last.reward(), last.info());
    }

    /** As {@link #success(Step)}, from the last step's parts. */
    public static boolean success(boolean terminated, double reward, Map<String, Object> info) {
        Object said = info.get(Env.IS_SUCCESS);
        if (said instanceof Boolean b) return b;
        return terminated && reward > 0;
    }

    /** Plays {@code policy} for {@code episodes} episodes from a reset with {@code seed}. */
    public static <O, A> Result run(Env<O, A> env, Function<O, A> policy, int episodes, long seed) {
        if (episodes <= 0) throw new IllegalArgumentException("episodes must be positive, was " + episodes);
        double[] returns = new double[episodes];
        long successes = 0, steps = 0;
        for (int e = 0; e < episodes; e++) {
            Reset<O> reset = e == 0 ? env.reset(seed, Map.of()) : env.reset();
            O obs = reset.observation();
            double total = 0;
            while (true) {
                Step<O> step = env.step(policy.apply(obs));
                total += step.reward();
                steps++;
                obs = step.observation();
                if (step.done()) {
                    if (success(step)) successes++;
                    break;
                }
            }
            returns[e] = total;
        }
        return new Result(returns, (double) successes / episodes, (double) steps / episodes);
    }
}
