package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * n-step SARSA (Sutton &amp; Barto, 2nd ed., section 7.2): the update of time τ waits n steps and
 * uses the n-step return
 * <pre>  G = R_{τ+1} + γ R_{τ+2} + ... + γ^{n-1} R_{τ+n} + γ^n Q(S_{τ+n}, A_{τ+n})</pre>
 * (truncated at the episode's end T, where the tail is 0 after a terminal state, or γ^{T−τ}
 * Q(S_T, A_T) after a time limit), then Q(S_τ, A_τ) ← Q(S_τ, A_τ) + α [G − Q(S_τ, A_τ)].
 * With n = 1 it is {@link Sarsa}, draw for draw.
 * <p>Type name {@value #TYPE}.
 */
public final class NStepSarsa extends TabularAgent {
    public static final String TYPE = "n-step-sarsa";

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
            @JsonProperty("n") Integer n) {                                         // steps before bootstrapping (default 4)
        public Settings {
            TdSettings td = new TdSettings(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue);
            alpha = td.alpha();
            gamma = td.gamma();
            initialValue = td.initialValue();
            n = n == null ? 4 : n;
            Check.positive("n", n);
        }

        /** The settings every TD control agent shares (defaults and checks in {@link TdSettings}). */
        public TdSettings td() {
            return new TdSettings(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue);
        }
    }

    private final double alpha;
    private final double gamma;
    private final int n;
    private final double gammaN;
    // this episode so far: S_t and A_t at [t], R_t at [t] (R_0 unused)
    private int[] s = new int[64];
    private int[] a = new int[64];
    private double[] r = new double[64];
    private int t;

    public NStepSarsa(Settings s, AgentContext context) {
        super(TYPE, context, s.td());
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.n = s.n();
        this.gammaN = Math.pow(gamma, n);
    }

    @Override
    protected void episodeStarted() {
        t = 0;
    }

    @Override
    public void observe(Transition<Object, Integer> tr) {
        ensure(t + 2);
        s[t] = state(tr.state());
        a[t] = action(tr.action());
        r[t + 1] = tr.reward();
        boolean end = tr.done();
        if (!tr.terminated()) {
            s[t + 1] = state(tr.next());
            a[t + 1] = chooseAction(s[t + 1]);
            if (!end) setNextAction(s[t + 1], a[t + 1]);
        }
        if (!end) {
            int tau = t - n + 1;
            if (tau >= 0) update(tau, Integer.MAX_VALUE, false);
        } else {
            int last = t + 1; // T
            for (int tau = Math.max(0, t - n + 1); tau < last; tau++) update(tau, last, tr.truncated());
        }
        t++;
    }

    /** The n-step update of time tau, for an episode that ends at T (MAX_VALUE: not yet). */
    private void update(int tau, int end, boolean bootstrapAtEnd) {
        int horizon = Math.min(tau + n, end);
        double g = 0, discount = 1;
        for (int i = tau + 1; i <= horizon; i++) {
            g += discount * r[i];
            discount *= gamma;
        }
        if (tau + n < end) g += gammaN * q[s[tau + n] * nA + a[tau + n]];
        else if (bootstrapAtEnd) g += discount * q[s[end] * nA + a[end]];
        int sa = s[tau] * nA + a[tau];
        q[sa] += alpha * (g - q[sa]);
    }

    private void ensure(int size) {
        if (size <= s.length) return;
        int grown = Math.max(size, s.length * 2);
        s = java.util.Arrays.copyOf(s, grown);
        a = java.util.Arrays.copyOf(a, grown);
        r = java.util.Arrays.copyOf(r, grown);
    }
}
