package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code values.csv} and {@code true_values}: final value estimates averaged over runs, and the
 * value-error curves of S&amp;B Figure 6.2 (right) and Figure 5.3 from the configs under
 * {@code configs/book/}.
 *
 * <p>Figure 6.2's references come from an independent re-implementation (Python, 1000 runs, the
 * book's every-visit constant-α MC of equation 6.1, as ShangtongZhang's chapter06 code), mean RMS
 * error over episodes 91-100: TD α 0.05 / 0.1 / 0.15: 0.035 / 0.055 / 0.070; MC α 0.01 / 0.02 /
 * 0.03 / 0.04: 0.101 / 0.084 / 0.095 / 0.108; after episode 1 the errors are 0.216-0.233 (the book's
 * curves start at about 0.23). The 100-run means here are within 0.01 of each.
 */
class ValueEstimatesTest {
    static final String[] TD = {"TD alpha 0.05", "TD alpha 0.1", "TD alpha 0.15"};
    static final String[] MC = {"MC alpha 0.01", "MC alpha 0.02", "MC alpha 0.03", "MC alpha 0.04"};
    static final double[] TD_RMS = {0.035, 0.055, 0.070};
    static final double[] MC_RMS = {0.101, 0.084, 0.095, 0.108};

    @Test
    @DisplayName("S&B Fig 6.2 (right) from configs/book (100 runs): mean RMS over episodes 91-100 within 0.01 of TD 0.035/0.055/0.070, MC 0.101/0.084/0.095/0.108; every TD below every MC; 0.21-0.24 after episode 1")
    void figure62(@TempDir Path dir) throws Exception {
        Path config = Configs.path("book/random-walk-figure-6.2-rms.json");
        ExperimentResult r = Experiment.read(config).run(2, n -> { });
        assertEquals(List.of("return", "length", "value_rms", "value_mse"), r.metrics());
        double worstTd = 0, bestMc = 1;
        for (int i = 0; i < TD.length; i++) {
            double rms = r.windowMean(TD[i], "value_rms");
            assertEquals(TD_RMS[i], rms, 0.01, TD[i]);
            worstTd = Math.max(worstTd, rms);
        }
        for (int i = 0; i < MC.length; i++) {
            double rms = r.windowMean(MC[i], "value_rms");
            assertEquals(MC_RMS[i], rms, 0.01, MC[i]);
            bestMc = Math.min(bestMc, rms);
        }
        assertTrue(worstTd < bestMc, "TD " + worstTd + " vs MC " + bestMc);
        for (ExperimentResult.AgentCurves a : r.agents()) {
            double first = a.curves()[r.metric("value_rms")][0];
            assertTrue(first > 0.21 && first < 0.24, a.label() + " after episode 1: " + first);
            double[] rms = a.curves()[r.metric("value_rms")], mse = a.curves()[r.metric("value_mse")];
            for (int k = 0; k < rms.length; k++) assertTrue(rms[k] * rms[k] <= mse[k] + 1e-12, "mean of roots <= root of means");
        }

        ExperimentOutput.write(dir, config, Experiment.read(config).config(), r);
        List<String> lines = Files.readAllLines(dir.resolve("values.csv"));
        assertEquals("agent,state,action,value,true_value,rms_error", lines.get(0));
        assertEquals(1 + 7 * 7, lines.size(), "7 agents x 7 states, V only");
        assertEquals("TD alpha 0.05,0,,0.5,,", lines.get(1), "the left end is never updated: V0 = 0.5, not listed");
        for (int s = 1; s <= 5; s++) {
            String[] f = lines.get(1 + s).split(",");
            assertEquals("TD alpha 0.05", f[0]);
            assertEquals(Integer.toString(s), f[1]);
            assertEquals("", f[2]);
            assertEquals(s / 6.0, Double.parseDouble(f[3]), 0.03, "mean final V(" + s + ") over runs");
            assertEquals(s / 6.0, Double.parseDouble(f[4]), 1e-15);
            assertTrue(Double.parseDouble(f[5]) < 0.1, "RMS over runs of V(" + s + "): " + f[5]);
        }
    }

    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 5.3 from configs/book (100 runs x 10000 episodes): weighted IS's MSE below ordinary's over the first 10 episodes; ordinary above 1 after episode 1; both < 0.02 at 1000 and < 0.003 at 10000")
    void figure53() {
        ExperimentResult r = Experiment.read(Configs.path("book/blackjack-figure-5.3.json")).run(2, n -> { });
        double[] ordinary = r.agent("ordinary importance sampling").curves()[r.metric("value_mse")];
        double[] weighted = r.agent("weighted importance sampling").curves()[r.metric("value_mse")];
        for (int k : new int[] {1, 10, 100, 1000, 10_000}) {
            System.out.printf("Figure 5.3 config, MSE after %5d episodes: ordinary %.4f, weighted %.4f%n", k, ordinary[k - 1], weighted[k - 1]);
        }
        for (int k = 0; k < 10; k++) assertTrue(weighted[k] < ordinary[k], "episode " + (k + 1));
        assertTrue(ordinary[0] > 1, "ordinary IS after one episode " + ordinary[0]);
        for (double[] mse : List.of(ordinary, weighted)) {
            assertTrue(mse[999] < 0.02, "after 1000: " + mse[999]);
            assertTrue(mse[9999] < 0.003, "after 10000: " + mse[9999]);
        }
    }

    static Path write(Path dir, String json) throws Exception {
        Path file = dir.resolve("c.json");
        Files.writeString(file, json);
        return file;
    }

    static final String WALK = "{\"name\": \"x\", \"env\": {\"id\": \"RandomWalk-v0\"}, \"seed\": 0, \"runs\": %d, \"curve\": \"episode\", \"episodes\": 20, "
            + "\"agents\": [{\"label\": \"a\", \"type\": \"%s\"}], \"true_values\": %s}";

    @Test
    @DisplayName("true_values mistakes are one line with the JSON path: lengths, duplicates, non-observations, states outside the env, agents without a value table")
    void mistakes(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {"td0-prediction", "{\"states\": [1, 2], \"values\": [0.5]}", "$.true_values.values: expected one value per state (2), found 1"},
            {"td0-prediction", "{\"states\": [], \"values\": []}", "$.true_values.states: expected at least one state"},
            {"td0-prediction", "{\"states\": [1, 1], \"values\": [0.5, 0.5]}", "$.true_values.states[1]: expected each state once, found 1 twice"},
            {"td0-prediction", "{\"states\": [\"A\"], \"values\": [0.5]}", "$.true_values.states[0]: expected an observation (an integer, or an array of integers), found \"A\""},
            {"td0-prediction", "{\"states\": [1.5], \"values\": [0.5]}", "$.true_values.states[0]: expected an observation (an integer, or an array of integers), found 1.5"},
            {"td0-prediction", "{\"states\": [1], \"values\": [null]}", "$.true_values.values[0]: expected a number, found null"},
            {"td0-prediction", "{\"states\": [9], \"values\": [0.5]}", "$.true_values.states[0]: expected an observation of Discrete(7), found 9"},
            {"td0-prediction", "{\"states\": [[1, 2]], \"values\": [0.5]}", "$.true_values.states[0]: expected an observation of Discrete(7), found [1,2]"},
            {"random", "{\"states\": [1], \"values\": [0.5]}", "$.true_values: agent type \"random\" (agents[0]) keeps no table of value estimates to compare"},
        };
        for (String[] c : cases) {
            Path file = write(dir, String.format(WALK, 1, c[0], c[1]));
            UserError e = assertThrows(UserError.class, () -> Experiment.read(file).validate(), c[1]);
            assertEquals(file + ": " + c[2], e.getMessage());
        }
        Path file = write(dir, String.format(WALK, 1, "td0-prediction", "{\"states\": [1], \"values\": [0.5], \"weights\": [1]}"));
        UserError e = assertThrows(UserError.class, () -> Experiment.read(file).validate());
        assertTrue(e.getMessage().contains("$.true_values: unknown key \"weights\""), e.getMessage());
    }

    @Test
    @DisplayName("a step curve gains value_rms and value_mse after the info metrics; a Q-learner's V is max_a Q and values.csv lists Q per action; 1 and 3 threads give the same values")
    void stepCurveAndActionValues(@TempDir Path dir) throws Exception {
        Path file = write(dir, "{\"name\": \"x\", \"env\": {\"id\": \"RandomWalk-v0\"}, \"seed\": 3, \"runs\": 40, \"steps\": 300, "
                + "\"agents\": [{\"label\": \"q\", \"type\": \"q-learning\", \"settings\": {\"alpha\": 0.1, \"epsilon\": 1.0}}], "
                + "\"true_values\": {\"states\": [1, 2, 3, 4, 5], \"values\": [1, 1, 1, 1, 1]}, \"replays\": {\"schedule\": \"none\"}}");
        ExperimentConfig cfg = Experiment.read(file).config();
        ExperimentResult one = new Experiment(cfg, "t").run(1, n -> { }), three = new Experiment(cfg, "t").run(3, n -> { });
        assertEquals(List.of("reward", "prob", "value_rms", "value_mse"), one.metrics());
        assertArrayEquals(one.agents().get(0).curves()[2], three.agents().get(0).curves()[2]);
        ExperimentOutput.write(dir.resolve("one"), file, cfg, one);
        ExperimentOutput.write(dir.resolve("three"), file, cfg, three);
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/values.csv")), Files.readAllBytes(dir.resolve("three/values.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("one/values.csv"));
        assertEquals(1 + 7 * 3, lines.size(), "per state a V row and two Q rows");
        // Q-learning with gamma 1 on the walk: every Q(s, right) -> 1 eventually, V = max_a Q; the rows agree
        FinalValues v = one.agents().get(0).values();
        for (int s = 0; s < 7; s++) {
            assertTrue(v.stateValue(s) >= Math.min(v.actionValue(s, 0), v.actionValue(s, 1)) - 1e-12);
            assertTrue(lines.get(1 + 3 * s).startsWith("q," + s + ",,"), lines.get(1 + 3 * s));
            assertTrue(lines.get(2 + 3 * s).startsWith("q," + s + ",0,"), lines.get(2 + 3 * s));
            assertTrue(lines.get(3 + 3 * s).startsWith("q," + s + ",1,"), lines.get(3 + 3 * s));
        }
        double[] rms = one.agents().get(0).curves()[2];
        assertTrue(rms[rms.length - 1] < rms[0], "the error falls as Q learns: " + rms[0] + " -> " + rms[rms.length - 1]);
        assertFalse(Files.exists(dir.resolve("one/replays")));
    }

    @Test
    @DisplayName("no values.csv when no agent keeps a value table (bandit strategies, random)")
    void noValues(@TempDir Path dir) throws Exception {
        Path file = write(dir, "{\"name\": \"x\", \"env\": {\"id\": \"GaussianBandit-v0\"}, \"seed\": 0, \"runs\": 2, \"steps\": 10, "
                + "\"agents\": [{\"label\": \"r\", \"type\": \"random\"}], \"replays\": {\"schedule\": \"none\"}}");
        Experiment e = Experiment.read(file);
        ExperimentOutput.write(dir.resolve("out"), file, e.config(), e.run(1, n -> { }));
        assertTrue(Files.exists(dir.resolve("out/metrics.csv")));
        assertFalse(Files.exists(dir.resolve("out/values.csv")));
    }
}
