package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.agents.AgentContext;
import dev.jgym.core.config.Check;
import dev.jgym.core.sim.Transition;

/**
 * SARSA (Sutton &amp; Barto, 2nd ed., section 6.4): on-policy TD control. It chooses A' from S' by
 * its exploration rule, learns from the quintuple (S, A, R, S', A') and then takes A':
 * <pre>  Q(S, A) ← Q(S, A) + α [R + γ Q(S', A') − Q(S, A)]</pre>
 * with Q(S', A') = 0 when S' is terminal.
 * <p>Step size: constant α by default (the book's examples). With {@code alpha_end} and
 * {@code alpha_decay_episodes} it falls linearly from α to α_end over that many episodes and then
 * stays there, α_k = α + (α_end − α)·min(1, k / n) in episode k = 0, 1, ... A small final step
 * size lets Q settle at SARSA's fixed point (section 6.4 assumes the usual step-size conditions
 * of section 2.7): with ε held fixed that is the action-value function of the best ε-greedy
 * policy (section 5.4), which {@code planning.ValueIteration.solveEpsilonSoft} computes from a
 * model.
 * <p>Type name {@value #TYPE}.
 */
public final class Sarsa extends TabularAgent {
    public static final String TYPE = "sarsa";

    /** Settings, as a config gives them; every field may be left out. */
    public record Settings(
            @JsonProperty("alpha") Double alpha,                                   // step size α in (0, 1] (default 0.1)
            @JsonProperty("alpha_end") Double alphaEnd,                            // with a step-size schedule: the final α
            @JsonProperty("alpha_decay_episodes") Integer alphaDecayEpisodes,      // with a step-size schedule: episodes to reach it
            @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1, the book's episodic tasks)
            @JsonProperty("epsilon") Double epsilon,                               // ε of ε-greedy (default 0.1)
            @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
            @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
            @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
            @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
            @JsonProperty("initial_value") Double initialValue) {                  // Q before learning (default 0)
        public Settings {
            TdSettings td = new TdSettings(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue);
            alpha = td.alpha();
            gamma = td.gamma();
            initialValue = td.initialValue();
            if (alphaEnd != null) Check.that(alphaEnd > 0 && alphaEnd <= 1, "alpha_end", "expected a number in (0, 1], found " + alphaEnd);
            if (alphaDecayEpisodes != null) Check.positive("alpha_decay_episodes", alphaDecayEpisodes);
            Check.that((alphaEnd == null) == (alphaDecayEpisodes == null), alphaEnd == null ? "alpha_end" : "alpha_decay_episodes",
                    "a step-size schedule needs both alpha_end and alpha_decay_episodes");
        }

        /** The settings every TD control agent shares (defaults and checks in {@link TdSettings}). */
        public TdSettings td() {
            return new TdSettings(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue);
        }
    }

    private final Settings settings;
    private double alpha;
    private final double gamma;

    public Sarsa(Settings s, AgentContext context) {
        super(TYPE, context, s.td());
        this.settings = s;
        this.alpha = s.alpha();
        this.gamma = s.gamma();
    }

    /** The step size of the current episode (after the schedule). */
    public double alpha() {
        return alpha;
    }

    @Override
    protected void episodeStarted() {
        if (settings.alphaEnd() != null) {
            double k = exploration.episodes() - 1, n = settings.alphaDecayEpisodes();
            alpha = settings.alpha() + (settings.alphaEnd() - settings.alpha()) * Math.min(1, k / n);
        }
    }

    @Override
    public void observe(Transition<Object, Integer> t) {
        int sa = state(t.state()) * nA + action(t.action());
        double target = t.reward();
        if (!t.terminated()) {
            int next = state(t.next());
            int nextAction = chooseAction(next);
            target += gamma * q[next * nA + nextAction];
            if (!t.truncated()) setNextAction(next, nextAction);
        }
        q[sa] += alpha * (target - q[sa]);
    }
}
