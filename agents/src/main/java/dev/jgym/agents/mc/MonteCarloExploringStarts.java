package dev.jgym.agents.mc;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.Exploration;
import dev.jgym.agents.tabular.TabularAgent;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Monte Carlo control with exploring starts (Sutton &amp; Barto, 2nd ed., section 5.3, "Monte
 * Carlo ES"): every episode's first action is uniformly random, every later one greedy with
 * respect to Q (ties broken at random). When the episode ends, for each step t from the last back
 * to the first, with G ← γ G + R_{t+1}: if (S_t, A_t) was not visited earlier in the episode,
 * <pre>  N(S_t, A_t) ← N(S_t, A_t) + 1;   Q(S_t, A_t) ← Q(S_t, A_t) + (G − Q(S_t, A_t)) / N(S_t, A_t)</pre>
 * (the average of Returns(S_t, A_t)), and the policy is greedy in Q.
 *
 * <p>Exploring starts here: the env draws the start state (it must give every state a chance, as
 * Blackjack's deal does for the states that matter) and the agent's stream draws the first action.
 * An episode cut by a time limit has no complete return and teaches nothing.
 * <p>Type name {@value #TYPE}.
 */
public final class MonteCarloExploringStarts extends TabularAgent {
    public static final String TYPE = "mc-exploring-starts";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("gamma") Double gamma,                 // discount γ in [0, 1] (default 1)
            @JsonProperty("visits") String visits,               // "first" (default) or "every"
            @JsonProperty("initial_value") Double initialValue) { // Q before learning (default 0)
        public Settings {
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            visits = Returns.visits(visits);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
        }
    }

    private final Returns returns;
    private boolean first;

    public MonteCarloExploringStarts(Settings s, AgentContext context) {
        super(TYPE, context, new Exploration.Settings(0, null, null, null, null), s.initialValue());
        this.returns = new Returns(q, nA, s.gamma(), s.visits().equals("first"), null);
    }

    @Override
    protected void episodeStarted() {
        first = true;
        returns.episode.clear();
    }

    @Override
    protected int chooseAction(int s) {
        if (first) {
            first = false;
            return rng.nextInt(nA);
        }
        return exploration.argmax(q, s * nA, rng);
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        returns.episode.add(state(t.state()), action(t.action()), t.reward(), 1);
        if (t.terminated()) returns.learn();
    }

    @Override
    protected Map<String, double[]> tables() {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("q", q);
        m.put("n", returns.counts);
        return m;
    }
}
