package dev.jgym.agents.tabular;

import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;

/**
 * How a tabular agent explores around its action values (Sutton &amp; Barto, 2nd ed., sections
 * 2.2, 2.8 and 5.4):
 * <ul>
 *   <li><b>ε-greedy</b>: with probability ε an action uniformly at random (the greedy one
 *       included), otherwise a greedy action, ties broken uniformly at random from the agent's
 *       stream. ε may follow a schedule over episodes: {@code linear} from ε to
 *       {@code epsilon_end} over {@code epsilon_decay_episodes}, then constant; or
 *       {@code exponential}, ε_k = ε_end + (ε − ε_end)·exp(−k / decay).
 *   <li><b>softmax</b> (Boltzmann), when {@code temperature} τ is given:
 *       π(a|s) = exp(Q(s,a)/τ) / Σ_b exp(Q(s,b)/τ), computed from Q − max Q so that it never overflows.
 * </ul>
 * {@link #probability} gives π(a|s) for the same rule (Expected SARSA's expectation, the behaviour
 * probabilities of off-policy Monte Carlo). Hot path on primitive arrays, no allocation.
 */
public final class Exploration {
    /** Settings shared by the tabular agents; each agent's settings record carries these fields. */
    public record Settings(double epsilon, Double epsilonEnd, Integer decayEpisodes, String schedule, Double temperature) {
        public Settings {
            Check.inRange("epsilon", epsilon, 0, 1);
            if (epsilonEnd != null) Check.inRange("epsilon_end", epsilonEnd, 0, 1);
            if (decayEpisodes != null) Check.positive("epsilon_decay_episodes", decayEpisodes);
            Check.that((epsilonEnd == null) == (decayEpisodes == null), epsilonEnd == null ? "epsilon_end" : "epsilon_decay_episodes",
                    "a schedule needs both epsilon_end and epsilon_decay_episodes");
            schedule = schedule == null ? "linear" : schedule;
            Check.that(schedule.equals("linear") || schedule.equals("exponential"), "epsilon_schedule",
                    "expected \"linear\" or \"exponential\", found \"" + schedule + "\"");
            if (temperature != null) Check.positive("temperature", temperature);
        }
    }

    private final Settings settings;
    private final int actions;
    private final int[] ties;
    private final double[] weights;
    private double epsilon;
    private long episodes;

    public Exploration(Settings settings, int actions) {
        this.settings = settings;
        this.actions = actions;
        this.ties = new int[actions];
        this.weights = new double[actions];
        this.epsilon = settings.epsilon();
    }

    public boolean softmax() {
        return settings.temperature() != null;
    }

    /** The current ε (after the schedule). */
    public double epsilon() {
        return epsilon;
    }

    /** Advances the schedule: call at the start of every episode (the first one included). */
    public void episodeStarted() {
        if (settings.epsilonEnd() != null) {
            double start = settings.epsilon(), end = settings.epsilonEnd(), k = episodes, n = settings.decayEpisodes();
            epsilon = settings.schedule().equals("linear") ? start + (end - start) * Math.min(1, k / n)
                    : end + (start - end) * StrictMath.exp(-k / n);
        }
        episodes++;
    }

    /** Episodes started so far (for saved tables). */
    public long episodes() {
        return episodes;
    }

    void setEpisodes(long n) {
        episodes = n;
    }

    /** An action for the row {@code q[off .. off + actions)}. */
    public int select(double[] q, int off, Rng rng) {
        if (softmax()) {
            softmaxWeights(q, off);
            return rng.choice(weights);
        }
        if (epsilon > 0 && rng.nextDouble() < epsilon) return rng.nextInt(actions);
        return argmax(q, off, rng);
    }

    /** A greedy action, ties broken uniformly at random (a draw only when there is a tie). */
    public int argmax(double[] q, int off, Rng rng) {
        int count = greedySet(q, off);
        return count == 1 ? ties[0] : ties[rng.nextInt(count)];
    }

    /** The lowest-numbered greedy action: no draw (greedy evaluation, target policies). */
    public static int firstArgmax(double[] q, int off, int actions) {
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[off + a] > q[off + best]) best = a;
        }
        return best;
    }

    /**
     * An action for the row {@code q[off .. off + actions)} among the legal ones
     * ({@code legal[off + a]}): ε-greedy picks a legal action uniformly with probability ε, else a
     * greedy legal one (ties uniformly); softmax weighs the legal ones only.
     */
    public int select(double[] q, int off, Rng rng, boolean[] legal) {
        if (softmax()) {
            softmaxWeights(q, off);
            for (int a = 0; a < actions; a++) if (!legal[off + a]) weights[a] = 0;
            return rng.choice(weights);
        }
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            int k = rng.nextInt(legalCount(legal, off));
            for (int a = 0; a < actions; a++) {
                if (legal[off + a] && k-- == 0) return a;
            }
        }
        return argmax(q, off, rng, legal);
    }

    /** A greedy legal action, ties broken uniformly at random (a draw only when there is a tie). */
    public int argmax(double[] q, int off, Rng rng, boolean[] legal) {
        double best = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int a = 0; a < actions; a++) {
            if (!legal[off + a]) continue;
            double v = q[off + a];
            if (count == 0 || v > best) {
                best = v;
                ties[0] = a;
                count = 1;
            } else if (v == best) {
                ties[count++] = a;
            }
        }
        return count == 1 ? ties[0] : ties[rng.nextInt(count)];
    }

    /** The lowest-numbered greedy legal action: no draw. */
    public static int firstArgmax(double[] q, int off, int actions, boolean[] legal) {
        int best = -1;
        for (int a = 0; a < actions; a++) {
            if (legal[off + a] && (best < 0 || q[off + a] > q[off + best])) best = a;
        }
        return best;
    }

    private int legalCount(boolean[] legal, int off) {
        int n = 0;
        for (int a = 0; a < actions; a++) if (legal[off + a]) n++;
        return n;
    }

    /** π(a|s) under this rule for the row at {@code off}. */
    public double probability(double[] q, int off, int a) {
        if (softmax()) {
            softmaxWeights(q, off);
            double total = 0;
            for (double w : weights) total += w;
            return weights[a] / total;
        }
        int count = greedySet(q, off);
        double p = epsilon / actions;
        for (int i = 0; i < count; i++) {
            if (ties[i] == a) return p + (1 - epsilon) / count;
        }
        return p;
    }

    /** Σ_a π(a|s) q(s, a): the expected value of the row under this rule (Expected SARSA). */
    public double expectedValue(double[] q, int off) {
        if (softmax()) {
            softmaxWeights(q, off);
            double total = 0, sum = 0;
            for (int a = 0; a < actions; a++) {
                total += weights[a];
                sum += weights[a] * q[off + a];
            }
            return sum / total;
        }
        int count = greedySet(q, off);
        double mean = 0;
        for (int a = 0; a < actions; a++) mean += q[off + a];
        return epsilon * mean / actions + (1 - epsilon) * q[off + ties[0]];
    }

    private int greedySet(double[] q, int off) {
        double best = Double.NEGATIVE_INFINITY;
        int count = 0;
        for (int a = 0; a < actions; a++) {
            double v = q[off + a];
            if (v > best) {
                best = v;
                ties[0] = a;
                count = 1;
            } else if (v == best) {
                ties[count++] = a;
            }
        }
        if (count == 0) throw new IllegalStateException("no action has a comparable value (NaN in the table?)");
        return count;
    }

    private void softmaxWeights(double[] q, int off) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) max = Math.max(max, q[off + a]);
        double t = settings.temperature();
        for (int a = 0; a < actions; a++) weights[a] = StrictMath.exp((q[off + a] - max) / t);
    }
}
