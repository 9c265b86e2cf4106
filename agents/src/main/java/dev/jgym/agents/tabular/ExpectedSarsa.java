package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentContext;
import dev.jgym.core.sim.Transition;

/**
 * Expected SARSA (Sutton &amp; Barto, 2nd ed., section 6.6): SARSA with the expectation over the
 * next action under the agent's own policy π (its ε-greedy or softmax rule) in place of a sample:
 * <pre>  Q(S, A) ← Q(S, A) + α [R + γ Σ_a π(a|S') Q(S', a) − Q(S, A)]</pre>
 * with the expectation 0 when S' is terminal.
 * <p>Type name {@value #TYPE}.
 */
public final class ExpectedSarsa extends TabularAgent {
    public static final String TYPE = "expected-sarsa";

    private final double alpha;
    private final double gamma;

    public ExpectedSarsa(TdSettings s, AgentContext context) {
        super(TYPE, context, s);
        if (s.actionMask()) throw new dev.jgym.core.config.UserError("action_mask: expected-sarsa takes no action mask (its expectation runs over every action)");
        this.alpha = s.alpha();
        this.gamma = s.gamma();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        double target = t.reward() + (t.terminated() ? 0 : gamma * exploration.expectedValue(q, state(t.next()) * nA));
        q[sa] += alpha * (target - q[sa]);
    }
}
