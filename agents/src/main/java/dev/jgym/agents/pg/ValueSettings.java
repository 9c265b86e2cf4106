package dev.jgym.agents.pg;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The settings of the chapter 13 agents that learn a state value beside the policy, as a config
 * gives them: REINFORCE with baseline (13.4, the baseline v̂) and one-step actor-critic (13.5, the
 * critic v̂). Figure 13.2: α^θ = 2^-9, α^w = 2^-6.
 */
public record ValueSettings(
        @JsonProperty(value = "alpha_theta", required = true) Double alphaTheta, // policy step α^θ > 0
        @JsonProperty(value = "alpha_w", required = true) Double alphaW,         // value step α^w > 0
        @JsonProperty("gamma") Double gamma,                                      // discount γ in [0, 1] (default 1)
        @JsonProperty("features") String features,                               // "action" (default), "state-action" or "observation"
        @JsonProperty("initial_theta") double[] initialTheta,                    // θ before learning (default 0: π uniform)
        @JsonProperty("min_probability") Double minProbability) {               // floor ε on every π(a) (default 0: none)
    public ValueSettings {
        alphaTheta = LinearPolicyAgent.stepSize("alpha_theta", alphaTheta);
        alphaW = LinearPolicyAgent.stepSize("alpha_w", alphaW);
        gamma = LinearPolicyAgent.discount(gamma);
        features = LinearFeatures.check("features", features);
        initialTheta = LinearPolicyAgent.checkTheta(initialTheta);
        minProbability = LinearPolicyAgent.checkFloor(minProbability);
    }
}
