package dev.jgym.agents.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.agents.run.StopSignal;
import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planning kind: its outputs, the same bytes on 1 and 2 threads, and a config mistake as one line. */
class PlanningKindTest {
    @TempDir
    Path dir;

    Path config(String name, String json) throws IOException {
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, json);
        return file;
    }

    Path run(Path config, int threads) {
        Path out = dir.resolve(config.getFileName() + "-" + threads);
        new PlanningKind().prepare(config, RunOptions.threads(threads)).run(out, Progress.NONE, new StopSignal());
        return out;
    }

    static final String SMALL_TRAJECTORIES = """
            {"name": "small", "seed": 3, "planning": {"trajectory_sampling": {"panels": [
              {"states": 50, "branching": [1, 3], "tasks": 6, "updates": 400, "evaluations": 4}]}}}
            """;

    @Test
    @DisplayName("trajectory sampling: start-values.csv has 2 curves x 5 points, both start at Q = 0's value, and the same bytes on 1 and 2 threads")
    void trajectorySamplingThreads() throws IOException {
        Path c = config("ts", SMALL_TRAJECTORIES);
        byte[] one = Files.readAllBytes(run(c, 1).resolve("start-values.csv"));
        byte[] two = Files.readAllBytes(run(c, 2).resolve("start-values.csv"));
        assertArrayEquals(one, two);
        List<String> lines = Files.readAllLines(run(c, 1).resolve("start-values.csv"));
        assertEquals("states,branching,updates,uniform,on_policy", lines.get(0));
        assertEquals(11, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals(first[3], first[4], "both methods start from the same greedy policy");
        assertTrue(Files.size(dir.resolve("ts.json-1").resolve("trajectory-sampling-50.png")) > 1000);
    }

    @Test
    @DisplayName("expected vs sample: errors.csv holds t = 0..2b per b with the book's curve; the error after b samples is near sqrt((b-1)/b^2)")
    void expectedVsSample() throws IOException {
        Path out = run(config("evs", """
                {"name": "evs", "planning": {"expected_vs_sample": {"branching": [4, 9], "runs": 4000}}}
                """), 1);
        List<String> lines = Files.readAllLines(out.resolve("errors.csv"));
        assertEquals(1 + 9 + 19, lines.size());
        String[] b4 = lines.get(1 + 4).split(",");
        assertEquals("4", b4[0]);
        assertEquals(Math.sqrt(3.0 / 16), Double.parseDouble(b4[2]), 0.05 * Math.sqrt(3.0 / 16));
        assertEquals(0.0, Double.parseDouble(b4[3]));
    }

    @Test
    @DisplayName("policy iteration on the gambler's problem from its config: policies.csv ends with the stable policy and V*(50) = 0.4")
    void policyIteration() throws IOException {
        Path out = run(config("pi", """
                {"name": "pi", "env": {"id": "Gambler-v0"}, "planning": {"policy_iteration": {"gamma": 1.0, "start_action": 0}}}
                """), 1);
        List<String> lines = Files.readAllLines(out.resolve("policies.csv"));
        assertTrue(lines.get(0).startsWith("state,pi_0,pi_1"), lines.get(0));
        String[] at50 = lines.get(1 + 50).split(",");
        assertEquals(0.4, Double.parseDouble(at50[at50.length - 1]), 1e-9);
    }

    static final String SMALL_MAZES = """
            {"name": "mazes", "seed": 5, "env": {"id": "DynaMaze-v0"}, "planning": {"updates_until_optimal": {"resolutions": [1, 2], "runs": 3,
              "agents": [{"label": "PS", "type": "prioritized-sweeping", "settings": {"alpha": 0.5}}, {"label": "DQ", "type": "dyna-q", "settings": {"alpha": 0.5}}]}}}
            """;

    @Test
    @DisplayName("updates until optimal (Example 8.4): updates.csv has a row per agent, resolution and run (47 and 188 states, paths 14 and 27, limits 16 and 32), "
            + "Dyna-Q's count a multiple of 1 + n = 6, and the same bytes on 1 and 2 threads")
    void updatesUntilOptimal() throws IOException {
        Path c = config("mazes", SMALL_MAZES);
        byte[] one = Files.readAllBytes(run(c, 1).resolve("updates.csv"));
        assertArrayEquals(one, Files.readAllBytes(run(c, 2).resolve("updates.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("mazes.json-1").resolve("updates.csv"));
        assertEquals("agent,resolution,states,shortest_path,limit,run,updates,episodes,reached", lines.get(0));
        assertEquals(1 + 2 * 2 * 3, lines.size());
        assertTrue(lines.get(1).startsWith("PS,1,47,14,16,0,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("PS,2,188,27,32,0,"), lines.get(4));
        for (String line : lines.subList(7, 13)) {
            String[] f = line.split(",");
            assertEquals("DQ", f[0]);
            assertEquals(0, Long.parseLong(f[6]) % 6, line);
            assertTrue(Long.parseLong(f[6]) > 0, line);
        }
        assertTrue(Files.size(dir.resolve("mazes.json-1").resolve("updates.png")) > 1000);
    }

    @Test
    @DisplayName("mistakes are one line naming the file and the field: two methods, a grid of the wrong size, an env without a model, a start action out of range; "
            + "policy evaluation's sweeps not increasing, a first_row other than top/bottom, its grid of the wrong size; "
            + "updates_until_optimal on a maze that does not scale, with an agent that does not count its updates, with a fixed resolution or without an env")
    void mistakes() throws IOException {
        String two = message(config("two", """
                {"name": "x", "planning": {"expected_vs_sample": {}, "trajectory_sampling": {"panels": []}}}
                """));
        assertTrue(two.contains("two.json") && two.contains("planning"), two);
        String grid = message(config("grid", """
                {"name": "x", "env": {"id": "JacksCarRental-v0"}, "planning": {"policy_iteration": {"gamma": 0.9, "grid": {"rows": 20, "columns": 21}}}}
                """));
        assertTrue(grid.contains("grid.json: $.planning.policy_iteration.grid: expected rows x columns = 441"), grid);
        String model = message(config("model", """
                {"name": "x", "env": {"id": "CartPole-v1"}, "planning": {"value_iteration": {"gamma": 0.9}}}
                """));
        assertTrue(model.contains("model.json: $.env:") && model.contains("exposes its model"), model);
        String start = message(config("start", """
                {"name": "x", "env": {"id": "JacksCarRental-v0"}, "planning": {"policy_iteration": {"gamma": 0.9, "start_action": 11}}}
                """));
        assertTrue(start.contains("start.json: $.planning.policy_iteration.start_action: expected an action of JacksCarRental-v0 (0-10), found 11"), start);
        String sweeps = message(config("sweeps", """
                {"name": "x", "env": {"id": "SmallGridworld-v0"}, "planning": {"policy_evaluation": {"gamma": 1.0, "sweeps": [0, 3, 2]}}}
                """));
        assertTrue(sweeps.contains("sweeps.json: $.planning.policy_evaluation.sweeps[2]: expected increasing sweep counts in [0, 1000000], found 2"), sweeps);
        String row = message(config("row", """
                {"name": "x", "env": {"id": "SmallGridworld-v0"}, "planning": {"policy_evaluation": {"gamma": 1.0, "grid": {"rows": 4, "columns": 4, "first_row": "up"}}}}
                """));
        assertTrue(row.contains("row.json: $.planning.policy_evaluation.grid.first_row: expected \"bottom\" or \"top\", found \"up\""), row);
        String evalGrid = message(config("evalgrid", """
                {"name": "x", "env": {"id": "SmallGridworld-v0"}, "planning": {"policy_evaluation": {"gamma": 1.0, "grid": {"rows": 4, "columns": 5}}}}
                """));
        assertTrue(evalGrid.contains("evalgrid.json: $.planning.policy_evaluation.grid: expected rows x columns = 16"), evalGrid);
        String maze = message(config("maze", """
                {"name": "x", "env": {"id": "BlockingMaze-v0"}, "planning": {"updates_until_optimal": {"agents": [{"label": "a", "type": "dyna-q"}]}}}
                """));
        assertTrue(maze.contains("maze.json: $.env:") && maze.contains("resolution"), maze);
        String counts = message(config("counts", """
                {"name": "x", "env": {"id": "DynaMaze-v0"}, "planning": {"updates_until_optimal": {"agents": [{"label": "a", "type": "q-learning"}]}}}
                """));
        assertTrue(counts.contains("counts.json: $.planning.updates_until_optimal.agents[0].type: expected an agent type that counts its updates"), counts);
        String fixed = message(config("fixed", """
                {"name": "x", "env": {"id": "DynaMaze-v0", "options": {"resolution": 2}}, "planning": {"updates_until_optimal": {"agents": [{"label": "a", "type": "dyna-q"}]}}}
                """));
        assertTrue(fixed.contains("fixed.json: $.env.options.resolution: expected none"), fixed);
        String noEnv = message(config("noenv", """
                {"name": "x", "planning": {"updates_until_optimal": {"agents": [{"label": "a", "type": "dyna-q"}]}}}
                """));
        assertTrue(noEnv.contains("noenv.json") && noEnv.contains("env") && noEnv.contains("DynaMaze-v0"), noEnv);
        for (String m : List.of(two, grid, model, start, sweeps, row, evalGrid, maze, counts, fixed, noEnv)) assertTrue(!m.contains("\n"), "one line: " + m);
    }

    static String message(Path config) {
        return assertThrows(UserError.class, () -> new PlanningKind().prepare(config, RunOptions.threads(1))).getMessage();
    }
}
