package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;
import java.util.Arrays;

/**
 * n-step TD prediction (Sutton &amp; Barto, 2nd ed., section 7.1): the value of the uniformly
 * random policy, each state's update waiting n steps for the n-step return
 * <pre>  G_{τ:τ+n} = R_{τ+1} + γ R_{τ+2} + ... + γ^{n−1} R_{τ+n} + γ^n V(S_{τ+n})
 *  V(S_τ) ← V(S_τ) + α [G_{τ:τ+n} − V(S_τ)]</pre>
 * (7.2), the return truncated at the episode's end T (no tail after a terminal state, γ^{T−τ}
 * V(S_T) after a time limit). n = 1 is TD(0); n ≥ T is constant-α Monte Carlo.
 * <p>Type name {@value #TYPE}.
 */
public final class NStepTdPrediction extends ValuePrediction {
    public static final String TYPE = "n-step-td-prediction";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("n") Integer n,                         // steps before bootstrapping (default 4)
            @JsonProperty("initial_value") Double initialValue) { // V before learning (default 0, as Figure 7.2)
        public Settings {
            alpha = alpha == null ? 0.1 : alpha;
            TabularAgent.checkAlpha(alpha);
            gamma = gamma == null ? 1.0 : gamma;
            Check.inRange("gamma", gamma, 0, 1);
            n = n == null ? 4 : n;
            Check.positive("n", n);
            initialValue = initialValue == null ? 0.0 : initialValue;
            Check.finite("initial_value", initialValue);
        }
    }

    private final double alpha;
    private final double gamma;
    private final int n;
    private final double gammaN;
    // this episode so far: S_t at [t], R_t at [t] (R_0 unused)
    private int[] s = new int[64];
    private double[] r = new double[64];
    private int t;

    public NStepTdPrediction(Settings settings, AgentContext context) {
        super(new ValueTable(TYPE, context, settings.initialValue()));
        this.alpha = settings.alpha();
        this.gamma = settings.gamma();
        this.n = settings.n();
        this.gammaN = Math.pow(gamma, n);
    }

    @Override
    public void onEpisodeStart(Object observation) {
        super.onEpisodeStart(observation);
        t = 0;
    }

    @Override
    public void observe(Transition<Object, Integer> tr) {
        if (t + 2 > s.length) {
            s = Arrays.copyOf(s, s.length * 2);
            r = Arrays.copyOf(r, r.length * 2);
        }
        s[t] = table.index(tr.state());
        r[t + 1] = tr.reward();
        if (!tr.terminated()) s[t + 1] = table.index(tr.next());
        if (!tr.done()) {
            if (t - n + 1 >= 0) update(t - n + 1, Integer.MAX_VALUE, false);
        } else {
            for (int tau = Math.max(0, t - n + 1); tau <= t; tau++) update(tau, t + 1, tr.truncated());
        }
        t++;
    }

    /** The n-step update of time tau, in an episode that ends at T ({@code end}; MAX_VALUE: not yet). */
    private void update(int tau, int end, boolean bootstrapAtEnd) {
        double[] v = table.v;
        int horizon = Math.min(tau + n, end);
        double g = 0, discount = 1;
        for (int i = tau + 1; i <= horizon; i++) {
            g += discount * r[i];
            discount *= gamma;
        }
        if (tau + n < end) g += gammaN * v[s[tau + n]];
        else if (bootstrapAtEnd) g += discount * v[s[end]];
        v[s[tau]] += alpha * (g - v[s[tau]]);
    }
}
