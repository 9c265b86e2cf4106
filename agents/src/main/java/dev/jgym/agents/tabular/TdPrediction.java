package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import java.nio.file.Path;

/**
 * Tabular TD(0) prediction (Sutton &amp; Barto, 2nd ed., section 6.1): the value of the uniformly
 * random policy, learned from each step as it happens:
 * <pre>  V(S) ← V(S) + α [R + γ V(S') − V(S)]</pre>
 * with V(S') = 0 when S' is terminal. Example 6.2 starts every V at 0.5.
 * <p>Type name {@value #TYPE}.
 */
public final class TdPrediction implements Agent<Object, Integer>, ValueEstimates {
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
    private final ValueTable table;

    public TdPrediction(Settings s, AgentContext context) {
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.table = new ValueTable(TYPE, context, s.initialValue());
    }

    @Override
    public Integer act(Object observation) {
        return table.randomAction();
    }

    @Override
    public void onEpisodeStart(Object observation) {
        table.episodeStarted();
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        double[] v = table.v;
        int s = table.index(t.state());
        double target = t.reward() + (t.terminated() ? 0 : gamma * v[table.index(t.next())]);
        v[s] += alpha * (target - v[s]);
    }

    /** V(observation). */
    public double value(Object observation) {
        return table.v[table.index(observation)];
    }

    @Override
    public StateIndex states() {
        return table.states();
    }

    @Override
    public double stateValue(int row) {
        return table.v[row];
    }

    /** A copy of V, by row. */
    public double[] values() {
        return table.v.clone();
    }

    @Override
    public Annotations annotations() {
        return table.annotations();
    }

    @Override
    public void save(Path file) {
        table.save(file);
    }

    @Override
    public void load(Path file) {
        table.load(file);
    }
}
