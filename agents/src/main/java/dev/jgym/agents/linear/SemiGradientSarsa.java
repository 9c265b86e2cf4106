package dev.jgym.agents.linear;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.GreedyPolicy;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;

/**
 * Episodic semi-gradient n-step SARSA (Sutton &amp; Barto, 2nd ed., section 10.2; n = 1 is the
 * one-step semi-gradient SARSA of section 10.1; Figures 10.1-10.4) with q̂(s, a, w) = wᵀx(s, a).
 * It acts ε-greedily on q̂ (ties broken at random), choosing A_{t+1} before it updates, and once
 * R_{τ+n} is known
 * <pre>
 *   G ← Σ_{i=τ+1}^{min(τ+n, T)} γ^{i−τ−1} R_i  (+ γ^n q̂(S_{τ+n}, A_{τ+n}, w) if τ + n &lt; T)
 *   w ← w + α [G − q̂(S_τ, A_τ, w)] ∇q̂(S_τ, A_τ, w)
 * </pre>
 * An episode cut by a time limit is bootstrapped from q̂(S_T, A_T), A_T chosen as usual. With tile
 * coding x(s, a) hashes the action into each tiling's tile, as Sutton's Mountain Car code does
 * ({@code tiles(iht, 8, [8x/1.7, 8ẋ/0.14], [a])}); ε = 0 with q̂ = 0 at the start is the book's
 * optimistic exploration (every reward is −1).
 * <p>With {@code beta} it is the differential form for continuing tasks (sections 10.3 and 10.5,
 * Example 10.2): no discounting, every reward is offset by the current R̄, and each update also
 * moves R̄:
 * <pre>
 *   δ ← Σ_{i=τ+1}^{τ+n} (R_i − R̄) + q̂(S_{τ+n}, A_{τ+n}, w) − q̂(S_τ, A_τ, w)
 *   R̄ ← R̄ + β δ,   w ← w + α δ ∇q̂(S_τ, A_τ, w)
 * </pre>
 * Type name {@value #TYPE}.
 */
public final class SemiGradientSarsa implements Agent<Object, Integer>, GreedyPolicy<Object, Integer> {
    public static final String TYPE = "semi-gradient-sarsa";

    /** Settings, as a config gives them; every field but {@code features} may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                  // step size α in (0, 1] (default 0.1/8, Figure 10.1's)
            @JsonProperty("gamma") Double gamma,                  // discount γ in [0, 1] (default 1)
            @JsonProperty("n") Integer n,                         // steps before bootstrapping (default 1)
            @JsonProperty("epsilon") Double epsilon,              // ε of ε-greedy (default 0, the book's)
            @JsonProperty("initial_value") Double initialValue,   // every weight before learning (default 0)
            @JsonProperty("beta") Double beta,                    // given: the differential form (continuing tasks), β the step size of R̄
            @JsonProperty(value = "features", required = true) Features.Settings features) { // x(s, a)
        public Settings {
            alpha = LinearPrediction.stepSize(alpha, 0.1 / 8);
            gamma = LinearPrediction.fraction("gamma", gamma, 1);
            n = n == null ? 1 : n;
            Check.that(n >= 1 && n <= 1_000_000, "n", "expected an integer in [1, 1000000], found " + n);
            epsilon = LinearPrediction.fraction("epsilon", epsilon, 0);
            initialValue = LinearPrediction.finiteOrZero(initialValue);
            if (beta != null) {
                Check.that(beta > 0 && beta <= 1, "beta", "expected a number in (0, 1], found " + beta);
                Check.that(gamma == 1, "gamma", "the differential form (beta) does not discount: expected 1, found " + gamma);
            }
            Check.present("features", features);
        }
    }

    private final double alpha, gamma, epsilon;
    private final Double beta;
    /** R̄, the estimate of the average reward (the differential form only). */
    private double averageReward;
    private final int n;
    private final Discrete actions;
    private final Features features;
    private final double[] w;
    private final Rng rng;
    /** x(S_t, A_t) and R_{t+1} of the last n + 1 steps, at index t mod (n + 1). */
    private final FeatureVector[] x;
    private final double[] rewards;
    private final FeatureVector probe;
    /** x(s, a) and q̂(s, a, w) of every action a for the observation {@code valued}. */
    private final FeatureVector[] xa;
    private final double[] q;
    private Object valued;
    private int t;
    /** A_{t+1}, chosen by {@link #observe} and taken by the next {@link #act}; −1 when none. */
    private int pending = -1;

    public SemiGradientSarsa(Settings s, AgentContext context) {
        this.alpha = s.alpha();
        this.gamma = s.gamma();
        this.epsilon = s.epsilon();
        this.beta = s.beta();
        this.n = s.n();
        this.actions = context.discreteActions();
        this.features = Features.create(s.features(), context.observationSpace(), TYPE);
        this.w = new double[features.size(actions.n())];
        java.util.Arrays.fill(w, s.initialValue());
        this.rng = context.rng();
        this.x = new FeatureVector[n + 1];
        for (int i = 0; i <= n; i++) x[i] = new FeatureVector(features.active());
        this.rewards = new double[n + 1];
        this.probe = new FeatureVector(features.active());
        this.q = new double[actions.n()];
        this.xa = new FeatureVector[actions.n()];
        for (int a = 0; a < xa.length; a++) xa[a] = new FeatureVector(features.active());
    }

    /** q̂(s, a, w); {@code action} counts from the action space's start. */
    public double value(Object observation, int action) {
        features.encode(observation, action - actions.start(), actions.n(), probe);
        return probe.dot(w);
    }

    /** max_a q̂(s, a, w); the negated value is the book's cost-to-go (Figure 10.1). */
    public double maxValue(Object observation) {
        values(observation);
        double m = q[0];
        for (double v : q) m = Math.max(m, v);
        return m;
    }

    /** R̄, the differential form's estimate of the average reward (0 otherwise). */
    public double averageReward() {
        return averageReward;
    }

    /** A copy of w. */
    public double[] weights() {
        return w.clone();
    }

    @Override
    public void onEpisodeStart(Object observation) {
        t = 0;
        pending = -1;
        valued = null;
    }

    @Override
    public Integer act(Object observation) {
        int a = pending >= 0 ? pending : choose(observation);
        pending = -1;
        return actions.start() + a;
    }

    @Override
    public Integer greedyAction(Object observation) {
        values(observation);
        return actions.start() + argmax();
    }

    @Override
    public void observe(Transition<Object, Integer> step) {
        int a = step.action() - actions.start();
        FeatureVector slot = x[t % (n + 1)];
        if (step.state() == valued) slot.set(xa[a]); // encoded when A_t was chosen
        else features.encode(step.state(), a, actions.n(), slot);
        rewards[t % (n + 1)] = step.reward();
        t++; // R_1..R_t known
        if (step.terminated()) {
            for (int tau = Math.max(0, t - n); tau < t; tau++) update(tau, t, 0);
            return;
        }
        pending = choose(step.next());
        double bootstrap = q[pending]; // q̂(S_{t+1}, A_{t+1}, w) before this step's update
        if (step.truncated()) {
            for (int tau = Math.max(0, t - n); tau < t; tau++) update(tau, t, bootstrap);
            pending = -1;
        } else if (t - n >= 0) {
            update(t - n, t, bootstrap);
        }
    }

    /** The update of (S_τ, A_τ) from the rewards up to step {@code end} and q̂(S_end, A_end). */
    private void update(int tau, int end, double valueAtEnd) {
        double g = 0, discount = 1, offset = beta == null ? 0 : averageReward;
        for (int i = tau; i < end; i++) {
            g += discount * (rewards[i % (n + 1)] - offset);
            discount *= gamma;
        }
        g += discount * valueAtEnd;
        FeatureVector v = x[tau % (n + 1)];
        double delta = g - v.dot(w);
        if (beta != null) averageReward += beta * delta;
        v.addTo(w, alpha * delta);
    }

    /** ε-greedy on q̂(s, ·, w), ties broken uniformly; an index from 0. Leaves q̂(s, ·, w) in {@link #q}. */
    private int choose(Object observation) {
        values(observation);
        if (epsilon > 0 && rng.nextDouble() < epsilon) return rng.nextInt(actions.n());
        return argmax();
    }

    private void values(Object observation) {
        for (int a = 0; a < q.length; a++) {
            features.encode(observation, a, actions.n(), xa[a]);
            q[a] = xa[a].dot(w);
        }
        valued = observation;
    }

    /** The index of the largest of {@link #q}, ties broken uniformly from the agent's stream. */
    private int argmax() {
        int best = 0, ties = 1;
        for (int a = 1; a < q.length; a++) {
            if (q[a] > q[best]) {
                best = a;
                ties = 1;
            } else if (q[a] == q[best] && rng.nextInt(++ties) == 0) {
                best = a;
            }
        }
        return best;
    }

    @Override
    public Annotations annotations() {
        return Annotations.vector(Annotations.ACTION_VALUES, q.clone());
    }

    @Override
    public void save(Path file) {
        LinearWeights.save(file, TYPE, w, features, beta == null ? null : averageReward);
    }

    @Override
    public void load(Path file) {
        LinearWeights.Saved saved = LinearWeights.load(file, TYPE, w, features);
        if (beta != null) averageReward = saved.averageReward() == null ? 0 : saved.averageReward();
    }
}
