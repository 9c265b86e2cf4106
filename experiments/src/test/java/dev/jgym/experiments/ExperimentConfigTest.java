package dev.jgym.experiments;

import dev.jgym.core.config.UserError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ExperimentConfig.read: a good file binds; each kind of mistake gives exactly one line naming
 * the file, the JSON path, and expected versus found (the examples in /work/shared/STYLE.md).
 */
class ExperimentConfigTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            {
              "name": "figure-2.2",
              "env": {"id": "GaussianBandit-v0", "options": {"k": 10}},
              "agents": [
                {"label": "greedy", "type": "epsilon-greedy", "settings": {"epsilon": 0.0}},
                {"label": "eps 0.1", "type": "epsilon-greedy", "settings": {"epsilon": 0.1}}
              ],
              "seed": 0, "runs": 20, "steps": 1000
            }
            """;

    private Path write(String json) throws IOException {
        Path file = dir.resolve("experiment.json");
        Files.writeString(file, json);
        return file;
    }

    /** The message for a file that is GOOD with {@code from} replaced by {@code to}. */
    private String errorFor(String from, String to) throws IOException {
        if (!GOOD.contains(from)) throw new IllegalArgumentException("not in GOOD: " + from);
        Path file = write(GOOD.replace(from, to));
        UserError e = assertThrows(UserError.class, () -> ExperimentConfig.read(file));
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        return e.getMessage();
    }

    private String prefix() {
        return dir.resolve("experiment.json") + ": ";
    }

    @Test
    @DisplayName("a good file binds every field; summary_window defaults to 10% of the steps")
    void goodFile() throws IOException {
        ExperimentConfig c = ExperimentConfig.read(write(GOOD));
        assertEquals("figure-2.2", c.name());
        assertEquals("", c.description());
        assertEquals("GaussianBandit-v0", c.env().id());
        assertEquals(Map.of("k", 10), c.env().options());
        assertEquals(List.of("greedy", "eps 0.1"), c.agents().stream().map(ExperimentConfig.AgentConfig::label).toList());
        assertEquals(0.1, c.agents().get(1).settings().get("epsilon").asDouble());
        assertEquals(0L, c.seed());
        assertEquals(20, c.runs());
        assertEquals(1000L, c.steps());
        assertEquals(100L, c.summaryWindow());
    }

    @Test
    @DisplayName("a string for an integer: $.runs: expected an integer, found \"20x\"")
    void wrongType() throws IOException {
        assertEquals(prefix() + "$.runs: expected an integer, found \"20x\"", errorFor("\"runs\": 20", "\"runs\": \"20x\""));
    }

    @Test
    @DisplayName("a fractional number for an integer: $.steps: expected an integer, found 2.5")
    void fractionalForInteger() throws IOException {
        assertEquals(prefix() + "$.steps: expected an integer, found 2.5", errorFor("\"steps\": 1000", "\"steps\": 2.5"));
    }

    @Test
    @DisplayName("an integer too large for an int: $.runs: expected an integer in [-2147483648, 2147483647], found 99999999999")
    void integerOutOfRange() throws IOException {
        assertEquals(prefix() + "$.runs: expected an integer in [-2147483648, 2147483647], found 99999999999",
                errorFor("\"runs\": 20", "\"runs\": 99999999999"));
    }

    @Test
    @DisplayName("an unknown key at the top level and in env names the key and the known ones")
    void unknownKeys() throws IOException {
        assertEquals(prefix() + "$: unknown key \"sead\" (expected one of: agents, count_episodes, curve, description, env, episodes, evaluation, name, replays, runs, seed, steps, summary_window, true_values, value_map, values_at)",
                errorFor("\"seed\": 0,", "\"seed\": 0, \"sead\": 1,"));
        assertEquals(prefix() + "$.env: unknown key \"option\" (expected one of: id, options)",
                errorFor("\"options\": {\"k\": 10}", "\"option\": {\"k\": 10}"));
        assertEquals(prefix() + "$.agents[1]: unknown key \"setings\" (expected one of: label, settings, type)",
                errorFor("\"label\": \"eps 0.1\", \"type\": \"epsilon-greedy\", \"settings\"",
                        "\"label\": \"eps 0.1\", \"type\": \"epsilon-greedy\", \"setings\""));
    }

    @Test
    @DisplayName("missing required fields: $.seed, $.env.id and $.agents[0].type: missing (required)")
    void missingRequired() throws IOException {
        assertEquals(prefix() + "$.seed: missing (required)", errorFor("\"seed\": 0, ", ""));
        assertEquals(prefix() + "$.env.id: missing (required)", errorFor("\"id\": \"GaussianBandit-v0\", ", ""));
        assertEquals(prefix() + "$.agents[0].type: missing (required)",
                errorFor("\"label\": \"greedy\", \"type\": \"epsilon-greedy\",", "\"label\": \"greedy\","));
    }

    @Test
    @DisplayName("values_at (episode counts below episodes, increasing, episode curves only) and value_map (width or rows and columns, not both): one-line errors")
    void valuesAtAndValueMap() throws IOException {
        String episodic = "\"curve\": \"episode\", \"episodes\": 500";
        assertEquals(java.util.List.of(10, 100), ExperimentConfig.read(write(GOOD.replace("\"steps\": 1000", episodic + ", \"values_at\": [10, 100]"))).valuesAt());
        assertEquals(prefix() + "$.values_at[1]: expected increasing episode counts in [1, 499] (the final values are always kept), found 500",
                errorFor("\"steps\": 1000", episodic + ", \"values_at\": [10, 500]"));
        assertEquals(prefix() + "$.values_at: only with \"curve\": \"episode\" (episode counts)",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"values_at\": [10]"));
        assertEquals(prefix() + "$.value_map.width: expected width alone (a Discrete space) or rows, columns and panels (a Tuple), found both",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"value_map\": {\"width\": 5, \"rows\": {\"coordinate\": 0, \"from\": 1, \"to\": 2}}"));
        assertEquals(prefix() + "$.value_map.rows.from: missing (required)",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"value_map\": {\"rows\": {\"coordinate\": 0, \"to\": 2}}"));
    }

    @Test
    @DisplayName("per-episode curves: curve \"episode\" needs episodes; steps then optional; a bad curve, stray episodes or count_episodes are one-line errors")
    void episodeCurves() throws IOException {
        ExperimentConfig c = ExperimentConfig.read(write(GOOD.replace("\"steps\": 1000", "\"curve\": \"episode\", \"episodes\": 500")));
        assertTrue(c.episodic());
        assertEquals(500L, c.points());
        assertEquals(50L, c.summaryWindow(), "10% of the episodes");
        assertEquals(null, c.steps());
        ExperimentConfig plain = ExperimentConfig.read(write(GOOD));
        assertEquals("step", plain.curve());
        assertEquals(false, plain.countEpisodes());
        assertEquals(null, plain.evaluation());
        assertEquals(prefix() + "$.curve: expected \"step\" or \"episode\", found \"steps\"",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"curve\": \"steps\""));
        assertEquals(prefix() + "$.episodes: missing (required)", errorFor("\"steps\": 1000", "\"curve\": \"episode\""));
        assertEquals(prefix() + "$.episodes: only with \"curve\": \"episode\" (a step curve runs \"steps\" steps)",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"episodes\": 5"));
        assertEquals(prefix() + "$.steps: missing (required)", errorFor("\"steps\": 1000", "\"curve\": \"step\""));
        assertEquals(prefix() + "$.evaluation.episodes: expected a positive integer, found 0",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"evaluation\": {\"episodes\": 0}"));
        assertEquals(prefix() + "$.count_episodes: only with \"curve\": \"step\" (an episode curve counts episodes already)",
                errorFor("\"steps\": 1000", "\"curve\": \"episode\", \"episodes\": 5, \"count_episodes\": true"));
    }

    @Test
    @DisplayName("duplicate agent labels: $.agents[1].label: expected a unique label, found \"greedy\" twice")
    void duplicateLabels() throws IOException {
        assertEquals(prefix() + "$.agents[1].label: expected a unique label, found \"greedy\" twice",
                errorFor("\"label\": \"eps 0.1\"", "\"label\": \"greedy\""));
    }

    @Test
    @DisplayName("non-positive runs and steps, and a summary window past the steps")
    void nonPositive() throws IOException {
        assertEquals(prefix() + "$.runs: expected a positive integer, found 0", errorFor("\"runs\": 20", "\"runs\": 0"));
        assertEquals(prefix() + "$.steps: expected a positive integer, found -5", errorFor("\"steps\": 1000", "\"steps\": -5"));
        assertEquals(prefix() + "$.summary_window: expected an integer in [1, 1000], found 1001",
                errorFor("\"steps\": 1000", "\"steps\": 1000, \"summary_window\": 1001"));
    }

    @Test
    @DisplayName("other wrong shapes: an object for a string, an array for an object, null for a required field")
    void wrongShapes() throws IOException {
        assertEquals(prefix() + "$.name: expected a string, found an object", errorFor("\"name\": \"figure-2.2\"", "\"name\": {}"));
        assertEquals(prefix() + "$.env: expected an object, found an array", errorFor("\"env\": {\"id\": \"GaussianBandit-v0\", \"options\": {\"k\": 10}}", "\"env\": []"));
        assertEquals(prefix() + "$.seed: missing (required)", errorFor("\"seed\": 0", "\"seed\": null"));
        assertEquals(prefix() + "$.agents: expected at least one agent", errorFor(GOOD.substring(GOOD.indexOf("\"agents\""), GOOD.indexOf("\"seed\"")), "\"agents\": [],\n  "));
    }

    @Test
    @DisplayName("a missing file: <path>: no such file")
    void missingFile() {
        Path file = dir.resolve("nope.json");
        UserError e = assertThrows(UserError.class, () -> ExperimentConfig.read(file));
        assertEquals(file + ": no such file", e.getMessage());
    }

    @Test
    @DisplayName("malformed JSON names the line and column")
    void malformedJson() throws IOException {
        Path file = write("{\n  \"name\": \"x\",\n  \"seed\": 0 \"runs\": 1\n}\n");
        UserError e = assertThrows(UserError.class, () -> ExperimentConfig.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertEquals(file + ": not valid JSON at line 3, column 13: ", e.getMessage().substring(0, (file + ": not valid JSON at line 3, column 13: ").length()));
    }

    @Test
    @DisplayName("a duplicate key is an error, not a silent last-one-wins")
    void duplicateKey() throws IOException {
        String message = errorFor("\"runs\": 20", "\"runs\": 20, \"runs\": 30");
        assertEquals(true, message.startsWith(prefix() + "not valid JSON at line 8, column "), message);
        assertEquals(true, message.endsWith(": Duplicate field 'runs'"), message);
    }
}
