package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * Tabular TD(0) prediction (Sutton &amp; Barto, 2nd ed., section 6.1): the value of the uniformly
 * random policy, learned from each step as it happens:
 * <pre>  V(S) ← V(S) + α [R + γ V(S') − V(S)]</pre>
 * with V(S') = 0 when S' is terminal. Example 6.2 starts every V at 0.5.
 * <p>Type name {@value #TYPE}.
 */
public final class TdPrediction extends ValuePrediction {
    public static final String TYPE = "td0-prediction";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("initial_value") Double initialValue) { // V before learning (default 0.5, as Example 6.2)
        public Settings {
            alpha = alpha == null ? 0.1 : alpha;
            TabularAgent.checkAlpha(alpha);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            initialValue = initialValue == null ? 0.5 : initialValue;
            Check.finite("initial_value", initialValue);
        }
    }

    private final double alpha;
    private final double gamma;

    public TdPrediction(Settings s, AgentContext context) {
        super(new ValueTable(TYPE, context, s.initialValue()));
        this.alpha = s.alpha();
        this.gamma = s.gamma();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        double[] v = table.v;
        int s = table.index(t.state());
        double target = t.reward() + (t.terminated() ? 0 : gamma * v[table.index(t.next())]);
        v[s] += alpha * (target - v[s]);
    }
}
