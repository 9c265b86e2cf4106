package dev.jgym.envs.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden transition tables: every (state, action) row of our models equals Gymnasium's
 * {@code env.unwrapped.P}, entry by entry and in order, with probabilities and rewards equal to
 * the last bit (tolerance 0: the same float64 arithmetic).
 *
 * <p>Source: {@code src/test/resources/gymnasium/*.txt.gz}, written by {@code dump_tables.py} in the
 * same folder from Gymnasium's repository (commit 3f0476a8cc22, Aug 2026, version 1.4.0:
 * {@code gymnasium/envs/toy_text/frozen_lake.py}, {@code cliffwalking.py}, {@code taxi.py}).
 */
class GymnasiumTablesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("frozenlake-4x4-slippery", "FrozenLake-v1", Map.of()),
                Arguments.of("frozenlake-4x4-dry", "FrozenLake-v1", Map.of("is_slippery", false)),
                Arguments.of("frozenlake-8x8-slippery", "FrozenLake8x8-v1", Map.of()),
                Arguments.of("frozenlake-8x8-dry", "FrozenLake8x8-v1", Map.of("is_slippery", false)),
                Arguments.of("frozenlake-custom-sr075", "FrozenLake-v1", Map.of(
                        "desc", List.of("SFFHF", "FHFFG", "FFHFS"), "success_rate", 0.75, "reward_schedule", List.of(5.0, -2.0, 1.0))),
                Arguments.of("cliffwalking", "CliffWalking-v1", Map.of()),
                Arguments.of("cliffwalking-slippery", "CliffWalkingSlippery-v1", Map.of()),
                Arguments.of("taxi", "Taxi-v4", Map.of()),
                Arguments.of("taxi", "Taxi-v3", Map.of()),
                Arguments.of("taxi-rainy", "Taxi-v4", Map.of("is_rainy", true)),
                Arguments.of("taxi-rainy-p06", "Taxi-v4", Map.of("is_rainy", true, "rainy_probability", 0.6)));
    }

    @ParameterizedTest(name = "{1} {2} = Gymnasium {0}")
    @MethodSource("cases")
    void tableEqualsGymnasiumP(String reference, String id, Map<String, Object> options) {
        TabularModel model = (TabularModel) EnvRegistry.make(id, options).unwrapped();
        List<List<Outcome>> expected = read(reference, model.stateCount(), model.actionCount());
        int entries = 0;
        for (int s = 0; s < model.stateCount(); s++) {
            for (int a = 0; a < model.actionCount(); a++) {
                List<Outcome> want = expected.get(s * model.actionCount() + a);
                List<Outcome> got = model.transitions(s, a);
                assertEquals(want.size(), got.size(), reference + ": number of outcomes of s=" + s + " a=" + a + ": " + got);
                for (int i = 0; i < want.size(); i++) {
                    assertEquals(want.get(i), got.get(i), "s=" + s + " a=" + a + " entry " + i);
                    entries++;
                }
            }
        }
        assertEquals(expected.stream().mapToInt(List::size).sum(), entries);
    }

    /** Parses "s a p next reward terminated" lines into one list per (s, a), s * nA + a. */
    static List<List<Outcome>> read(String name, int states, int actions) {
        List<List<Outcome>> table = new ArrayList<>();
        for (int i = 0; i < states * actions; i++) table.add(new ArrayList<>());
        InputStream in = GymnasiumTablesTest.class.getResourceAsStream("/gymnasium/" + name + ".txt.gz");
        assertNotNull(in, "missing reference " + name);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                String[] f = line.split(" ");
                int s = Integer.parseInt(f[0]), a = Integer.parseInt(f[1]);
                table.get(s * actions + a).add(new Outcome(Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                        Double.parseDouble(f[4]), f[5].equals("1")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
