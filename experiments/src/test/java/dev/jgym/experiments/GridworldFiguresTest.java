package dev.jgym.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.planning.FlatModel;
import dev.jgym.agents.planning.Solution;
import dev.jgym.agents.planning.ValueIteration;
import dev.jgym.agents.run.ValueGrids;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.envs.grid.Gridworld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * S&amp;B Example 3.5's values learned from experience by the configs under {@code configs/book/}
 * (the exact values by planning are {@code agents} {@code planning.GridworldTest}). The configs'
 * {@code true_values} are the book's printed values (one decimal, so off by up to 0.05 themselves).
 */
class GridworldFiguresTest {

    static FinalValues values(ExperimentResult r, String label) {
        return r.agent(label).values();
    }

    /** The largest |mean final V − printed value| over the 25 cells. */
    static double worstCell(FinalValues v) {
        double worst = 0;
        for (int s = 0; s < 25; s++) worst = Math.max(worst, Math.abs(v.stateValue(s) - v.trueValue(v.truthIndex(s))));
        return worst;
    }

    @Test
    @DisplayName("S&B Fig 3.2 by TD(0) (alpha 0.005, gamma 0.9, 10 runs x 2000 episodes of 100 steps): mean final V within 0.15 of every printed cell (V(A) 8.8 +-0.15); RMS over episodes 1901-2000 < 0.15, below alpha 0.02's")
    void figure32() {
        ExperimentResult r = Experiment.read(Configs.path("book/gridworld-figure-3.2.json")).run(2, n -> { });
        FinalValues slow = values(r, "TD(0) alpha 0.005");
        assertTrue(worstCell(slow) < 0.15, "worst cell " + worstCell(slow));
        assertEquals(8.8, slow.stateValue(1), 0.15, "V(A)");
        double rmsSlow = r.windowMean("TD(0) alpha 0.005", "value_rms"), rmsFast = r.windowMean("TD(0) alpha 0.02", "value_rms");
        assertTrue(rmsSlow < 0.15 && rmsSlow < rmsFast, rmsSlow + " vs " + rmsFast);
    }

    @Test
    @Tag("learning")
    @DisplayName("S&B Fig 3.5 by Q-learning (alpha 0.1, gamma 0.9, random behaviour, 10 runs x 2000 episodes): max_a Q within 0.05 of every printed v* cell (V*(A) 24.4); RMS over episodes 1901-2000 < 0.05; "
            + "values.png's arrows (actions within 0.1 of the best) are exactly q*'s optimal actions, ties included")
    void figure35() {
        ExperimentResult r = Experiment.read(Configs.path("book/gridworld-figure-3.5.json")).run(2, n -> { });
        FinalValues q = values(r, "Q-learning alpha 0.1");
        assertTrue(worstCell(q) < 0.05, "worst cell " + worstCell(q));
        assertEquals(24.4, q.stateValue(1), 0.05, "V*(A)");
        assertEquals(4, q.actions());
        assertTrue(r.windowMean("Q-learning alpha 0.1", "value_rms") < 0.05);
        for (String label : List.of("Q-learning alpha 0.1", "Q-learning alpha 0.02")) {
            double[] rms = r.agent(label).curves()[r.metric("value_rms")];
            assertTrue(rms[rms.length - 1] < rms[0], label + ": the error falls");
        }
        // values.png's greedy policy (arrows for actions within the config's tie of the best) is the figure's pi*:
        // every optimal action of value iteration's q*, ties included (A and B: all four), and no other
        Solution star;
        try (Env<Object, Object> env = EnvRegistry.make(Gridworld.ID)) {
            star = ValueIteration.solve(new FlatModel(FlatModel.of(env)), new ValueIteration.Settings(0.9, 1e-12, 100_000));
        }
        double tie = Experiment.read(Configs.path("book/gridworld-figure-3.5.json")).config().valueMap().tie();
        int[] directions = EnvRegistry.spec(Gridworld.ID).actionNames().stream().mapToInt(ValueGrids::direction).toArray();
        for (int s = 0; s < 25; s++) {
            double[] learned = new double[4];
            int optimal = 0;
            for (int a = 0; a < 4; a++) {
                learned[a] = q.actionValue(s, a);
                if (star.isGreedy(s, a)) optimal |= directions[a];
            }
            assertEquals(optimal, ValueGrids.greedyArrows(learned, directions, tie), "cell " + s + ": arrows " + java.util.Arrays.toString(learned));
        }
    }

    @Test
    @DisplayName("S&B Fig 3.2's config draws values.png (value_map: 5 cells a row) beside values.csv through jgym train")
    void figure32Png(@TempDir Path dir) {
        Path out = PlanningFiguresTest.train(dir.resolve("f32"), "book/gridworld-figure-3.2.json");
        assertTrue(Files.isRegularFile(out.resolve("values.png")) && Files.isRegularFile(out.resolve("values.csv")));
    }
}
