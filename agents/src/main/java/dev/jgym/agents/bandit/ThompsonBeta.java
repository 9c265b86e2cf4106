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
 * Thompson sampling for Bernoulli arms with a Beta prior (Thompson 1933; Russo et al., "A
 * Tutorial on Thompson Sampling", 2018, Algorithm 2).
 *
 * <p>Each arm's success probability has the posterior Beta(α_a, β_a), starting at the prior
 * Beta({@code prior_alpha}, {@code prior_beta}).
 * <p>Act: draw θ_a ~ Beta(α_a, β_a) for every arm, pull argmax_a θ_a (ties at random).
 * <p>Learn, after reward R ∈ {0, 1} for arm A: α_A ← α_A + R, β_A ← β_A + 1 − R. A reward
 * outside {0, 1} is an error: this posterior is only right for Bernoulli rewards
 * (use it with {@code BernoulliBandit-v0}).
 * <p>Annotations: the posterior means α_a / (α_a + β_a) as {@code action_values}.
 * <p>Type name {@value #TYPE}.
 */
public final class ThompsonBeta implements Agent<Integer, Integer> {
    public static final String TYPE = "thompson-beta";

    /** Settings, as a config gives them. */
    public record Settings(
            @JsonProperty("prior_alpha") Double priorAlpha, // prior successes + 1, > 0 (default 1: a uniform prior)
            @JsonProperty("prior_beta") Double priorBeta) {  // prior failures + 1, > 0 (default 1)

        public Settings {
            priorAlpha = priorAlpha == null ? 1.0 : priorAlpha;
            Check.positive("prior_alpha", priorAlpha);
            priorBeta = priorBeta == null ? 1.0 : priorBeta;
            Check.positive("prior_beta", priorBeta);
        }
    }

    /** What {@link #save} writes: the posterior parameters of every arm. */
    record Saved(@JsonProperty(required = true) String type, @JsonProperty(required = true) Long steps,
                 @JsonProperty(required = true) double[] alpha, @JsonProperty(required = true) double[] beta) {
        Saved {
            Check.present("type", type);
            Check.present("steps", steps);
            Check.present("alpha", alpha);
            Check.present("beta", beta);
        }
    }

    private final Settings settings;
    private final Discrete space;
    private final Integer[] actions;
    private final Rng rng;
    private final double[] alpha;
    private final double[] beta;
    private final double[] theta;
    private final int[] ties;
    private long steps;

    public ThompsonBeta(Settings settings, AgentContext context) {
        this.settings = settings;
        this.space = context.discreteActions();
        this.actions = Arms.actions(space);
        this.rng = context.rng();
        int k = space.n();
        this.alpha = new double[k];
        this.beta = new double[k];
        this.theta = new double[k];
        this.ties = new int[k];
        Arrays.fill(alpha, settings.priorAlpha());
        Arrays.fill(beta, settings.priorBeta());
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Integer act(Integer observation) {
        for (int a = 0; a < theta.length; a++) theta[a] = rng.beta(alpha[a], beta[a]);
        return actions[Arms.argmax(theta, ties, rng)];
    }

    @Override
    public void observe(Transition<Integer, Integer> t) {
        int a = Arms.index(TYPE, space, t.action());
        double r = t.reward();
        if (r == 1) alpha[a] += 1;
        else if (r == 0) beta[a] += 1;
        else throw new IllegalArgumentException(TYPE + ": rewards must be 0 or 1 (Bernoulli arms, e.g. BernoulliBandit-v0), found "
                + r + " for action " + t.action());
        steps++;
    }

    @Override
    public Annotations annotations() {
        double[] means = new double[alpha.length];
        for (int a = 0; a < means.length; a++) means[a] = alpha[a] / (alpha[a] + beta[a]);
        return Annotations.vector(Annotations.ACTION_VALUES, means);
    }

    /** Writes α, β and the step count as JSON. The random stream is not saved: it belongs to the run. */
    @Override
    public void save(Path file) {
        Json.write(file, new Saved(TYPE, steps, alpha.clone(), beta.clone()));
    }

    @Override
    public void load(Path file) {
        Saved saved = Saves.read(file, Saved.class);
        Saves.expectType(file, saved.type(), TYPE);
        Saves.expectArms(file, "alpha", saved.alpha().length, alpha.length);
        Saves.expectArms(file, "beta", saved.beta().length, beta.length);
        Saves.expectNonNegative(file, "steps", saved.steps());
        for (int a = 0; a < alpha.length; a++) {
            Saves.expectPositive(file, "alpha[" + a + "]", saved.alpha()[a]);
            Saves.expectPositive(file, "beta[" + a + "]", saved.beta()[a]);
        }
        System.arraycopy(saved.alpha(), 0, alpha, 0, alpha.length);
        System.arraycopy(saved.beta(), 0, beta, 0, beta.length);
        steps = saved.steps();
    }
}
