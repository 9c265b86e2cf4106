package dev.jgym.replays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered env: random play recorded through {@link RecordReplay} (several episodes in one
 * file, later ones after unseeded resets), read back and re-simulated; every checksum, reward
 * (to the bit) and flag must match. Exact equality: no tolerance.
 */
class RoundTripTest {
    static final int STEPS = 300;

    static Stream<String> ids() {
        return EnvRegistry.ids().stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("random play on every registered env re-simulates bit for bit")
    void recordedRandomPlayVerifies(String id) {
        Path file = dir.resolve("r.jgr");
        int recorded = 0, episodes = 1;
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make(id), file, "random")) {
            env.reset(11L, Map.of());
            for (int i = 0; i < STEPS; i++) {
                Step<Object> s = env.step(env.sampleAction());
                recorded++;
                if (s.done()) {
                    env.reset();
                    episodes++;
                }
            }
        }
        Replay replay = ReplayReader.read(file);
        assertNull(replay.problem(), id + ": " + replay.problem());
        assertEquals(id, replay.header().envId());
        assertEquals(episodes, replay.episodes().size());
        assertEquals(recorded, replay.totalSteps());
        ReplayVerifier.Report report = ReplayVerifier.verify(replay);
        assertTrue(report.ok(), report.summary());
        assertEquals(recorded, report.steps());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    @DisplayName("a changed observation is seen: the checksums of the registered envs' first observations are not all equal")
    void checksumsTellObservationsApart(String id) {
        try (Env<Object, Object> env = EnvRegistry.make(id)) {
            long first = ObservationChecksum.of(env.reset(1L, Map.of()).observation());
            assertEquals(first, ObservationChecksum.of(env.reset(1L, Map.of()).observation()), id + ": same seed, same checksum");
        }
        assertTrue(ObservationChecksum.of(new int[] {1, 0}) != ObservationChecksum.of(new int[] {0, 1}));
        assertTrue(ObservationChecksum.of(new float[] {0f}) != ObservationChecksum.of(new float[] {-0f}));
        assertTrue(ObservationChecksum.of(List.of(1, 2)) != ObservationChecksum.of(List.of(2, 1)));
    }
}
