package dev.jgym.agents.tabular;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;

/**
 * The settings of the one-step TD control agents that share them (Q-learning, Expected SARSA,
 * Double Q-learning), as a config gives them; every field may be left out.
 */
public record TdSettings(
        @JsonProperty("alpha") Double alpha,                                   // step size α in (0, 1] (default 0.1)
        @JsonProperty("gamma") Double gamma,                                   // discount γ in [0, 1] (default 1, the book's episodic tasks)
        @JsonProperty("epsilon") Double epsilon,                               // ε of ε-greedy (default 0.1)
        @JsonProperty("epsilon_end") Double epsilonEnd,                        // with a schedule: the final ε
        @JsonProperty("epsilon_decay_episodes") Integer epsilonDecayEpisodes,  // with a schedule: episodes to reach it
        @JsonProperty("epsilon_schedule") String epsilonSchedule,              // "linear" (default) or "exponential"
        @JsonProperty("temperature") Double temperature,                       // softmax τ instead of ε-greedy
        @JsonProperty("initial_value") Double initialValue) {                  // Q before learning (default 0)
    public TdSettings {
        alpha = alpha == null ? 0.1 : alpha;
        TabularAgent.checkAlpha(alpha);
        gamma = gamma == null ? 1.0 : gamma;
        Check.inRange("gamma", gamma, 0, 1);
        initialValue = initialValue == null ? 0.0 : initialValue;
        Check.finite("initial_value", initialValue);
        TabularAgent.explore(epsilon, epsilonEnd, epsilonDecayEpisodes, epsilonSchedule, temperature);
    }
}
