package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * SARSA(λ) with eligibility traces (Sutton &amp; Barto, 2nd ed., section 12.7, tabular form): every
 * pair keeps a trace E of how recently and often it was visited, and each TD error updates all of
 * them at once:
 * <pre>  δ = R + γ Q(S', A') − Q(S, A)
 *  E(S, A) ← E(S, A) + 1   (accumulating)   or   E(S, A) ← 1   (replacing)
 *  for all s, a:  Q(s, a) ← Q(s, a) + α δ E(s, a);   E(s, a) ← γ λ E(s, a)</pre>
 * Traces are cleared at the start of every episode. Only pairs visited in the episode carry a
 * trace, so the loop runs over them alone. λ = 0 is one-step {@link Sarsa}.
 * <p>Type name {@value #TYPE}.
 */
public final class SarsaLambda extends TabularAgent {
    public static final String TYPE = "sarsa-lambda";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                                   // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1, the book's episodic tasks)
            @JsonProperty("epsilon") Double epsilon,                               // ε of ε-greedy (default 0.1)
            @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
            @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
            @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
            @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
            @JsonProperty("initial_value") Double initialValue,                    // Q before learning (default 0)
            @JsonProperty("lambda") Double lambda,                                 // trace decay λ in [0, 1] (default 0.9)
            @JsonProperty("traces") String traces) {                                // "accumulating" (default) or "replacing"
        public Settings {
            TdSettings td = new TdSettings(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue);
            alpha = td.alpha();
            gamma = td.gamma();
            initialValue = td.initialValue();
            lambda = lambda == null ? 0.9 : lambda;
            Check.inRange("lambda", lambda, 0, 1);
            traces = traces == null ? "accumulating" : traces;
            Check.that(traces.equals("accumulating") || traces.equals("replacing"), "traces",
                    "expected \"accumulating\" or \"replacing\", found \"" + traces + "\"");
        }

        /** The settings every TD control agent shares (defaults and checks in {@link TdSettings}). */
        public TdSettings td() {
            return new TdSettings(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue);
        }
    }

    private final double alpha;
    private final double gamma;
    private final double decay;
    private final boolean replacing;
    private final double[] e;
    private final boolean[] traced;
    private int[] touched = new int[64];
    private int count;

    public SarsaLambda(Settings s, AgentContext context) {
        super(TYPE, context, s.td());
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.decay = s.gamma() * s.lambda();
        this.replacing = s.traces().equals("replacing");
        this.e = new double[q.length];
        this.traced = new boolean[q.length];
    }

    @Override
    protected void episodeStarted() {
        for (int i = 0; i < count; i++) {
            e[touched[i]] = 0;
            traced[touched[i]] = false;
        }
        count = 0;
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        double delta = t.reward() - q[sa];
        if (!t.terminated()) {
            int next = state(t.next());
            int nextAction = chooseAction(next);
            delta += gamma * q[next * nA + nextAction];
            if (!t.truncated()) setNextAction(next, nextAction);
        }
        if (!traced[sa]) {
            if (count == touched.length) touched = java.util.Arrays.copyOf(touched, count * 2);
            touched[count++] = sa;
            traced[sa] = true;
        }
        e[sa] = replacing ? 1 : e[sa] + 1;
        for (int i = 0; i < count; i++) {
            int k = touched[i];
            q[k] += alpha * delta * e[k];
            e[k] *= decay;
        }
    }
}
