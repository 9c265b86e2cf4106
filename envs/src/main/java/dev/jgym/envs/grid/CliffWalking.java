package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CliffWalking (Sutton &amp; Barto, Example 6.6): walk along a 4x12 grid from the start at the
 * bottom left to the goal at the bottom right without stepping off the cliff between them.
 *
 * <p>Action space {@code Discrete(4)}:
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>up</td></tr>
 *   <tr><td>1</td><td>right</td></tr>
 *   <tr><td>2</td><td>down</td></tr>
 *   <tr><td>3</td><td>left</td></tr>
 * </table>
 * <p>Observation {@code Discrete(48)}: {@code row * 12 + col}; the start is 36, the goal 47.
 * <p>Dynamics: a move off the grid leaves the agent where it is. The cliff is row 3, columns
 * 1 to 10. With {@code is_slippery} (CliffWalkingSlippery-v1) the agent moves in the intended
 * direction or either perpendicular one, each with probability 1/3, as Gymnasium's v1.
 * <p>Reward: -1 per step; -100 for stepping into the cliff, which puts the agent back on the start
 * <em>without</em> ending the episode.
 * <p>Start: state 36.
 * <p>Episode end: terminated on entering the goal (47). No time limit, as Gymnasium's registry.
 * <p>Info: {@code prob}, the probability of the outcome that happened.
 * <p>Transition table: equal to Gymnasium's {@code P} for every state and action, including the
 * (unreachable) cliff cells and the goal, whose rows are computed like any other cell's.
 * <p>Options: {@code is_slippery} (false).
 * <p>Versions: v1 as Gymnasium's CliffWalking-v1 (v1 added the slippery variant).
 */
public final class CliffWalking extends TabularEnv {
    public static final String ID = "CliffWalking-v1";
    public static final String ID_SLIPPERY = "CliffWalkingSlippery-v1";
    public static final int ROWS = 4, COLS = 12, START = 36, GOAL = 47;
    public static final int UP = 0, RIGHT = 1, DOWN = 2, LEFT = 3;
    private static final int[] DR = {-1, 0, 1, 0}, DC = {0, 1, 0, -1};

    /** The options of CliffWalking. */
    public record Options(@JsonProperty("is_slippery") Boolean isSlippery) {
        public Options {
            isSlippery = isSlippery == null ? Boolean.FALSE : isSlippery;
        }
    }

    private final Options options;

    public CliffWalking(String id, Options options) {
        super(id);
        this.options = options;
        List<List<Outcome>> table = new ArrayList<>(ROWS * COLS * 4);
        for (int s = 0; s < ROWS * COLS; s++) {
            for (int a = 0; a < 4; a++) {
                int[] moves = options.isSlippery() ? new int[] {(a + 3) % 4, a, (a + 1) % 4} : new int[] {a};
                List<Outcome> list = new ArrayList<>(moves.length);
                for (int m : moves) list.add(outcome(s / COLS, s % COLS, m, 1.0 / moves.length));
                table.add(list);
            }
        }
        double[] initial = new double[ROWS * COLS];
        initial[START] = 1;
        setModel(ROWS * COLS, 4, table, initial);
    }

    public static CliffWalking fromOptions(String id, Map<String, ?> options) {
        return new CliffWalking(id, Json.bind(options, Options.class, id));
    }

    static boolean isCliff(int row, int col) {
        return row == ROWS - 1 && col >= 1 && col <= COLS - 2;
    }

    private static Outcome outcome(int row, int col, int move, double p) {
        int r = Math.max(0, Math.min(ROWS - 1, row + DR[move]));
        int c = Math.max(0, Math.min(COLS - 1, col + DC[move]));
        if (isCliff(r, c)) return new Outcome(p, START, -100, false);
        int s = r * COLS + c;
        return new Outcome(p, s, -1, s == GOAL);
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[ROWS * COLS];
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                int s = r * COLS + c;
                colors[s] = isCliff(r, c) ? GridScene.CLIFF : s == GOAL ? GridScene.GOAL : s == START ? GridScene.START : GridScene.FLOOR;
            }
        }
        Scene.Builder b = GridScene.cells(ROWS, COLS, colors);
        GridScene.label(b, ROWS, 3, 0, "S", Color.BLACK);
        GridScene.label(b, ROWS, 3, COLS - 1, "G", Color.WHITE);
        for (int c = 1; c < COLS - 1; c++) GridScene.label(b, ROWS, 3, c, "C", Color.WHITE);
        GridScene.agent(b, ROWS, state / COLS, state % COLS, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : new String[] {"Up", "Right", "Down", "Left"}[lastAction];
        GridScene.header(b, ROWS, COLS, id() + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(id() + ": state " + state + (lastReward == -100 ? " (fell off the cliff)" : "")).build();
    }

    /** Reaching the goal is the task (every step, that one included, pays -1, so the reward cannot say it). */
    @Override
    protected Boolean success(int s) {
        return s == GOAL;
    }
}
