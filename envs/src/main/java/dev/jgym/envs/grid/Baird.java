package dev.jgym.envs.grid;

import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Baird's counterexample (Sutton &amp; Barto, 2nd ed., Example 11.1, Figures 11.1 and 11.2): seven
 * states and two actions, every reward 0, so the true values are all 0; yet off-policy
 * semi-gradient TD and semi-gradient DP with the book's linear features diverge.
 *
 * <p>Action space {@code Discrete(2)}: 0 dashed, to one of the six upper states, each with
 * probability 1/6; 1 solid, to the seventh (lower) state. The book's behaviour policy takes dashed
 * with probability 6/7; its target policy always takes solid.
 * <p>Observation {@code Discrete(7)}: 0-5 the upper states, 6 the lower one. The book's features
 * (Figure 11.1): x(i) = 2 e_i + e_8 for the upper state i (1-6), x(7) = e_7 + 2 e_8, which
 * {@code configs/book/baird-figure-11.2.json} gives as {@code "given"} features.
 * <p>Reward: 0 on every transition.
 * <p>Start: a uniformly random state.
 * <p>Episode end: never (continuing, γ = 0.99 in the book); no time limit, a config gives {@code steps}.
 * <p>Info: {@code prob}, the probability of the outcome that happened.
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}.
 * <p>Versions: v0, the book's example.
 */
public final class Baird extends TabularEnv {
    public static final String ID = "Baird-v0";
    public static final int DASHED = 0, SOLID = 1, UPPER = 6, LOWER = 6, STATES = 7;

    public Baird() {
        super(ID);
        List<List<Outcome>> table = new ArrayList<>(STATES * 2);
        List<Outcome> dashed = new ArrayList<>();
        for (int s = 0; s < UPPER; s++) dashed.add(new Outcome(1.0 / UPPER, s, 0, false));
        for (int s = 0; s < STATES; s++) {
            table.add(List.copyOf(dashed));
            table.add(List.of(new Outcome(1.0, LOWER, 0, false)));
        }
        double[] initial = new double[STATES];
        java.util.Arrays.fill(initial, 1.0 / STATES);
        setModel(STATES, 2, table, initial);
    }

    public static Baird fromOptions(Map<String, ?> options) {
        Json.bind(options, Options.class, ID);
        return new Baird();
    }

    /** Baird's counterexample takes no options. */
    public record Options() {}

    @Override
    public Scene scene(Annotations annotations) {
        String last = lastAction < 0 ? "start" : lastAction == SOLID ? "solid" : "dashed";
        Scene.Builder b = GridScene.track(0, 10.0 * (state + 1) / STATES, state == LOWER ? Color.rgb(0xd62728) : Color.rgb(0x4c78a8),
                "1", "7", "state " + (state + 1) + "   " + last);
        return b.caption(ID + ": state " + (state + 1)).build();
    }
}
