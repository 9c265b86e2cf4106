package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.scene.AnsiRenderer;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.SceneRaster;
import dev.jgym.core.scene.Shape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Env contract, scenes and bad-input messages for every id this branch registers. */
class GridEnvsContractTest {
    static final List<String> IDS = List.of("FrozenLake-v1", "FrozenLake8x8-v1", "CliffWalking-v1", "CliffWalkingSlippery-v1",
            "WindyGridworld-v0", "WindyGridworldKings-v0", "WindyGridworldStochastic-v0", "Taxi-v3", "Taxi-v4",
            "MazeRunner-v0", "TMaze-v0", "Blackjack-v1", "RandomWalk-v0", "OneStateMdp-v0", "Gambler-v0", "Gridworld-v0", "SmallGridworld-v0",
            "ShortCorridor-v0", "RandomWalk1000-v0", "JacksCarRental-v0");

    static List<String> ids() {
        return IDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("EnvChecker (Gymnasium's check_env) finds no problem")
    void passesTheChecker(String id) {
        assertEquals(List.of(), EnvChecker.check(id), id);
    }

    @Test
    @DisplayName("variants pass the checker too: random FrozenLake map, local-view maze, fixed maze, rainy fickle Taxi")
    void variantsPassTheChecker() {
        List<Map.Entry<String, Map<String, Object>>> variants = List.of(
                Map.entry("FrozenLake-v1", Map.of("map_name", "random", "size", 6, "map_seed", 3L)),
                Map.entry("MazeRunner-v0", Map.of("observation", "local", "view", 3)),
                Map.entry("MazeRunner-v0", Map.of("maze_seed", 11L, "width", 5, "height", 3)),
                Map.entry("Taxi-v4", Map.of("is_rainy", true, "fickle_passenger", true, "fickle_probability", 1.0)),
                Map.entry("WindyGridworldKings-v0", Map.of("stay", true)),
                Map.entry("Blackjack-v1", Map.of("sab", false, "natural", true)),
                Map.entry("Blackjack-v1", Map.of("start", List.of(13, 2, 1))));
        for (var v : variants) {
            assertEquals(List.of(), EnvChecker.check(() -> EnvRegistry.<Object, Object>make(v.getKey(), v.getValue())), v.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("every env draws a scene with shapes and text, which rasterizes and renders as ANSI")
    void sceneDraws(String id) {
        Env<Object, Object> env = EnvRegistry.make(id);
        env.reset(5L, Map.of());
        for (int i = 0; i < 3; i++) {
            Scene scene = env.scene();
            assertFalse(scene.shapes().isEmpty(), id);
            assertTrue(scene.shapes().stream().anyMatch(s -> s instanceof Shape.Text), id + ": has text");
            assertFalse(scene.caption().isEmpty(), id);
            SceneRaster raster = new SceneRaster(scene, 64, 48);
            assertEquals(64 * 48, raster.pixels().length);
            assertTrue(new AnsiRenderer(40).render(scene).contains("\u2580"), id);
            if (env.step(env.sampleAction()).done()) env.reset();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("an action outside the space is rejected with the env id, the action and the space")
    void actionOutsideTheSpace(String id) {
        Env<Object, Integer> env = EnvRegistry.make(id);
        env.reset(1L, Map.of());
        int n = ((dev.jgym.core.space.Discrete) env.actionSpace()).n();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(n + 3));
        assertTrue(e.getMessage().contains(id), e.getMessage());
        assertTrue(e.getMessage().contains("action " + (n + 3)), e.getMessage());
        assertTrue(e.getMessage().contains("Discrete(" + n + ")"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> env.step(-1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("an unknown option is a UserError naming the env and the key")
    void unknownOption(String id) {
        UserError e = assertThrows(UserError.class, () -> EnvRegistry.make(id, Map.of("slipery", true)));
        assertTrue(e.getMessage().startsWith(id + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key \"slipery\""), e.getMessage());
    }

    @Test
    @DisplayName("malformed custom FrozenLake maps are rejected with the row and what was expected")
    void malformedMaps() {
        assertEquals("FrozenLake-v1: $.desc[1]: expected only the letters S, F, H, G, found 'X' at column 2 in \"FHXH\"",
                message(Map.of("desc", List.of("SFFF", "FHXH", "FFFG"))));
        assertEquals("FrozenLake-v1: $.desc[2]: expected a row of 4 letters like the first row, found \"FFG\" (3)",
                message(Map.of("desc", List.of("SFFF", "FHFH", "FFG"))));
        assertEquals("FrozenLake-v1: $.desc: expected at least one start cell S, found none",
                message(Map.of("desc", List.of("FFFF", "FHFG"))));
        assertEquals("FrozenLake-v1: $.desc: expected at least one goal cell G, found none",
                message(Map.of("desc", List.of("SFFF", "FHFH"))));
        assertEquals("FrozenLake-v1: $.desc: expected at least one row, found an empty list",
                message(Map.of("desc", List.of())));
        assertTrue(message(Map.of("desc", "SFFG")).startsWith("FrozenLake-v1: $.desc: expected an array"), message(Map.of("desc", "SFFG")));
        assertEquals("FrozenLake-v1: $.map_name: expected one of \"4x4\", \"8x8\", \"random\", found \"9x9\"",
                message(Map.of("map_name", "9x9")));
        assertEquals("FrozenLake-v1: $.success_rate: expected a number in [0, 1], found 1.5",
                message(Map.of("success_rate", 1.5)));
        assertEquals("FrozenLake-v1: $.size: only used with map_name \"random\" and no desc (leave it out)",
                message(Map.of("size", 5)));
        assertEquals("FrozenLake-v1: $.reward_schedule: expected 3 numbers (goal, hole, frozen), found 2",
                message(Map.of("reward_schedule", List.of(1.0, 0.0))));
    }

    @Test
    @DisplayName("other bad options say the field and expected vs found")
    void badOptions() {
        assertEquals("WindyGridworld-v0: $.stay: the stay action needs kings: true (Exercise 6.9)",
                error("WindyGridworld-v0", Map.of("stay", true)));
        assertEquals("MazeRunner-v0: $.view: expected an odd integer in [1, 101], found 4",
                error("MazeRunner-v0", Map.of("view", 4)));
        assertEquals("MazeRunner-v0: $.observation: expected \"full\" or \"local\", found \"partial\"",
                error("MazeRunner-v0", Map.of("observation", "partial")));
        assertEquals("TMaze-v0: $.length: expected an integer in [1, 100000], found 0", error("TMaze-v0", Map.of("length", 0)));
        assertEquals("Taxi-v4: $.rainy_probability: expected a number in [0, 1], found 2", error("Taxi-v4", Map.of("rainy_probability", 2.0)));
        assertTrue(error("Blackjack-v1", Map.of("natural", "yes")).startsWith("Blackjack-v1: $.natural: expected true or false"),
                error("Blackjack-v1", Map.of("natural", "yes")));
    }

    @Test
    @DisplayName("reset options are rejected: these envs take none")
    void resetOptions() {
        Env<Object, Object> env = EnvRegistry.make("CliffWalking-v1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.reset(1L, Map.of("start", 3)));
        assertTrue(e.getMessage().contains("CliffWalking-v1"), e.getMessage());
    }

    @Test
    @DisplayName("specs: Gymnasium's time limits and reward thresholds")
    void specs() {
        assertEquals(100, EnvRegistry.spec("FrozenLake-v1").maxEpisodeSteps());
        assertEquals(0.70, EnvRegistry.spec("FrozenLake-v1").rewardThreshold());
        assertEquals(200, EnvRegistry.spec("FrozenLake8x8-v1").maxEpisodeSteps());
        assertEquals(0.85, EnvRegistry.spec("FrozenLake8x8-v1").rewardThreshold());
        assertEquals(200, EnvRegistry.spec("Taxi-v4").maxEpisodeSteps());
        assertEquals(8.0, EnvRegistry.spec("Taxi-v4").rewardThreshold());
        assertEquals(null, EnvRegistry.spec("CliffWalking-v1").maxEpisodeSteps());
        assertEquals(null, EnvRegistry.spec("Blackjack-v1").maxEpisodeSteps());
    }

    private static String message(Map<String, Object> options) {
        return error("FrozenLake-v1", options);
    }

    private static String error(String id, Map<String, Object> options) {
        return assertThrows(UserError.class, () -> EnvRegistry.make(id, options)).getMessage();
    }
}
