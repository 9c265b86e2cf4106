package dev.jgym.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import dev.jgym.experiments.ExperimentConfig;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expanding a sweep file: order, stable ids, random search, and one clear line for each mistake. */
class SweepPlanTest {
    @TempDir
    Path dir;

    static final String BASE = """
            {"name": "tiny", "env": {"id": "GaussianBandit-v0", "options": {"k": 10}},
             "agents": [{"label": "eps", "type": "epsilon-greedy", "settings": {"epsilon": 0.1}},
                        {"label": "ucb", "type": "ucb", "settings": {"c": 2.0}}],
             "seed": 7, "runs": 4, "steps": 50, "summary_window": 10}""";

    Path sweep(String body) throws IOException {
        Files.writeString(dir.resolve("base.json"), BASE);
        Path file = dir.resolve("sweep.json");
        Files.writeString(file, "{\"name\": \"s\", \"base\": \"base.json\", " + body + "}");
        return file;
    }

    UserError mistake(String body) throws IOException {
        Path file = sweep(body);
        return assertThrows(UserError.class, () -> SweepPlan.read(file));
    }

    @Test
    @DisplayName("a grid expands with the last path fastest, seeds innermost; every trial config carries its values and seed")
    void gridOrder() throws IOException {
        SweepPlan plan = SweepPlan.read(sweep("""
                "grid": {"$.agents[0].settings.epsilon": [0.0, 0.1], "$.agents[1].settings.c": [0.5, 1.0, 2.0]},
                "seeds": [3, 1], "report": {"metric": "reward"}"""));
        assertEquals(6, plan.settings().size());
        assertEquals(12, plan.trials().size());
        assertEquals(List.of("epsilon=0.0 c=0.5", "epsilon=0.0 c=1.0", "epsilon=0.0 c=2.0", "epsilon=0.1 c=0.5", "epsilon=0.1 c=1.0",
                "epsilon=0.1 c=2.0"), plan.settings().stream().map(Setting::label).toList());
        Trial t = plan.trials().get(3); // setting 1, second seed
        assertEquals(1, t.setting());
        assertEquals(1L, t.seed());
        assertEquals(plan.settings().get(1).id() + "-s1", t.id());
        ExperimentConfig c = Json.bind(Json.MAPPER.readTree(t.configJson()), ExperimentConfig.class, "t", "$");
        assertEquals(1L, c.seed());
        assertEquals(0.0, c.agents().get(0).settings().get("epsilon").doubleValue());
        assertEquals(1.0, c.agents().get(1).settings().get("c").doubleValue());
        assertEquals(4, c.runs(), "what the grid does not touch stays as in the base");
        assertEquals(List.of("eps", "ucb"), t.agents());
        assertEquals(SweepPlan.hash(t.configJson()), t.configHash());
    }

    @Test
    @DisplayName("trial ids are stable: the same file gives the same ids; adding a seed or a value keeps every earlier id")
    void stableIds() throws IOException {
        List<String> first = SweepPlan.read(sweep("""
                "grid": {"$.agents[0].settings.epsilon": [0.0, 0.1]}, "seeds": [0, 1], "report": {"metric": "reward"}"""))
                .trials().stream().map(Trial::id).toList();
        List<String> again = SweepPlan.read(sweep("""
                "grid": {"$.agents[0].settings.epsilon": [0.0, 0.1]}, "seeds": [0, 1], "report": {"metric": "reward"}"""))
                .trials().stream().map(Trial::id).toList();
        assertEquals(first, again);
        List<String> more = SweepPlan.read(sweep("""
                "grid": {"$.agents[0].settings.epsilon": [0.0, 0.05, 0.1]}, "seeds": [0, 1, 2], "report": {"metric": "reward"}"""))
                .trials().stream().map(Trial::id).toList();
        assertTrue(more.containsAll(first), more + " should contain " + first);
        assertEquals(9, more.size());
    }

    @Test
    @DisplayName("grids are concatenated; a one-value path sets an object that later paths reach into (Figure 2.6's shape)")
    void unionOfGrids() throws IOException {
        SweepPlan plan = SweepPlan.read(sweep("""
                "grids": [
                  {"$.agents": [[{"label": "g", "type": "gradient", "settings": {"alpha": 0.1}}]],
                   "$.agents[0].settings.alpha": [0.1, 0.2]},
                  {"$.agents[1].settings.c": [1, 4]}],
                "seeds": [0], "report": {"metric": "optimal", "summary": "total"}"""));
        assertEquals(List.of("alpha=0.1", "alpha=0.2", "c=1", "c=4"), plan.settings().stream().map(Setting::label).toList());
        assertEquals(List.of(0, 0, 1, 1), plan.settings().stream().map(Setting::grid).toList());
        assertEquals(List.of("g"), plan.trials().get(0).agents());
        assertEquals(List.of("eps", "ucb"), plan.trials().get(2).agents());
    }

    @Test
    @DisplayName("random search: reproducible draws inside the bounds, and adding samples keeps the earlier ones")
    void randomSearch() throws IOException {
        String params = "\"params\": {\"$.agents[0].settings.epsilon\": {\"log_uniform\": [0.001, 0.5]}, "
                + "\"$.runs\": {\"int_uniform\": [2, 5]}, \"$.agents[1].settings.c\": {\"choice\": [0.5, 2]}}";
        SweepPlan a = SweepPlan.read(sweep("\"random\": {\"samples\": 6, \"seed\": 3, " + params + "}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}"));
        SweepPlan b = SweepPlan.read(sweep("\"random\": {\"samples\": 9, \"seed\": 3, " + params + "}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}"));
        assertEquals(6, a.settings().size());
        for (int i = 0; i < 6; i++) assertEquals(a.trials().get(i), b.trials().get(i));
        for (Setting s : b.settings()) {
            double eps = s.value("$.agents[0].settings.epsilon").doubleValue();
            long runs = s.value("$.runs").longValue();
            double c = s.value("$.agents[1].settings.c").doubleValue();
            assertTrue(eps >= 0.001 && eps <= 0.5, "epsilon " + eps);
            assertTrue(runs >= 2 && runs <= 5, "runs " + runs);
            assertTrue(c == 0.5 || c == 2, "c " + c);
        }
        assertNotEquals(b.settings().get(0).id(), b.settings().get(1).id());
    }

    @Test
    @DisplayName("a path that is not in the base config names the sweep file, the grid key, and what is there")
    void pathNotInBase() throws IOException {
        UserError e = mistake("""
                "grid": {"$.agents[0].settings.epsilonn": [0.1]}, "seeds": [0], "report": {"metric": "reward"}""");
        assertEquals(dir.resolve("sweep.json") + ": $.grid[\"$.agents[0].settings.epsilonn\"]: not in the base config: "
                + "$.agents[0].settings has no key \"epsilonn\" ($.agents[0].settings is an object with keys: epsilon)", e.getMessage());
        e = mistake("""
                "grid": {"$.agents[5].label": ["x"]}, "seeds": [0], "report": {"metric": "reward"}""");
        assertTrue(e.getMessage().endsWith("not in the base config: $.agents has no index [5] ($.agents is an array of 2)"), e.getMessage());
    }

    @Test
    @DisplayName("an empty grid, an empty value list, no seeds, a seed path, a malformed path: one line each")
    void emptyAndMalformed() throws IOException {
        assertEquals(dir.resolve("sweep.json") + ": $.grid: expected at least one JSON path with its values, found an empty grid",
                mistake("\"grid\": {}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}").getMessage());
        assertTrue(mistake("\"grid\": {\"$.runs\": []}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}").getMessage()
                .endsWith("$.grid[\"$.runs\"]: expected at least one value, found an empty list"));
        assertTrue(mistake("\"grid\": {\"$.runs\": [1]}, \"seeds\": [], \"report\": {\"metric\": \"reward\"}").getMessage()
                .endsWith("$.seeds: expected at least one seed, found an empty list"));
        assertTrue(mistake("\"grid\": {\"$.seed\": [1]}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}").getMessage()
                .endsWith("$.grid[\"$.seed\"]: the root seed is swept by \"seeds\", not by a path"));
        assertTrue(mistake("\"grid\": {\"agents.0\": [1]}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}").getMessage()
                .contains("expected a JSON path starting with \"$\""));
        assertTrue(mistake("\"seeds\": [0], \"report\": {\"metric\": \"reward\"}").getMessage()
                .endsWith("$.grid: missing: a sweep needs a \"grid\", \"grids\" or \"random\" search"));
        assertTrue(mistake("\"grid\": {\"$.runs\": [1]}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}, \"extra\": 1").getMessage()
                .contains("unknown key \"extra\""));
    }

    @Test
    @DisplayName("a value the experiment rejects, an unknown metric or agent: caught before any trial, naming the setting")
    void badValues() throws IOException {
        UserError e = mistake("""
                "grid": {"$.agents[0].settings.epsilon": [0.1, 1.5]}, "seeds": [0], "report": {"metric": "reward"}""");
        assertEquals(dir.resolve("sweep.json") + ": setting epsilon=1.5: $.agents[0].settings.epsilon: expected a number in [0, 1], found 1.5",
                e.getMessage());
        e = mistake("\"grid\": {\"$.runs\": [1]}, \"seeds\": [0], \"report\": {\"metric\": \"loss\"}");
        assertTrue(e.getMessage().endsWith("$.report.metric: expected one of reward, optimal, regret (the metrics of GaussianBandit-v0), found \"loss\""),
                e.getMessage());
        e = mistake("\"grid\": {\"$.runs\": [1]}, \"seeds\": [0], \"report\": {\"metric\": \"reward\", \"agent\": \"nobody\"}");
        assertTrue(e.getMessage().endsWith("$.report.agent: expected one of the agent labels [eps, ucb], found \"nobody\""), e.getMessage());
        e = mistake("\"grid\": {\"$.runs\": [1, 1]}, \"seeds\": [0], \"report\": {\"metric\": \"reward\"}");
        assertTrue(e.getMessage().contains("setting runs=1 appears twice"), e.getMessage());
    }

    @Test
    @DisplayName("the example sweeps under configs/sweeps/ expand and validate (Figure 2.6: 25 settings x 5 seeds)")
    void exampleSweeps() {
        SweepPlan fig = SweepPlan.read(Configs.path("sweeps/bandit-figure-2.6.json"));
        assertEquals(25, fig.settings().size());
        assertEquals(125, fig.trials().size());
        SweepPlan small = SweepPlan.read(Configs.path("sweeps/bandit-epsilon-ucb.json"));
        assertEquals(List.of("epsilon=0.0", "epsilon=0.01", "epsilon=0.1", "epsilon=0.2", "c=0.5", "c=1.0", "c=2.0"),
                small.settings().stream().map(Setting::label).toList());
    }
}
