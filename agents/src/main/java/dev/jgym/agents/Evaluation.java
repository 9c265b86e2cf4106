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
 * <p>An episode is a <em>success</em> when its last step's info says so ({@code is_success},
 * {@link Env#IS_SUCCESS}): the env's own word on reaching its goal (FrozenLake's G, Taxi's
 * drop-off, cliff walking's goal, a won Blackjack hand, the mountain car's flag). An env without
 * a goal never says (Gymnasium's CartPole has none: falling ends an episode with +1, surviving
 * ends it by the time limit), so its success rate is not reported ({@link Result#successReported}
 * false). An episode cut by a time limit counts as no success. The first reset uses {@code seed};
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
     * @param successRate the fraction of episodes that were a success (0 when the env never said)
     * @param meanLength the mean number of steps per episode
     * @param successReported whether the env said success or failure at the end of some episode
     *     (an env with a goal); without it the success rate means nothing and is left out
     */
    public record Result(double[] returns, double successRate, double meanLength, boolean successReported) {
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

    /** The env's word on the episode that ended with this step: {@link Env#IS_SUCCESS} in its info, or null where it says nothing. */
    public static Boolean success(Map<String, Object> info) {
        return info.get(Env.IS_SUCCESS) instanceof Boolean b ? b : null;
    }

    /** Plays {@code policy} for {@code episodes} episodes from a reset with {@code seed}. */
    public static <O, A> Result run(Env<O, A> env, Function<O, A> policy, int episodes, long seed) {
        if (episodes <= 0) throw new IllegalArgumentException("episodes must be positive, was " + episodes);
        double[] returns = new double[episodes];
        long successes = 0, steps = 0;
        boolean reported = false;
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
                    Boolean said = success(step.info());
                    reported |= said != null;
                    if (Boolean.TRUE.equals(said)) successes++;
                    break;
                }
            }
            returns[e] = total;
        }
        return new Result(returns, (double) successes / episodes, (double) steps / episodes, reported);
    }
}
