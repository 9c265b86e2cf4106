package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tabular agents as configs name them: settings checked with their JSON paths, results independent of the thread count. */
class TabularExperimentTest {
    @Test
    @DisplayName("bad settings in a config are one-line UserErrors with the JSON path")
    void badSettings(@TempDir Path dir) throws Exception {
        String base = "{\"name\": \"x\", \"env\": {\"id\": \"CliffWalking-v1\"}, \"seed\": 0, \"runs\": 1, \"curve\": \"episode\", \"episodes\": 5, "
                + "\"agents\": [{\"label\": \"a\", \"type\": \"%s\", \"settings\": %s}]}";
        String[][] cases = {
            {"q-learning", "{\"alpha\": 1.5}", "$.agents[0].settings.alpha: expected a number in (0, 1], found 1.5"},
            {"sarsa", "{\"epsilon_end\": 0.1}", "$.agents[0].settings.epsilon_decay_episodes: a schedule needs both epsilon_end and epsilon_decay_episodes"},
            {"sarsa-lambda", "{\"traces\": \"dutch\"}", "$.agents[0].settings.traces: expected \"accumulating\" or \"replacing\", found \"dutch\""},
            {"n-step-sarsa", "{\"n\": 0}", "$.agents[0].settings.n: expected a positive integer, found 0"},
            {"mc-off-policy", "{\"epsilon\": 0}", "$.agents[0].settings.epsilon: expected a number in (0, 1]: the behaviour policy must try every action (coverage)"},
            {"mc-prediction", "{\"visits\": \"some\"}", "$.agents[0].settings.visits: expected \"first\" or \"every\", found \"some\""},
            {"mc-off-policy-prediction", "{}", "$.agents[0].settings.target: missing (required)"},
            {"mc-off-policy-prediction", "{\"target\": {\"action\": 0}, \"sampling\": \"plain\"}",
                "$.agents[0].settings.sampling: expected \"ordinary\" or \"weighted\", found \"plain\""},
            {"q-learning", "{\"epsilon_schedule\": \"cosine\"}", "$.agents[0].settings.epsilon_schedule: expected \"linear\" or \"exponential\", found \"cosine\""},
            {"sarsa", "{\"alpha_end\": 0.01}", "$.agents[0].settings.alpha_decay_episodes: a step-size schedule needs both alpha_end and alpha_decay_episodes"},
            {"sarsa", "{\"alpha_end\": 0, \"alpha_decay_episodes\": 10}", "$.agents[0].settings.alpha_end: expected a number in (0, 1], found 0.0"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("c.json");
            Files.writeString(file, String.format(base, c[0], c[1]));
            UserError e = assertThrows(UserError.class, () -> Experiment.read(file).validate(), c[1]);
            assertEquals(file + ": " + c[2], e.getMessage());
        }
        Path file = dir.resolve("c.json");
        Files.writeString(file, String.format(base, "q-learning", "{}").replace("CliffWalking-v1", "CartPoleX-v1"));
        assertThrows(UserError.class, () -> Experiment.read(file).validate());
        Files.writeString(file, String.format(base, "q-learning", "{}").replace("CliffWalking-v1", "Snake-v0"));
        UserError e = assertThrows(UserError.class, () -> Experiment.read(file).validate());
        assertTrue(e.getMessage().contains("needs a Discrete observation space or a Tuple of Discrete spaces"), e.getMessage());
    }

    @Test
    @DisplayName("a thread count never changes a result: cliff walking with 1 and 3 threads gives identical curves and greedy evaluations")
    void threadCount() {
        ExperimentConfig c = ExperimentConfig.read(Configs.path("tabular/cliff-walking-example-6.6.json"));
        ExperimentConfig small = new ExperimentConfig(c.name(), c.description(), c.env(), c.agents(), c.seed(), 40, null, 20L,
                c.curve(), 50, c.countEpisodes(), c.evaluation(), c.replays());
        ExperimentResult one = new Experiment(small, "test").run(1, n -> { });
        ExperimentResult three = new Experiment(small, "test").run(3, n -> { });
        for (int a = 0; a < one.agents().size(); a++) {
            assertArrayEquals(one.agents().get(a).curves()[0], three.agents().get(a).curves()[0]);
            assertArrayEquals(one.agents().get(a).evaluationReturns(), three.agents().get(a).evaluationReturns());
        }
    }
}
