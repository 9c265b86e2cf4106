package dev.jgym.agents.bandit;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Thompson sampling for Gaussian arms with known reward noise and a normal prior (Russo et al.,
 * "A Tutorial on Thompson Sampling", 2018, section 3; the conjugate normal update of any Bayesian
 * statistics text).
 *
 * <p>Rewards of arm a are N(μ_a, σ²) with σ² = {@code reward_variance} known; the prior on μ_a
 * is N({@code prior_mean}, {@code prior_variance}). The posterior stays normal, N(m_a, 1 / τ_a),
 * kept as its mean m_a and precision τ_a (starting at prior_mean and 1 / prior_variance).
 * <p>Act: draw θ_a ~ N(m_a, 1 / τ_a) for every arm, pull argmax_a θ_a (ties at random).
 * <p>Learn, after reward R for arm A:
 * <pre>  τ_A ← τ_A + 1/σ²;   m_A ← m_A + (R − m_A) / (σ² τ_A)</pre>
 * (the same as m_A ← (τ m_A + R/σ²) / (τ + 1/σ²)).
 * <p>Annotations: the posterior means m_a as {@code action_values}.
 * <p>Type name {@value #TYPE}.
 */
public final class ThompsonGaussian implements Agent<Integer, Integer> {
    public static final String TYPE = "thompson-gaussian";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty("reward_variance") Double rewardVariance,   // known noise variance σ² of every arm, > 0 (default 1)
            @JsonProperty("prior_mean") Double priorMean,             // prior mean of every μ_a (default 0)
            @JsonProperty("prior_variance") Double priorVariance) {   // prior variance of every μ_a, > 0 (default 1)

        public Settings {
            rewardVariance = rewardVariance == null ? 1.0 : rewardVariance;
            Check.positive("reward_variance", rewardVariance);
            priorMean = priorMean == null ? 0.0 : priorMean;
            Check.finite("prior_mean", priorMean);
            priorVariance = priorVariance == null ? 1.0 : priorVariance;
            Check.positive("prior_variance", priorVariance);
        }
    }

    /** What {@link #save} writes: the posterior of every arm and how many rewards shaped it. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) Long steps,
                 @JsonProperty(required = true) double[] means, @JsonProperty(required = true) double[] variances,
                 @JsonProperty(required = true) long[] counts) {
        Saved {
            Check.present("type", type);
            Check.present("steps", steps);
            Check.present("means", means);
            Check.present("variances", variances);
            Check.present("counts", counts);
        }
    }

    private final Settings settings;
    private final Discrete space;
    private final Integer[] actions;
    private final Rng rng;
    private final double noiseVariance;
    private final double[] mean;
    private final double[] precision;
    private final long[] n;
    private final double[] theta;
    private final int[] ties;
    private long steps;

    public ThompsonGaussian(Settings settings, AgentContext context) {
        this.settings = settings;
        this.space = context.discreteActions();
        this.actions = Arms.actions(space);
        this.rng = context.rng();
        this.noiseVariance = settings.rewardVariance();
        int k = space.n();
        this.mean = new double[k];
        this.precision = new double[k];
        this.n = new long[k];
        this.theta = new double[k];
        this.ties = new int[k];
        Arrays.fill(mean, settings.priorMean());
        Arrays.fill(precision, 1 / settings.priorVariance());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Integer act(Integer observation) {
        for (int a = 0; a < theta.length; a++) theta[a] = mean[a] + rng.gaussian() / Math.sqrt(precision[a]);
        return actions[Arms.argmax(theta, ties, rng)];
    }

    @Override
    public void observe(Transition<Integer, Integer> t) {
        int a = Arms.index(TYPE, space, t.action());
        precision[a] += 1 / noiseVariance;
        mean[a] += (t.reward() - mean[a]) / (noiseVariance * precision[a]);
        n[a]++;
        steps++;
    }

    @Override
    public Annotations annotations() {
        return Annotations.vector(Annotations.ACTION_VALUES, mean);
    }

    /** Writes posterior means, variances, counts and the step count as JSON (not the random stream). */
    @Override
    public void save(Path file) {
        double[] variances = new double[precision.length];
        for (int a = 0; a < variances.length; a++) variances[a] = 1 / precision[a];
        Json.write(file, new Saved(TYPE, steps, mean.clone(), variances, n.clone()));
    }

    @Override
    public void load(Path file) {
        Saved saved = Saves.read(file, Saved.class);
        Saves.expectType(file, saved.type(), TYPE);
        Saves.expectArms(file, "means", saved.means().length, mean.length);
        Saves.expectArms(file, "variances", saved.variances().length, mean.length);
        Saves.expectArms(file, "counts", saved.counts().length, mean.length);
        Saves.expectNonNegative(file, "steps", saved.steps());
        for (int a = 0; a < mean.length; a++) Saves.expectPositive(file, "variances[" + a + "]", saved.variances()[a]);
        System.arraycopy(saved.means(), 0, mean, 0, mean.length);
        for (int a = 0; a < mean.length; a++) precision[a] = 1 / saved.variances()[a];
        System.arraycopy(saved.counts(), 0, n, 0, n.length);
        steps = saved.steps();
    }
}
