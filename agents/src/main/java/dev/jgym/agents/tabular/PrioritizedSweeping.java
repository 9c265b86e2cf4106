package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.PriorityQueue;

/**
 * Prioritized sweeping for a deterministic environment (Sutton &amp; Barto, 2nd ed., section 8.4):
 * after every real step, with the model learned from experience ({@link LearnedModel}),
 * <pre>  Model(S, A) ← R, S'
 *  P ← |R + γ max_a Q(S', a) − Q(S, A)|;  if P > θ, insert (S, A) into PQueue with priority P
 *  up to n times while PQueue is not empty:
 *      S, A ← first(PQueue); R, S' ← Model(S, A)
 *      Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S', a) − Q(S, A)]
 *      for every S̄, Ā predicted to lead to S:
 *          R̄ ← predicted reward; P ← |R̄ + γ max_a Q(S, a) − Q(S̄, Ā)|
 *          if P > θ, insert (S̄, Ā) into PQueue with priority P</pre>
 * A pair already queued keeps the higher of its two priorities; ties leave in the order they
 * were queued. It acts ε-greedily on Q. {@link #updates()} counts the Q updates made (all of them
 * planned ones: the real step updates the model and queues its pair), Example 8.4's measure of computation.
 * <p>Type name {@value #TYPE}.
 */
public final class PrioritizedSweeping extends TabularAgent implements CountsUpdates {
    public static final String TYPE = "prioritized-sweeping";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                       // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                       // discount γ in [0, 1] (default 0.95, the book's mazes)
            @JsonProperty("epsilon") Double epsilon,                   // ε of ε-greedy (default 0.1)
            @JsonProperty("initial_value") Double initialValue,        // Q before learning (default 0)
            @JsonProperty("planning_steps") Integer planningSteps,     // n, the most queued updates per real step (default 5)
            @JsonProperty("theta") Double theta) {                     // θ, the smallest priority queued (default 0.0001)
        public Settings {
            TdSettings td = new TdSettings(alpha, gamma == null ? 0.95 : gamma, epsilon, null, null, null, null, initialValue);
            alpha = td.alpha();
            gamma = td.gamma();
            epsilon = td.exploration().epsilon();
            initialValue = td.initialValue();
            planningSteps = planningSteps == null ? 5 : planningSteps;
            Check.that(planningSteps >= 0 && planningSteps <= 1_000_000, "planning_steps",
                    "expected an integer in [0, 1000000], found " + planningSteps);
            theta = theta == null ? 1e-4 : theta;
            Check.that(theta >= 0 && Double.isFinite(theta), "theta", "expected a number >= 0, found " + theta);
        }

        TdSettings td() {
            return new TdSettings(alpha, gamma, epsilon, null, null, null, null, initialValue);
        }
    }

    /** A queued pair: its priority and the order it was queued in (stale once the pair is requeued or popped). */
    private record Entry(double priority, long seq, int sa) {}

    private final double alpha;
    private final double gamma;
    private final int planningSteps;
    private final double theta;
    private final LearnedModel model;
    /** predecessors of state s: the pairs whose model leads to s, [s][0..predCount[s]) */
    private final int[][] predecessors;
    private final int[] predCount;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>((x, y) ->
            x.priority() != y.priority() ? Double.compare(y.priority(), x.priority()) : Long.compare(x.seq(), y.seq()));
    /** per pair: the seq of its live queue entry, or −1 when it is not queued */
    private final long[] queued;
    private final double[] queuedPriority;
    private long seq;
    private long time;
    private long updates;

    public PrioritizedSweeping(Settings s, AgentContext context) {
        super(TYPE, context, s.td());
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.planningSteps = s.planningSteps();
        this.theta = s.theta();
        this.model = new LearnedModel(states.size(), nA);
        this.predecessors = new int[states.size()][];
        this.predCount = new int[states.size()];
        this.queued = new long[q.length];
        this.queuedPriority = new double[q.length];
        java.util.Arrays.fill(queued, -1);
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int s = state(t.state()), a = action(t.action()), sa = s * nA + a;
        int next = t.terminated() ? -1 : state(t.next());
        time++;
        if (next >= 0 && (!model.known(sa) || model.next(sa) != next)) addPredecessor(next, sa);
        model.record(s, a, t.reward(), next, t.terminated(), time);
        push(sa, Math.abs(target(sa) - q[sa]));
        for (int i = 0; i < planningSteps; i++) {
            int first = pop();
            if (first < 0) break;
            q[first] += alpha * (target(first) - q[first]);
            updates++;
            int from = first / nA;
            for (int k = 0; k < predCount[from]; k++) {
                int pred = predecessors[from][k];
                if (model.next(pred) != from || model.terminal(pred)) continue; // the model has since moved on
                push(pred, Math.abs(target(pred) - q[pred]));
            }
        }
    }

    /** R + γ max_a Q(S', a) by the model. */
    private double target(int sa) {
        return model.reward(sa) + (model.terminal(sa) ? 0 : gamma * max(q, model.next(sa)));
    }

    private void push(int sa, double priority) {
        if (!(priority > theta)) return;
        if (queued[sa] >= 0) {
            if (queuedPriority[sa] >= priority) return;
        }
        queued[sa] = seq;
        queuedPriority[sa] = priority;
        queue.add(new Entry(priority, seq++, sa));
    }

    /** The live pair of highest priority, or −1 when none is queued (stale entries are dropped). */
    private int pop() {
        for (Entry e = queue.poll(); e != null; e = queue.poll()) {
            if (queued[e.sa()] == e.seq()) {
                queued[e.sa()] = -1;
                return e.sa();
            }
        }
        return -1;
    }

    private void addPredecessor(int s, int sa) {
        int[] list = predecessors[s];
        if (list == null) list = predecessors[s] = new int[4];
        for (int k = 0; k < predCount[s]; k++) if (list[k] == sa) return;
        if (predCount[s] == list.length) list = predecessors[s] = java.util.Arrays.copyOf(list, list.length * 2);
        list[predCount[s]++] = sa;
    }

    /** Q updates made so far (all from the queue: the real step only queues its pair). */
    @Override
    public long updates() {
        return updates;
    }

    /** The learned model. */
    public LearnedModel model() {
        return model;
    }
}
