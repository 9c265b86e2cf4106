package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gambler's problem (Sutton &amp; Barto, 2nd ed., Example 4.3, Figure 4.3): bet on coin flips
 * to reach a capital of 100 before losing everything. Heads (probability p_h) wins as many
 * dollars as were staked, tails loses them. With p_h = 0.4 the optimal values have
 * V(25) = 0.16, V(50) = 0.40, V(75) = 0.64 (bold play).
 *
 * <p>Action space {@code Discrete(50)}: action a stakes a + 1 dollars (1-50), the book's
 * {1, ..., min(s, 100 − s)}; a larger stake is capped to min(s, 100 − s), so it acts as the
 * largest allowed one. The book also allows a stake of 0, which is never better than the best
 * positive stake and would tie with it at V* everywhere (it keeps V(s)), so a greedy policy read
 * from V* would never bet; it is left out.
 * <p>Observation {@code Discrete(101)}: the capital s, 0-100 (1-99 are the book's states).
 * <p>Reward: +1 on reaching 100, 0 otherwise (so V(s) is the probability of winning).
 * <p>Start: the capital {@code start_capital} (50).
 * <p>Episode end: terminated at 0 or 100, both absorbing in the model (stay, reward 0,
 * terminated). No time limit: every stake changes the capital, so every policy ends.
 * <p>Info: {@code prob}, the probability of the outcome that happened.
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}; heads is listed before tails.
 * <p>Options: {@code heads_probability} (0.4), {@code start_capital} (50, in 1-99).
 * <p>Versions: v0, the book's example.
 */
public final class Gambler extends TabularEnv {
    public static final String ID = "Gambler-v0";
    public static final int GOAL = 100;

    /** The options of the gambler's problem. */
    public record Options(
            @JsonProperty("heads_probability") Double headsProbability, // p_h (0.4)
            @JsonProperty("start_capital") Integer startCapital) {      // the capital at reset (50)
        public Options {
            headsProbability = headsProbability == null ? 0.4 : headsProbability;
            Check.inRange("heads_probability", headsProbability, 0, 1);
            startCapital = startCapital == null ? 50 : startCapital;
            Check.that(startCapital >= 1 && startCapital < GOAL, "start_capital",
                    "expected an integer in [1, " + (GOAL - 1) + "], found " + startCapital);
        }
    }

    private final Options options;

    public Gambler(Options options) {
        super(ID);
        this.options = options;
        double p = options.headsProbability();
        List<List<Outcome>> table = new ArrayList<>((GOAL + 1) * (GOAL / 2 + 1));
        for (int s = 0; s <= GOAL; s++) {
            for (int a = 0; a < GOAL / 2; a++) {
                int stake = stake(s, a);
                if (s == 0 || s == GOAL) {
                    table.add(List.of(new Outcome(1.0, s, 0, true)));
                } else {
                    int win = s + stake, lose = s - stake;
                    table.add(List.of(new Outcome(p, win, win == GOAL ? 1 : 0, win == GOAL),
                            new Outcome(1 - p, lose, 0, lose == 0)));
                }
            }
        }
        double[] initial = new double[GOAL + 1];
        initial[options.startCapital()] = 1;
        setModel(GOAL + 1, GOAL / 2, table, initial);
    }

    /** The dollars action a stakes in state s: a + 1, capped to min(s, 100 − s). */
    public static int stake(int s, int a) {
        return Math.min(a + 1, Math.min(s, GOAL - s));
    }

    public static Gambler fromOptions(Map<String, ?> options) {
        return new Gambler(Json.bind(options, Options.class, ID));
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        String last = lastAction < 0 ? "start" : "reward " + FrozenLake.fmt(lastReward);
        Scene.Builder b = GridScene.track(0, 10.0 * state / GOAL, state == GOAL ? GridScene.GOAL : Color.rgb(0xc9b98f),
                "0", Integer.toString(GOAL), "capital " + state + "   " + last);
        return b.caption(ID + ": capital " + state).build();
    }
}
