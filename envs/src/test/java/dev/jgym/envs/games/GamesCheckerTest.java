package dev.jgym.envs.games;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.AnsiRenderer;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.SceneRaster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every game id keeps the Env contract, draws a scene and rejects bad input with a clear message. */
class GamesCheckerTest {
    static List<String> ids() {
        return List.of("MinAtar/Asterix-v1", "MinAtar/Breakout-v1", "MinAtar/Freeway-v1", "MinAtar/SpaceInvaders-v1", "Snake-v0",
                "TicTacToe-v0", "ConnectFour-v0");
    }

    @ParameterizedTest
    @MethodSource("ids")
    @DisplayName("EnvChecker (Gymnasium's check_env contract) finds no problem")
    void passesTheChecker(String id) {
        assertEquals(List.of(), EnvChecker.check(id));
        assertTrue(EnvRegistry.ids().contains(id), id + " is registered");
    }

    @Test
    @DisplayName("the board games pass the checker in every form: minimax opponent, turn-based, agent second")
    void boardGameFormsPassTheChecker() {
        for (String id : List.of("TicTacToe-v0", "ConnectFour-v0")) {
            for (Map<String, Object> options : List.<Map<String, Object>>of(Map.of("opponent", "minimax", "depth", 2),
                    Map.of("opponent", "none"), Map.of("agent_plays", "random"), Map.of("illegal_move", "lose", "agent_plays", "second"))) {
                assertEquals(List.of(), EnvChecker.check(() -> EnvRegistry.<int[], Integer>make(id, options)), id + " " + options);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    @DisplayName("an action outside the space is an error naming the action and the space")
    void actionOutsideTheSpace(String id) {
        Env<int[], Integer> env = EnvRegistry.make(id);
        env.reset(1L, Map.of());
        int n = ((dev.jgym.core.space.Discrete) env.actionSpace()).n();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(n));
        assertEquals(id + ": action " + n + " is not in Discrete(" + n + ")", e.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> env.step(-1));
        assertTrue(negative.getMessage().contains("action -1 is not in Discrete(" + n + ")"), negative.getMessage());
    }

    @ParameterizedTest
    @MethodSource("ids")
    @DisplayName("an unknown option is a UserError naming the env and the key")
    void unknownOption(String id) {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(id, Map.of("sticky", 0.2)));
        assertTrue(e.getMessage().startsWith(id + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("sticky"), e.getMessage());
    }

    @Test
    @DisplayName("bad option values: one line with the env, the field, expected vs found")
    void badOptionValues() {
        assertEquals("MinAtar/Breakout-v1: $.sticky_action_prob: expected a number in [0, 1], found 1.5",
                assertThrows(UserError.class, () -> EnvRegistry.make("MinAtar/Breakout-v1", Map.of("sticky_action_prob", 1.5))).getMessage());
        assertEquals("TicTacToe-v0: $.opponent: expected one of random, minimax, none, found \"perfect\"",
                assertThrows(UserError.class, () -> EnvRegistry.make("TicTacToe-v0", Map.of("opponent", "perfect"))).getMessage());
        assertEquals("ConnectFour-v0: $.depth: only applies with opponent \"minimax\", found opponent \"random\"",
                assertThrows(UserError.class, () -> EnvRegistry.make("ConnectFour-v0", Map.of("depth", 3))).getMessage());
        assertEquals("Snake-v0: $.width: expected a number in [4, 64], found 2",
                assertThrows(UserError.class, () -> EnvRegistry.make("Snake-v0", Map.of("width", 2))).getMessage());
        String freeway = assertThrows(UserError.class, () -> EnvRegistry.make("MinAtar/Freeway-v1", Map.of("difficulty_ramping", false))).getMessage();
        assertTrue(freeway.startsWith("MinAtar/Freeway-v1: ") && freeway.contains("difficulty_ramping"), freeway);
    }

    @ParameterizedTest
    @MethodSource("ids")
    @DisplayName("every env draws a scene (raster and terminal) at the start and after some steps")
    void scenes(String id) {
        Env<int[], Integer> env = EnvRegistry.make(id);
        Reset<int[]> first = env.reset(3L, Map.of());
        assertTrue(first.observation().length > 0);
        for (int i = 0; i < 5; i++) {
            Step<int[]> s = env.step(0);
            Scene scene = env.scene();
            assertTrue(scene.shapes().size() > 0);
            SceneRaster raster = new SceneRaster(scene, 64, 64);
            assertEquals(64, raster.width());
            String text = AnsiRenderer.strip(new AnsiRenderer(20).render(scene));
            assertTrue(text.contains(id), text);
            if (s.done()) break;
        }
    }
}
