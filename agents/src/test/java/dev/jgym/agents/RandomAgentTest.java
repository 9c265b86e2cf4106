package dev.jgym.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The {@code random} agent type: uniform over the action space, drawn from the agent's stream. */
class RandomAgentTest {

    static Agent<?, ?> create(Space<?> actions, long seed) {
        return Agents.create(RandomAgent.TYPE, JsonNodeFactory.instance.objectNode(), "test.json", "$.agents[0].settings",
                new AgentContext(RandomAgent.TYPE, new Discrete(1), actions, new Rng(seed)));
    }

    @SuppressWarnings("unchecked")
    static Agent<Object, Object> raw(Agent<?, ?> a) {
        return (Agent<Object, Object>) a;
    }

    @Test
    @DisplayName("Discrete(4, start 1): each action 1/4 of 400,000 draws (+-0.005); the draws are Discrete.sample on the agent's stream")
    void uniformOverDiscrete() {
        Agent<Object, Object> agent = raw(create(new Discrete(4, 1), 7));
        Rng same = new Rng(7);
        int[] counts = new int[4];
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            int a = (Integer) agent.act(0);
            assertEquals(1 + same.nextInt(4), a, "draw " + i);
            counts[a - 1]++;
        }
        for (int c : counts) assertEquals(0.25, c / (double) n, 0.005);
    }

    @Test
    @DisplayName("a Box action space: every action inside the bounds, the same for the same seed")
    void box() {
        Box box = new Box(new float[] {-2f, 0f}, new float[] {2f, 1f});
        Agent<Object, Object> a = raw(create(box, 3)), b = raw(create(box, 3));
        for (int i = 0; i < 1000; i++) {
            float[] x = (float[]) a.act(null), y = (float[]) b.act(null);
            assertTrue(box.contains(x), java.util.Arrays.toString(x));
            assertEquals(java.util.Arrays.toString(x), java.util.Arrays.toString(y));
        }
    }

    @Test
    @DisplayName("settings must be empty: an unknown key is one line naming it")
    void noSettings() {
        UserError e = assertThrows(UserError.class, () -> Agents.create(RandomAgent.TYPE,
                JsonNodeFactory.instance.objectNode().put("epsilon", 0.1), "test.json", "$.agents[0].settings",
                new AgentContext(RandomAgent.TYPE, new Discrete(1), new Discrete(2), new Rng(1))));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
    }
}
