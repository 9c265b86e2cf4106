package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentContext;
import dev.jgym.core.sim.Transition;

/**
 * Q-learning (Sutton &amp; Barto, 2nd ed., section 6.5): off-policy TD control. It acts by its
 * exploration rule and learns the greedy policy's values:
 * <pre>  Q(S, A) ← Q(S, A) + α [R + γ max_a Q(S', a) − Q(S, A)]</pre>
 * with max_a Q(S', a) = 0 when S' is terminal (a time limit is not: it bootstraps).
 * <p>Type name {@value #TYPE}.
 */
public final class QLearning extends TabularAgent {
    public static final String TYPE = "q-learning";

    private final double alpha;
    private final double gamma;

    public QLearning(TdSettings s, AgentContext context) {
        super(TYPE, context, s);
        this.alpha = s.alpha();
        this.gamma = s.gamma();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        double target = t.reward() + (t.terminated() ? 0 : gamma * max(q, next(t)));
        q[sa] += alpha * (target - q[sa]);
    }
}
