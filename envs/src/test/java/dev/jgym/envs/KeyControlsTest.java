package dev.jgym.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every env that declares keyboard controls maps keys to actions its action space holds (jgym play --human). */
class KeyControlsTest {

    static List<String> playable() {
        List<String> ids = new ArrayList<>();
        for (String id : EnvRegistry.ids()) if (EnvRegistry.spec(id).keys() != null) ids.add(id);
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("playable")
    @DisplayName("every mapped action and the no-op are in the env's action space; a Discrete env's keys reach distinct actions")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void actionsAreInTheSpace(String id) {
        EnvSpec spec = EnvRegistry.spec(id);
        KeyControls keys = spec.keys();
        try (Env<Object, Object> env = EnvRegistry.make(id)) {
            Space space = env.actionSpace();
            Set<Object> seen = new HashSet<>();
            for (Map.Entry<String, Object> e : keys.keysToAction().entrySet()) {
                assertTrue(space.contains(e.getValue()), id + ": " + e.getKey() + " maps to an action outside " + space);
                if (space instanceof Discrete) assertTrue(seen.add(e.getValue()), id + ": two combinations give action " + e.getValue());
            }
            if (keys.realTime()) assertTrue(space.contains(keys.noop()), id + ": the no-op is outside " + space);
        }
    }

    @Test
    @DisplayName("Gymnasium's anchors are playable: the classic-control, toy-text, Box2D LunarLander and MinAtar games, the board games")
    void theUsualEnvsArePlayable() {
        List<String> ids = playable();
        for (String id : List.of("CartPole-v1", "MountainCar-v0", "Acrobot-v1", "Pendulum-v1", "FrozenLake-v1", "CliffWalking-v1", "Taxi-v4",
                "Blackjack-v1", "LunarLander-v3", "LunarLanderContinuous-v3", "MinAtar/Breakout-v1", "TicTacToe-v0", "ConnectFour-v0")) {
            assertTrue(ids.contains(id), id + " has no keyboard controls");
        }
        assertEquals(2, EnvRegistry.spec("Taxi-v4").keys().action(Set.of("RIGHT")), "Taxi: Right is east");
        assertEquals(4, EnvRegistry.spec("Taxi-v4").keys().action(Set.of("P")), "Taxi: P picks up");
    }
}
