package dev.jgym.core.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EnvSpec ids follow Gymnasium's grammar (gymnasium/envs/registration.py, ENV_ID_RE). */
class EnvSpecTest {
    private static final EnvFactory FACTORY = options -> new RandomWalk(5);

    private static EnvSpec spec(String id) {
        return EnvSpec.builder(id, FACTORY).build();
    }

    @Test
    @DisplayName("name() and version(): CartPole-v1, ALE/Pong-v5, MountainCarContinuous-v0, Unversioned")
    void nameAndVersion() {
        assertEquals("CartPole", spec("CartPole-v1").name());
        assertEquals(1, spec("CartPole-v1").version());
        assertEquals("Pong", spec("ALE/Pong-v5").name());
        assertEquals(5, spec("ALE/Pong-v5").version());
        assertEquals("MountainCarContinuous", spec("MountainCarContinuous-v0").name());
        assertEquals(0, spec("MountainCarContinuous-v0").version());
        assertEquals("Unversioned", spec("Unversioned").name());
        assertNull(spec("Unversioned").version());
        assertEquals("Frozen-Lake.8x8", spec("Frozen-Lake.8x8-v12").name());
        assertEquals(12, spec("Frozen-Lake.8x8-v12").version());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "Cart Pole-v1", "a/b/Pong-v1", "/Pong-v1", "Pong-v1/", "Pong!-v1", "Pong-v1 "})
    @DisplayName("malformed ids are rejected with the id in the message")
    void malformedIds(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(id));
        assertEquals("malformed env id \"" + id + "\" (expected Name-vN)", e.getMessage());
    }

    @Test
    @DisplayName("builder fields, defaults, and a non-positive time limit rejected")
    void builderAndValidation() {
        Map<String, Object> options = new HashMap<>();
        options.put("size", 9);
        EnvSpec s = EnvSpec.builder("Walk-v0", FACTORY).maxEpisodeSteps(50).rewardThreshold(0.9)
                .defaultOptions(options).description("a walk").build();
        options.put("size", 10);
        assertEquals(50, s.maxEpisodeSteps());
        assertEquals(0.9, s.rewardThreshold());
        assertEquals(Map.of("size", 9), s.defaultOptions(), "default options are copied");
        assertEquals("a walk", s.description());
        EnvSpec bare = spec("Walk-v0");
        assertNull(bare.maxEpisodeSteps());
        assertEquals(Map.of(), bare.defaultOptions());
        assertEquals("", bare.description());
        assertThrows(IllegalArgumentException.class, () -> EnvSpec.builder("Walk-v0", FACTORY).maxEpisodeSteps(0).build());
        assertThrows(NullPointerException.class, () -> EnvSpec.builder("Walk-v0", null).build());
    }
}
