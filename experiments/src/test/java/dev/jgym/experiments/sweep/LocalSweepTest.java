package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps on the thread-pool engine: reproducible tables, resuming, failed trials, exit codes. */
class LocalSweepTest {
    @TempDir
    Path dir;

    static final Map<String, SweepCommand.Engine> LOCAL = Map.of("local", o -> new LocalSweepRunner(o.threads()));

    record Outcome(int code, String out, String err) {}

    static Outcome sweep(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = SweepCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), LOCAL);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** 3 settings x 2 seeds of a 10-armed testbed with 4 runs x 50 steps: a second of work. */
    Path smallSweep() throws IOException {
        Files.writeString(dir.resolve("base.json"), SweepPlanTest.BASE);
        Path file = dir.resolve("small.json");
        Files.writeString(file, """
                {"name": "small", "base": "base.json",
                 "grid": {"$.agents[0].settings.epsilon": [0.0, 0.1, 0.2]},
                 "seeds": [0, 1], "report": {"metric": "reward", "agent": "eps", "summary": "mean"}}""");
        return file;
    }

    static byte[] bytes(Path p) throws IOException {
        return Files.readAllBytes(p);
    }

    @Test
    @DisplayName("the same sweep twice, on 1 and on 2 threads: byte-identical table.csv and table.json; each trial's outputs are there")
    void reproducible() throws IOException {
        Path file = smallSweep();
        Outcome a = sweep(file.toString(), "--out", dir.resolve("a").toString(), "--threads", "1", "--quiet");
        Outcome b = sweep(file.toString(), "--out", dir.resolve("b").toString(), "--threads", "2", "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        for (String f : new String[] {"table.csv", "table.json", "sweep.json"}) {
            assertArrayEquals(bytes(dir.resolve("a").resolve(f)), bytes(dir.resolve("b").resolve(f)), f);
        }
        assertTrue(Files.size(dir.resolve("a/reward.png")) > 1000);
        SweepPlan plan = SweepPlan.read(file);
        String csv = Files.readString(dir.resolve("a/table.csv"));
        assertEquals("trial,setting,seed,$.agents[0].settings.epsilon,agent,reward_mean,status,error", csv.lines().findFirst().orElseThrow());
        assertEquals(1 + 6, csv.lines().count());
        Trial first = plan.trials().get(0);
        assertTrue(csv.lines().skip(1).findFirst().orElseThrow().startsWith(first.id() + ",epsilon=0.0,0,0.0,eps,"), csv);
        for (String f : new String[] {"config.json", "metrics.csv", "summary.json", "reward.png", "trial.json"}) {
            assertTrue(Files.exists(TrialTask.folder(dir.resolve("a"), first.id()).resolve(f)), f);
        }
        JsonNode table = Json.MAPPER.readTree(dir.resolve("a/table.json").toFile());
        assertEquals(3, table.get("settings").size());
        assertEquals(2, table.get("settings").get(0).get("n").asInt());
    }

    @Test
    @DisplayName("a trial's value is its experiment's number: summary mean of reward equals the mean of its metrics.csv column")
    void valueMatchesExperiment() throws IOException {
        Path file = smallSweep();
        assertEquals(0, sweep(file.toString(), "--out", dir.resolve("a").toString(), "--quiet").code());
        SweepPlan plan = SweepPlan.read(file);
        Trial t = plan.trials().get(5);
        List<String> rows = Files.readAllLines(TrialTask.folder(dir.resolve("a"), t.id()).resolve("metrics.csv"));
        double sum = 0;
        int n = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            if (!cells[0].equals("eps")) continue;
            sum += Double.parseDouble(cells[2]);
            n++;
        }
        double fromCsv = sum / n;
        double reported = TrialTask.read(dir.resolve("a"), t.id()).values().get(0).value();
        assertEquals(50, n);
        assertEquals(fromCsv, reported, 1e-12, "the CSV holds every step's mean; 1e-12 for decimal printing");
    }

    @Test
    @DisplayName("resume: only trials without a matching trial.json run again (deleted, failed, or a changed base config), and the table is unchanged")
    void resume() throws IOException {
        Path file = smallSweep();
        Path out = dir.resolve("a");
        assertEquals(0, sweep(file.toString(), "--out", out.toString(), "--quiet").code());
        byte[] table = bytes(out.resolve("table.csv"));
        SweepPlan plan = SweepPlan.read(file);
        Files.delete(TrialTask.folder(out, plan.trials().get(1).id()).resolve("trial.json"));
        Files.writeString(TrialTask.folder(out, plan.trials().get(4).id()).resolve("trial.json"), "{\"truncated");
        Outcome again = sweep(file.toString(), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("2 trials run, 4 already done, 0 failed"), again.err());
        assertArrayEquals(table, bytes(out.resolve("table.csv")));
        // a changed base (more steps) changes every config hash: all six run again, under the same ids
        Files.writeString(dir.resolve("base.json"), SweepPlanTest.BASE.replace("\"steps\": 50", "\"steps\": 60"));
        Outcome changed = sweep(file.toString(), "--out", out.toString());
        assertTrue(changed.err().contains("6 trials run, 0 already done"), changed.err());
        assertEquals(plan.trials().stream().map(Trial::id).toList(), SweepPlan.read(file).trials().stream().map(Trial::id).toList());
    }

    @Test
    @DisplayName("a trial that throws is recorded as failed with its error; the others finish; the table marks it; exit 0")
    void failedTrial() throws IOException {
        Files.writeString(dir.resolve("base.json"), """
                {"name": "f", "env": {"id": "GaussianBandit-v0"}, "agents": [{"label": "a", "type": "test-failing", "settings": {"fail": false}}],
                 "seed": 0, "runs": 2, "steps": 20}""");
        Path file = dir.resolve("f.json");
        Files.writeString(file, """
                {"name": "f", "base": "base.json", "grid": {"$.agents[0].settings.fail": [false, true]}, "seeds": [0, 1],
                 "report": {"metric": "reward"}}""");
        Outcome o = sweep(file.toString(), "--out", dir.resolve("o").toString(), "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("4 trials run, 0 already done, 2 failed"), o.err());
        List<String> csv = Files.readAllLines(dir.resolve("o/table.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(1).endsWith(",ok,") && csv.get(2).endsWith(",ok,"), csv.toString());
        assertTrue(csv.get(3).endsWith(",a,,failed,IllegalStateException: deliberate failure on the third action"), csv.get(3));
        JsonNode settings = Json.MAPPER.readTree(dir.resolve("o/table.json").toFile()).get("settings");
        assertEquals(2, settings.get(1).get("failed").asInt());
        assertTrue(settings.get(1).get("mean").isNull());
        assertTrue(o.out().contains("(2 failed)"), o.out());
        // resuming runs the failed ones again (they might have been transient), not the good ones
        Outcome again = sweep(file.toString(), "--out", dir.resolve("o").toString());
        assertTrue(again.err().contains("2 trials run, 2 already done, 2 failed"), again.err());
    }

    @Test
    @DisplayName("a DQN trial whose loss turns NaN is recorded as diverged (its step in the error); the other trial finishes")
    void divergedTrial() throws IOException {
        Files.writeString(dir.resolve("base.json"), dev.jgym.experiments.run.RunFolderTest.DQN
                .replace("{\"type\": \"adam\", \"lr\": 0.001}", "{\"type\": \"sgd\", \"lr\": 0.001}")
                .replace("\"batch_size\": 16,", "\"batch_size\": 16, \"max_grad_norm\": 0,"));
        Path file = dir.resolve("d.json");
        Files.writeString(file, """
                {"name": "d", "base": "base.json", "grid": {"$.dqn.optimizer.lr": [0.001, 1e30]}, "seeds": [0],
                 "report": {"metric": "final_mean", "summary": "final"}}""");
        Outcome o = sweep(file.toString(), "--out", dir.resolve("o").toString(), "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("2 trials run, 0 already done, 1 failed"), o.err());
        String table = Files.readString(dir.resolve("o/table.csv"));
        assertTrue(table.contains(",diverged,") && table.contains("training diverged at step "), table);
        assertTrue(table.contains(",ok,"), table);
    }

    @Test
    @DisplayName("Spark stays out of the agents module: jgym train and the local engine cannot even see its classes")
    void noSparkHere() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.spark.SparkContext"));
    }

    @Test
    @DisplayName("user mistakes exit 2 with one line: a path not in the base, an empty grid, an unknown engine, a missing file")
    void exitCodes() throws IOException {
        Files.writeString(dir.resolve("base.json"), SweepPlanTest.BASE);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"name\": \"b\", \"base\": \"base.json\", \"grid\": {\"$.agents[0].settings.lr\": [0.1]}, \"seeds\": [0], "
                + "\"report\": {\"metric\": \"reward\"}}");
        Outcome o = sweep(bad.toString());
        assertEquals(2, o.code());
        assertEquals("jgym: " + bad + ": $.grid[\"$.agents[0].settings.lr\"]: not in the base config: $.agents[0].settings has no key \"lr\" "
                + "($.agents[0].settings is an object with keys: epsilon)\n", o.err());
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"name\": \"b\", \"base\": \"base.json\", \"grid\": {}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}}");
        o = sweep(empty.toString());
        assertEquals(2, o.code());
        assertEquals("jgym: " + empty + ": $.grid: expected at least one JSON path with its values, found an empty grid\n", o.err());
        o = sweep(empty.toString(), "--engine", "spark");
        assertEquals(2, o.code());
        assertTrue(o.err().startsWith("jgym: sweep: --engine: expected one of local, found \"spark\""), o.err());
        o = sweep(dir.resolve("nope.json").toString());
        assertEquals("jgym: " + dir.resolve("nope.json") + ": no such file\n", o.err());
        assertEquals(2, o.code());
        Path missingBase = dir.resolve("mb.json");
        Files.writeString(missingBase, "{\"name\": \"b\", \"base\": \"gone.json\", \"grid\": {\"$.runs\": [1]}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}}");
        o = sweep(missingBase.toString());
        assertEquals(2, o.code());
        assertEquals("jgym: " + missingBase + ": $.base: " + dir.resolve("gone.json") + ": no such file\n", o.err());
        assertFalse(Files.exists(dir.resolve("runs")));
    }
}
