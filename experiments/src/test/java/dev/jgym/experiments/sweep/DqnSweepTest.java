package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps whose base is a DQN config: trials train {@code DqnTraining} on CartPole-v1 with a tiny
 * budget (300 env steps, a 16-unit network, 2-episode evaluations: well under a second a trial),
 * so these check the plumbing (seeds, outputs, reuse, exit codes), not what DQN learns.
 */
class DqnSweepTest {
    @TempDir
    Path dir;

    static final String BASE = """
            {"name": "tiny-dqn", "seed": 1, "env": {"id": "CartPole-v1"}, "backend": "cpu",
             "dqn": {"total_steps": 300, "buffer_size": 1000, "batch_size": 16, "learning_starts": 64,
                     "target_update_interval": 50, "exploration_fraction": 0.5,
                     "network": {"hidden": [16]}, "optimizer": {"type": "adam", "lr": 0.001}},
             "evaluation": {"interval": 150, "episodes": 2, "final_episodes": 2, "threshold": 1000.0}}""";

    /** 2 learning rates x 2 seeds, reporting {@code report} (a JSON object). */
    Path sweepFile(String name, String grid, String report) throws IOException {
        Files.writeString(dir.resolve("dqn-base.json"), BASE);
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, "{\"name\": \"" + name + "\", \"base\": \"dqn-base.json\", \"grid\": " + grid
                + ", \"seeds\": [0, 1], \"report\": " + report + "}");
        return file;
    }

    Path lrSweep() throws IOException {
        return sweepFile("lr", "{\"$.dqn.optimizer.lr\": [0.001, 0.003]}", "{\"metric\": \"final_mean\"}");
    }

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    @DisplayName("2 learning rates x 2 seeds of DQN: byte-identical tables on 1 and 2 threads; each trial trained with its own seed and wrote DqnOutput's files")
    void dqnTrialsRunAndReproduce() throws IOException {
        Path file = lrSweep();
        LocalSweepTest.Outcome a = LocalSweepTest.sweep(file.toString(), "--out", dir.resolve("a").toString(), "--threads", "1", "--quiet");
        LocalSweepTest.Outcome b = LocalSweepTest.sweep(file.toString(), "--out", dir.resolve("b").toString(), "--threads", "2");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("2 settings x 2 seeds = 4 trials"), b.err());
        assertTrue(b.err().contains("4 trials run, 0 already done, 0 failed"), b.err());
        assertTrue(b.out().startsWith("final_mean (final), mean over seeds with 95% interval:"), b.out());
        for (String f : new String[] {"table.csv", "table.json"}) {
            assertArrayEquals(bytes(dir.resolve("a").resolve(f)), bytes(dir.resolve("b").resolve(f)), f + ": 1 vs 2 threads");
        }
        assertTrue(Files.size(dir.resolve("a/final_mean.png")) > 1000);
        List<String> csv = Files.readAllLines(dir.resolve("a/table.csv"));
        assertEquals("trial,setting,seed,$.dqn.optimizer.lr,agent,final_mean_final,status,error", csv.get(0));
        assertEquals(5, csv.size());

        SweepPlan plan = SweepPlan.read(file);
        for (Trial t : plan.trials()) {
            Path folder = TrialTask.folder(dir.resolve("a"), t.id());
            for (String f : new String[] {"config.json", "metrics.csv", "evaluations.csv", "summary.json", "returns.png", "loss.png", "model.jgm", "trial.json"}) {
                assertTrue(Files.exists(folder.resolve(f)), t.id() + "/" + f);
            }
            assertFalse(Files.exists(folder.resolve("timing.json")), "nothing machine-dependent in a trial folder");
            JsonNode summary = Json.readTree(folder.resolve("summary.json"));
            assertEquals(t.seed(), summary.get("seed").asLong(), "the trial's seed replaces the base's seed 1");
            assertEquals(300, summary.get("steps").asLong());
            TrialSummary ts = TrialTask.read(dir.resolve("a"), t.id());
            assertTrue(ts.ok(), ts.toString());
            assertEquals(List.of("dqn"), ts.values().stream().map(TrialSummary.AgentValue::agent).toList());
            // exact: the table's number is summary.json's final greedy evaluation, not a recomputation
            assertEquals(summary.get("final_evaluation").get("mean_return").asDouble(), ts.values().get(0).value(), 0.0);
            assertTrue(csv.get(1 + t.index()).startsWith(t.id() + ",lr=" + (t.setting() == 0 ? "0.001" : "0.003") + "," + t.seed() + ","), csv.toString());
        }
        // the seed and the learning rate each change the training itself
        Path s0 = TrialTask.folder(dir.resolve("a"), plan.trials().get(0).id()), s1 = TrialTask.folder(dir.resolve("a"), plan.trials().get(1).id());
        Path lr2 = TrialTask.folder(dir.resolve("a"), plan.trials().get(2).id());
        assertFalse(Arrays.equals(bytes(s0.resolve("metrics.csv")), bytes(s1.resolve("metrics.csv"))), "seed 0 vs seed 1");
        assertNotEquals(Files.readString(s0.resolve("metrics.csv")), Files.readString(lr2.resolve("metrics.csv")), "lr 0.001 vs 0.003, seed 0");
        assertEquals(0.003, Json.readTree(lr2.resolve("config.json")).get("dqn").get("optimizer").get("lr").doubleValue());
    }

    @Test
    @DisplayName("rerun: every DQN trial is reused and the table is byte-identical; a deleted trial.json reruns only that trial, to the same bytes")
    void rerunReuses() throws IOException {
        Path file = lrSweep();
        Path out = dir.resolve("out");
        assertEquals(0, LocalSweepTest.sweep(file.toString(), "--out", out.toString(), "--quiet").code());
        byte[] csv = bytes(out.resolve("table.csv")), json = bytes(out.resolve("table.json"));
        LocalSweepTest.Outcome again = LocalSweepTest.sweep(file.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("0 trials run, 4 already done, 0 failed"), again.err());
        assertArrayEquals(csv, bytes(out.resolve("table.csv")));
        assertArrayEquals(json, bytes(out.resolve("table.json")));
        Trial t = SweepPlan.read(file).trials().get(3);
        Path folder = TrialTask.folder(out, t.id());
        byte[] metrics = bytes(folder.resolve("metrics.csv")), trialJson = bytes(folder.resolve("trial.json"));
        Files.delete(folder.resolve("trial.json"));
        LocalSweepTest.Outcome resumed = LocalSweepTest.sweep(file.toString(), "--out", out.toString());
        assertTrue(resumed.err().contains("1 trials run, 3 already done, 0 failed"), resumed.err());
        assertArrayEquals(csv, bytes(out.resolve("table.csv")));
        assertArrayEquals(metrics, bytes(folder.resolve("metrics.csv")));
        assertArrayEquals(trialJson, bytes(folder.resolve("trial.json")));
    }

    @Test
    @DisplayName("solved_at and solved: threshold 5 is reached at the first evaluation (step 150); threshold 1000 never, so solved_at is the 300-step budget")
    void solvedAt() throws IOException {
        Path file = sweepFile("solve", "{\"$.evaluation.threshold\": [5.0, 1000.0]}", "{\"metric\": \"solved_at\", \"summary\": \"final\"}");
        LocalSweepTest.Outcome o = LocalSweepTest.sweep(file.toString(), "--out", dir.resolve("s").toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        JsonNode settings = Json.readTree(dir.resolve("s/table.json")).get("settings");
        // every CartPole episode lasts at least 8 steps, so a 2-episode mean >= 5 is certain at step 150
        assertEquals(150.0, settings.get(0).get("mean").asDouble(), 0.0);
        assertEquals(0.0, settings.get(0).get("ci95").asDouble(), 0.0);
        assertEquals(300.0, settings.get(1).get("mean").asDouble(), 0.0);
        Trial first = SweepPlan.read(file).trials().get(0);
        assertEquals(150, Json.readTree(TrialTask.folder(dir.resolve("s"), first.id()).resolve("summary.json")).get("solved_at_step").asLong());
    }

    @Test
    @DisplayName("mistakes in a DQN sweep exit 2 with one line: a path not in the base, an empty grid, a curve metric, a curve summary, an agent label")
    void exitCodes() throws IOException {
        Path bad = sweepFile("bad", "{\"$.dqn.optimizer.learning_rate\": [0.001]}", "{\"metric\": \"final_mean\"}");
        LocalSweepTest.Outcome o = LocalSweepTest.sweep(bad.toString());
        assertEquals(2, o.code(), o.err());
        assertEquals("jgym: " + bad + ": $.grid[\"$.dqn.optimizer.learning_rate\"]: not in the base config: $.dqn.optimizer has no key "
                + "\"learning_rate\" ($.dqn.optimizer is an object with keys: type, lr)\n", o.err());

        Path empty = sweepFile("empty", "{}", "{\"metric\": \"final_mean\"}");
        o = LocalSweepTest.sweep(empty.toString());
        assertEquals(2, o.code());
        assertEquals("jgym: " + empty + ": $.grid: expected at least one JSON path with its values, found an empty grid\n", o.err());

        Path metric = sweepFile("metric", "{\"$.dqn.optimizer.lr\": [0.001]}", "{\"metric\": \"reward\"}");
        o = LocalSweepTest.sweep(metric.toString());
        assertEquals(2, o.code());
        assertEquals("jgym: " + metric + ": $.report.metric: expected one of final_mean, solved_at, solved, training_return "
                + "(the numbers of a DQN trial's summary), found \"reward\"\n", o.err());

        Path summary = sweepFile("summary", "{\"$.dqn.optimizer.lr\": [0.001]}", "{\"metric\": \"final_mean\", \"summary\": \"mean\"}");
        o = LocalSweepTest.sweep(summary.toString());
        assertEquals(2, o.code());
        assertEquals("jgym: " + summary + ": $.report.summary: a DQN trial reports one number from its summary: expected final, found \"mean\"\n", o.err());

        Path agent = sweepFile("agent", "{\"$.dqn.optimizer.lr\": [0.001]}", "{\"metric\": \"final_mean\", \"agent\": \"eps\"}");
        o = LocalSweepTest.sweep(agent.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("jgym: " + agent + ": $.report.agent: a DQN trial trains one network, labelled \"dqn\""), o.err());

        Path value = sweepFile("value", "{\"$.dqn.batch_size\": [16, 5000]}", "{\"metric\": \"final_mean\"}");
        o = LocalSweepTest.sweep(value.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("jgym: " + value + ": setting batch_size=5000"), o.err());
        assertTrue(o.err().contains("batch_size"), o.err());
        assertFalse(Files.exists(dir.resolve("runs")), "nothing runs before every setting is checked");
    }

    @Test
    @DisplayName("the example configs/sweeps/dqn-cartpole-lr.json expands to 3 learning rates x 5 seeds = 15 DQN trials (not run here)")
    void exampleSweep() throws IOException {
        Path file = Path.of("..", "configs", "sweeps", "dqn-cartpole-lr.json");
        SweepPlan plan = SweepPlan.read(file);
        assertEquals(List.of("lr=3.0E-4", "lr=0.001", "lr=0.003"), plan.settings().stream().map(Setting::label).toList());
        assertEquals(15, plan.trials().size());
        assertEquals("final", plan.config().report().summary());
        JsonNode first = Json.MAPPER.readTree(plan.trials().get(0).configJson());
        assertEquals("CartPole-v1", first.get("env").get("id").asText());
        assertEquals(0, first.get("seed").asLong());
    }
}
