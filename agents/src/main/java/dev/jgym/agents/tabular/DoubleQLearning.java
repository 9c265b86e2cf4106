package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentContext;
import dev.jgym.core.sim.Transition;

/**
 * Double Q-learning (Sutton &amp; Barto, 2nd ed., section 6.7): two tables, Q1 and Q2; each step a
 * fair coin from the agent's stream picks the one to update, with its own greedy action valued by
 * the other, which removes Q-learning's maximization bias:
 * <pre>  Q1(S, A) ← Q1(S, A) + α [R + γ Q2(S', argmax_a Q1(S', a)) − Q1(S, A)]</pre>
 * (and the same with 1 and 2 swapped). It acts on the mean (Q1 + Q2) / 2, which is what
 * {@link #table()}, the greedy policy and the annotations show.
 * <p>Type name {@value #TYPE}.
 */
public final class DoubleQLearning extends TabularAgent {
    public static final String TYPE = "double-q-learning";

    private final double alpha;
    private final double gamma;
    private final double[] q1;
    private final double[] q2;

    public DoubleQLearning(TdSettings s, AgentContext context) {
        super(TYPE, context, s);
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.q1 = q.clone();
        this.q2 = q.clone();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        boolean first = rng.nextBoolean();
        double[] update = first ? q1 : q2, other = first ? q2 : q1;
        double target = t.reward();
        if (!t.terminated()) {
            int next = next(t);
            target += gamma * other[next * nA + argmax(update, next)];
        }
        update[sa] += alpha * (target - update[sa]);
        q[sa] = (q1[sa] + q2[sa]) / 2;
    }

    @Override
    protected java.util.Map<String, double[]> tables() {
        java.util.Map<String, double[]> t = new java.util.LinkedHashMap<>();
        t.put("q1", q1);
        t.put("q2", q2);
        return t;
    }

    @Override
    protected void loaded() {
        for (int i = 0; i < q.length; i++) q[i] = (q1[i] + q2[i]) / 2;
    }
}
