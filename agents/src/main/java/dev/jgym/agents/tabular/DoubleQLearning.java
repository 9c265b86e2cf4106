package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
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

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                                   // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1, the book's episodic tasks)
            @JsonProperty("epsilon") Double epsilon,                               // ε of ε-greedy (default 0.1)
            @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
            @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
            @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
            @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
            @JsonProperty("initial_value") Double initialValue) {                  // Q before learning (default 0)
        public Settings {
            alpha = alpha == null ? 0.1 : alpha;
            checkAlpha(alpha);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
            explore(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
        }
    }

    private final double alpha;
    private final double gamma;
    private final double[] q1;
    private final double[] q2;

    public DoubleQLearning(Settings s, AgentContext context) {
        super(TYPE, context, explore(s.epsilon(), s.epsilonEnd(), s.epsilonDecayEpisodes(), s.epsilonSchedule(), s.temperature()),
                s.initialValue());
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
            int next = state(t.next()) * nA;
            target += gamma * other[next + exploration.argmax(update, next, rng)];
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
