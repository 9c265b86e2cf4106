package dev.jgym.agents.mc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jgym.agents.tabular.Training;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code mc-prediction} with a {@code policy} (S&amp;B Example 5.1): it acts by the given
 * deterministic policy, the same rules {@code mc-off-policy-prediction} takes as its target, and
 * refuses a policy that does not fit the env in one line naming {@code policy}.
 */
class PredictionPolicyTest {
    static final String STICK_ON_20 = "{\"action\": 1, \"rules\": [{\"coordinate\": 0, \"min\": 20, \"action\": 0}]}";

    static MonteCarloPrediction agent(String policy) {
        try (Env<Object, Object> env = EnvRegistry.make("Blackjack-v1")) {
            return Training.agent(MonteCarloPrediction.TYPE, "{\"policy\": " + policy + "}", env, 1);
        }
    }

    @Test
    @DisplayName("S&B Example 5.1's policy: stick (0) on 20 and 21, hit (1) on 12-19, with or without a usable ace")
    void followsThePolicy() {
        MonteCarloPrediction a = agent(STICK_ON_20);
        for (int d = 1; d <= 10; d++) {
            for (int u = 0; u < 2; u++) {
                for (int sum = 12; sum <= 21; sum++) assertEquals(sum >= 20 ? 0 : 1, a.act(List.of(sum, d, u)), sum + ", " + d + ", " + u);
            }
        }
    }

    @Test
    @DisplayName("a policy naming action 2 of Discrete(2), or coordinate 3 of a 3-part observation: one line naming policy")
    void refusesAPolicyThatDoesNotFit() {
        UserError action = assertThrows(UserError.class, () -> agent("{\"action\": 2}"));
        assertEquals("policy: action 2 is not in the action space Discrete(2)", action.getMessage().replaceAll(".*(policy: )", "$1"));
        UserError coordinate = assertThrows(UserError.class, () -> agent("{\"action\": 1, \"rules\": [{\"coordinate\": 3, \"min\": 20, \"action\": 0}]}"));
        assertEquals(true, coordinate.getMessage().contains("policy: a rule's coordinate is not in the observation space"), coordinate.getMessage());
    }
}
