package dev.jgym.agents.planning;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Trajectory sampling (Sutton &amp; Barto, 2nd ed., section 8.6, Figure 8.8): expected updates
 * spread uniformly over all state-action pairs against updates along simulated on-policy
 * trajectories, on random episodic tasks.
 *
 * <p>A task: n states, two actions in each; each (s, a) leads to one of b next states, drawn
 * uniformly from all n once per task, each equally likely, with a reward drawn from N(0, 1) per
 * transition; every transition ends the episode with probability 0.1 instead (reward 0).
 * Episodes start in state 0. Undiscounted, so the expected update is
 * <pre>  Q(s, a) ← (1 − 0.1) (1/b) Σ_k [r_k + max_a' Q(s'_k, a')]</pre>
 * <b>Uniform</b>: cycle through the pairs (s, a) in order (0, 0), (0, 1), (1, 0)..., updating each in
 * place. <b>On-policy</b>: simulate episodes from state 0, acting ε-greedily (ε 0.1, ties broken
 * at random) on the current Q, and update each pair met, once, before stepping on.
 *
 * <p>Every {@code updates / evaluations} updates (and before the first) the greedy policy of Q
 * (ties: each tied action alike) is evaluated exactly, by iterative evaluation over the states it
 * reaches from 0 until no value changes by more than 1e-7; the figure's y is v_π(0).
 *
 * <p>Randomness: task i of (n, b) is {@code Rng(seed).child("task").child(n).child(b).child(i)},
 * the same task for both methods; on-policy's draws are its {@code child("on-policy")}.
 */
public final class TrajectorySampling {
    static final double TERMINATION = 0.1;
    static final double EPSILON = 0.1;
    static final double TOLERANCE = 1e-7;

    /** @param panels one per state count, as the figure's two panels; @param epsilon on-policy exploration [0.1] */
    public record Settings(List<Panel> panels, Double epsilon) {
        public Settings {
            Check.that(panels != null && !panels.isEmpty(), "panels", "expected a non-empty list of panels");
            panels = List.copyOf(panels);
            epsilon = epsilon == null ? EPSILON : epsilon;
            Check.inRange("epsilon", epsilon, 0, 1);
        }
    }

    /**
     * @param states n, the task's states
     * @param branching the b of each curve pair
     * @param tasks tasks averaged [200]
     * @param updates expected updates per method and task (the x axis)
     * @param evaluations evaluations of the greedy policy after the first, every updates / evaluations [40]
     */
    public record Panel(
            @JsonProperty(required = true) Integer states,
            List<Integer> branching,
            Integer tasks,
            @JsonProperty(required = true) Integer updates,
            Integer evaluations) {
        public Panel {
            Check.present("states", states);
            Check.size("states", states, 1_000_000);
            branching = PlanningConfig.sizes("branching", branching, 1000);
            tasks = tasks == null ? 200 : tasks;
            Check.size("tasks", tasks, 1_000_000);
            Check.present("updates", updates);
            Check.size("updates", updates, 1_000_000_000);
            evaluations = evaluations == null ? 40 : evaluations;
            Check.size("evaluations", evaluations, 10_000);
            Check.that(updates % evaluations == 0, "evaluations", "expected a divisor of updates (" + updates + "), found " + evaluations);
        }
    }

    /** The mean over tasks of v_π(0) after each evaluation point, per method. */
    public record Curve(int states, int branching, long[] updates, double[] uniform, double[] onPolicy) {}

    /** One random task: next[(s * 2 + a) * b + k] and reward[...] of the k-th transition of (s, a). */
    record Task(int n, int b, int[] next, double[] reward) {
        static Task draw(int n, int b, Rng rng) {
            int[] next = new int[n * 2 * b];
            double[] reward = new double[n * 2 * b];
            for (int i = 0; i < next.length; i++) {
                next[i] = rng.nextInt(n);
                reward[i] = rng.gaussian();
            }
            return new Task(n, b, next, reward);
        }

        /** The expected update of (s, a) on q (flat: q[s * 2 + a]). */
        double expectedUpdate(double[] q, int s, int a) {
            int base = (s * 2 + a) * b;
            double sum = 0;
            for (int k = 0; k < b; k++) {
                int t = next[base + k];
                sum += reward[base + k] + Math.max(q[2 * t], q[2 * t + 1]);
            }
            return (1 - TERMINATION) * sum / b;
        }
    }

    private TrajectorySampling() {}

    /** The work of a panel, in expected updates over both methods and all tasks. */
    static long work(Panel p) {
        return 2L * p.updates() * p.tasks() * p.branching().size();
    }

    /** Both methods on task i of n states and branching b: v_π(0) at each evaluation point, {uniform, on-policy}. */
    public static double[][] task(Panel p, int b, int i, double epsilon, Rng root, LongConsumer progress) {
        int every = p.updates() / p.evaluations();
        Rng rng = root.child("task").child(p.states()).child(b).child(i);
        Task task = Task.draw(p.states(), b, rng);
        return new double[][] {uniform(task, p.updates(), every, progress),
                onPolicy(task, p.updates(), every, epsilon, rng.child("on-policy"), progress)};
    }

    /** The curve of n states and branching b: the tasks' results averaged, summed in task order. */
    public static Curve average(Panel p, int b, List<double[][]> tasks) {
        int points = p.evaluations() + 1, every = p.updates() / p.evaluations();
        long[] x = new long[points];
        for (int i = 0; i < points; i++) x[i] = (long) i * every;
        double[] uniform = new double[points], onPolicy = new double[points];
        for (double[][] t : tasks) {
            add(uniform, t[0]);
            add(onPolicy, t[1]);
        }
        for (int i = 0; i < points; i++) {
            uniform[i] /= tasks.size();
            onPolicy[i] /= tasks.size();
        }
        return new Curve(p.states(), b, x, uniform, onPolicy);
    }

    private static void add(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) sum[i] += values[i];
    }

    /** Expected updates cycling through the state-action pairs; v_π(0) every {@code every} updates. */
    static double[] uniform(Task task, int updates, int every, LongConsumer progress) {
        double[] q = new double[task.n() * 2];
        Evaluator eval = new Evaluator(task);
        double[] out = new double[updates / every + 1];
        out[0] = eval.startValue(q);
        for (int u = 0; u < updates; u++) {
            int pair = u % (2 * task.n());
            q[pair] = task.expectedUpdate(q, pair >> 1, pair & 1);
            if ((u + 1) % every == 0) {
                out[(u + 1) / every] = eval.startValue(q);
                progress.accept(every);
            }
        }
        return out;
    }

    /** Expected updates at the pairs of ε-greedy episodes from state 0; v_π(0) every {@code every} updates. */
    static double[] onPolicy(Task task, int updates, int every, double epsilon, Rng rng, LongConsumer progress) {
        double[] q = new double[task.n() * 2];
        Evaluator eval = new Evaluator(task);
        double[] out = new double[updates / every + 1];
        out[0] = eval.startValue(q);
        int s = 0;
        for (int u = 0; u < updates; u++) {
            int a;
            if (rng.nextDouble() < epsilon) a = rng.nextInt(2);
            else if (q[2 * s] == q[2 * s + 1]) a = rng.nextInt(2);
            else a = q[2 * s] > q[2 * s + 1] ? 0 : 1;
            q[2 * s + a] = task.expectedUpdate(q, s, a);
            s = rng.nextDouble() < TERMINATION ? 0 : task.next()[(s * 2 + a) * task.b() + rng.nextInt(task.b())];
            if ((u + 1) % every == 0) {
                out[(u + 1) / every] = eval.startValue(q);
                progress.accept(every);
            }
        }
        return out;
    }

    /**
     * v_π(0) of the greedy policy of q (tied actions each with half the probability), by in-place
     * sweeps over the states π reaches from 0, the last found first (so a chain's values reach 0 in
     * one sweep); each evaluation starts from the previous one's values.
     */
    static final class Evaluator {
        private final Task task;
        private final double[] v;
        private final int[] reached;
        private final boolean[] seen;

        Evaluator(Task task) {
            this.task = task;
            this.v = new double[task.n()];
            this.reached = new int[task.n()];
            this.seen = new boolean[task.n()];
        }

        double startValue(double[] q) {
            int count = reach(q);
            int b = task.b();
            while (true) {
                double delta = 0;
                for (int i = count - 1; i >= 0; i--) { // the farthest first: values flow back toward 0 in one sweep
                    int s = reached[i];
                    double value = 0;
                    int actions = 0;
                    for (int a = 0; a < 2; a++) {
                        if (q[2 * s + a] < q[2 * s + 1 - a]) continue;
                        int base = (s * 2 + a) * b;
                        double sum = 0;
                        for (int k = 0; k < b; k++) sum += task.reward()[base + k] + v[task.next()[base + k]];
                        value += (1 - TERMINATION) * sum / b;
                        actions++;
                    }
                    value /= actions;
                    delta = Math.max(delta, Math.abs(value - v[s]));
                    v[s] = value;
                }
                if (delta < TOLERANCE) return v[0];
            }
        }

        /** Lists the states the greedy policy reaches from 0 (breadth first); returns how many. */
        private int reach(double[] q) {
            java.util.Arrays.fill(seen, false);
            int count = 0, head = 0, b = task.b();
            reached[count++] = 0;
            seen[0] = true;
            while (head < count) {
                int s = reached[head++];
                for (int a = 0; a < 2; a++) {
                    if (q[2 * s + a] < q[2 * s + 1 - a]) continue;
                    int base = (s * 2 + a) * b;
                    for (int k = 0; k < b; k++) {
                        int t = task.next()[base + k];
                        if (!seen[t]) {
                            seen[t] = true;
                            reached[count++] = t;
                        }
                    }
                }
            }
            return count;
        }
    }
}
