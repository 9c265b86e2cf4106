package dev.jgym.envs.grid;

import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Windy Gridworld (Sutton &amp; Barto, 2nd ed., Example 6.5; Exercises 6.9 and 6.10): reach the
 * goal on a 7x10 grid while a crosswind pushes the agent up.
 *
 * <p>Action space: {@code Discrete(4)}, or with king's moves {@code Discrete(8)} ({@code
 * Discrete(9)} with {@code stay}):
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>up</td></tr>
 *   <tr><td>1</td><td>right</td></tr>
 *   <tr><td>2</td><td>down</td></tr>
 *   <tr><td>3</td><td>left</td></tr>
 *   <tr><td>4</td><td>up-right (king)</td></tr>
 *   <tr><td>5</td><td>down-right (king)</td></tr>
 *   <tr><td>6</td><td>down-left (king)</td></tr>
 *   <tr><td>7</td><td>up-left (king)</td></tr>
 *   <tr><td>8</td><td>stay (king, with {@code stay})</td></tr>
 * </table>
 * <p>Observation {@code Discrete(70)}: {@code row * 10 + col}, row 0 at the top.
 * <p>Dynamics: the wind of the column the agent leaves, 0 0 0 1 1 1 2 2 1 0 by column, moves it
 * that many rows up in addition to its own move; the result is clamped to the grid. With
 * {@code stochastic} wind (Exercise 6.10), where a column has wind, it is the column's value, one
 * more or one less, each with probability 1/3; windless columns stay calm.
 * <p>Reward: -1 per step, the step into the goal included.
 * <p>Start: (3, 0), state 30. Goal: (3, 7), state 37.
 * <p>Episode end: terminated on reaching the goal; no time limit, as in the book (the
 * reserved option {@code max_episode_steps} adds one).
 * <p>Info: {@code prob}; on the step into the goal also {@code is_success} = true. Transition table: {@link dev.jgym.core.env.TabularModel}; the goal is
 * absorbing (stay, reward 0, terminated).
 * <p>Options: {@code kings} (false), {@code stay} (false; needs kings), {@code stochastic} (false).
 * <p>Ids: WindyGridworld-v0 (four moves), WindyGridworldKings-v0 (eight), WindyGridworldStochastic-v0
 * (eight moves and stochastic wind, as Exercise 6.10).
 * <p>Versions: v0, the book's grid.
 */
public final class WindyGridworld extends TabularEnv {
    public static final String ID = "WindyGridworld-v0";
    public static final String ID_KINGS = "WindyGridworldKings-v0";
    public static final String ID_STOCHASTIC = "WindyGridworldStochastic-v0";
    public static final int ROWS = 7, COLS = 10, START = 30, GOAL = 37;
    public static final int[] WIND = {0, 0, 0, 1, 1, 1, 2, 2, 1, 0};
    private static final int[] DR = {-1, 0, 1, 0, -1, 1, 1, -1, 0};
    private static final int[] DC = {0, 1, 0, -1, 1, 1, -1, -1, 0};

    /** The options of Windy Gridworld; every one may be left out. */
    public record Options(Boolean kings, Boolean stay, Boolean stochastic) {
        public Options {
            kings = kings == null ? Boolean.FALSE : kings;
            stay = stay == null ? Boolean.FALSE : stay;
            stochastic = stochastic == null ? Boolean.FALSE : stochastic;
            Check.that(!stay || kings, "stay", "the stay action needs kings: true (Exercise 6.9)");
        }
    }

    private final Options options;

    public WindyGridworld(String id, Options options) {
        super(id);
        this.options = options;
        int nA = options.kings() ? (options.stay() ? 9 : 8) : 4;
        List<List<Outcome>> table = new ArrayList<>(ROWS * COLS * nA);
        for (int s = 0; s < ROWS * COLS; s++) {
            int row = s / COLS, col = s % COLS;
            for (int a = 0; a < nA; a++) {
                if (s == GOAL) {
                    table.add(List.of(new Outcome(1.0, s, 0, true)));
                } else if (options.stochastic() && WIND[col] > 0) {
                    table.add(List.of(
                            move(row, col, a, WIND[col], 1.0 / 3),
                            move(row, col, a, WIND[col] + 1, 1.0 / 3),
                            move(row, col, a, WIND[col] - 1, 1.0 / 3)));
                } else {
                    table.add(List.of(move(row, col, a, WIND[col], 1.0)));
                }
            }
        }
        double[] initial = new double[ROWS * COLS];
        initial[START] = 1;
        setModel(ROWS * COLS, nA, table, initial);
    }

    public static WindyGridworld fromOptions(String id, Map<String, ?> options) {
        return new WindyGridworld(id, Json.bind(options, Options.class, id));
    }

    private static Outcome move(int row, int col, int action, int wind, double p) {
        int r = Math.max(0, Math.min(ROWS - 1, row + DR[action] - wind));
        int c = Math.max(0, Math.min(COLS - 1, col + DC[action]));
        int s = r * COLS + c;
        return new Outcome(p, s, -1, s == GOAL);
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[ROWS * COLS];
        for (int s = 0; s < colors.length; s++) {
            int w = WIND[s % COLS];
            colors[s] = s == GOAL ? GridScene.GOAL : s == START ? GridScene.START : w == 0 ? GridScene.FLOOR : w == 1 ? Color.rgb(0xe3eef8) : Color.rgb(0xc6dcf0);
        }
        Scene.Builder b = GridScene.cells(ROWS, COLS, colors);
        GridScene.label(b, ROWS, 3, 0, "S", Color.BLACK);
        GridScene.label(b, ROWS, 3, 7, "G", Color.WHITE);
        for (int c = 0; c < COLS; c++) {
            b.text(c + 0.5, -0.0 + 0.25, Integer.toString(WIND[c]), 0.35, Color.GREY, dev.jgym.core.scene.Shape.Anchor.CENTER);
        }
        GridScene.agent(b, ROWS, state / COLS, state % COLS, GridScene.AGENT);
        String[] names = {"Up", "Right", "Down", "Left", "Up-right", "Down-right", "Down-left", "Up-left", "Stay"};
        String moved = lastAction < 0 ? "start" : names[lastAction];
        GridScene.header(b, ROWS, COLS, id() + "  " + moved + "  wind " + WIND[state % COLS]);
        return b.caption(id() + ": state " + state + " (" + moved + ")").build();
    }

    /** Reaching the goal is the task (every step, that one included, pays -1, so the reward cannot say it). */
    @Override
    protected Boolean success(int s) {
        return s == GOAL;
    }
}
