package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;

/**
 * The settings every TD control agent shares, as a config gives them; every field may be left
 * out. Q-learning, Expected SARSA and Double Q-learning take exactly these; SARSA, n-step SARSA
 * and SARSA(λ) add their own fields and resolve these through {@code td()}, so the defaults and
 * checks live here once. With {@code action_mask} the agent acts, bootstraps and is greedy only over
 * the actions the env marks legal in its reset and step info ({@code "action_mask"}, a
 * {@code byte[]} with 1 for a legal action, Gymnasium's convention), as in MDPs whose states have
 * different action sets (S&amp;B Example 6.7).
 */
public record TdSettings(
        @JsonProperty("alpha") Double alpha,                                   // step size α in (0, 1] (default 0.1)
        @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1, the book's episodic tasks)
        @JsonProperty("epsilon") Double epsilon,                               // ε of ε-greedy (default 0.1)
        @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
        @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
        @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
        @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
        @JsonProperty("initial_value") Double initialValue,                    // Q before learning (default 0)
        @JsonProperty("action_mask") Boolean actionMask) {                     // act only on the actions the env's info "action_mask" allows (default false)
    /** The settings without an action mask (SARSA, n-step SARSA and SARSA(λ) resolve theirs so). */
    public TdSettings(Double alpha, Double gamma, Double epsilon, Double epsilonEnd, Integer epsilonDecayEpisodes,
                      String epsilonSchedule, Double temperature, Double initialValue) {
        this(alpha, gamma, epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature, initialValue, null);
    }

    public TdSettings {
        actionMask = actionMask != null && actionMask;
        alpha = alpha == null ? 0.1 : alpha;
        TabularAgent.checkAlpha(alpha);
        gamma = gamma == null ? 1.0 : gamma;
        Check.inRange("gamma", gamma, 0, 1);
        initialValue = initialValue == null ? 0.0 : initialValue;
        Check.finite("initial_value", initialValue);
        exploration(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
    }

    /** The exploration these settings describe (ε-greedy, with its schedule, or softmax). */
    public Exploration.Settings exploration() {
        return exploration(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
    }

    private static Exploration.Settings exploration(Double epsilon, Double epsilonEnd, Integer decayEpisodes, String schedule, Double temperature) {
        return TabularAgent.explore(epsilon, epsilonEnd, decayEpisodes, schedule, temperature);
    }
}
