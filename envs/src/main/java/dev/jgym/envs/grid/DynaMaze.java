package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mazes of Sutton &amp; Barto, 2nd ed., chapter 8: the Dyna maze of Example 8.1 (Figure 8.2)
 * and the changing mazes of Example 8.2 (the blocking maze, Figure 8.4) and Example 8.3 (the
 * shortcut maze, Figure 8.5). A 6x9 grid with walls; reach G from S.
 *
 * <p>Action space {@code Discrete(4)}:
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>up</td></tr>
 *   <tr><td>1</td><td>right</td></tr>
 *   <tr><td>2</td><td>down</td></tr>
 *   <tr><td>3</td><td>left</td></tr>
 * </table>
 * <p>Observation {@code Discrete(54)}: {@code row * 9 + col}, row 0 at the top.
 * <p>Dynamics: deterministic; a move into a wall or off the grid leaves the agent where it is.
 * <p>Layouts (walls as (row, col)):
 * <ul>
 *   <li>{@code DynaMaze-v0}: S (2, 0), G (0, 8); walls (1..3, 2), (0..2, 7), (4, 5). The shortest
 *       path takes 14 steps.
 *   <li>{@code BlockingMaze-v0}: S (5, 3), G (0, 8); a wall across row 3, columns 0-7 (the way
 *       round is on the right, 10 steps); after {@code change_at} steps it moves to columns 1-8
 *       (the way round is on the left, 16 steps).
 *   <li>{@code ShortcutMaze-v0}: S (5, 3), G (0, 8); row 3, columns 1-8 (16 steps on the left);
 *       after {@code change_at} steps column 8 opens, a shortcut on the right (10 steps); the
 *       left way stays open.
 * </ul>
 * <p>Reward: +1 for the step into G, 0 for every other step.
 * <p>Start: S.
 * <p>Episode end: terminated on reaching G. No time limit.
 * <p>Change: the steps are counted over episodes from the last seeded reset (the book's world
 * changes after so many time steps of a run, not of an episode); the step that makes the count
 * reach {@code change_at} is the last one in the old maze. An agent standing where a wall appears
 * may step out of it.
 * <p>Info: {@code prob} (always 1).
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}, the current layout's (it changes
 * with the maze).
 * <p>Options: {@code change_at} (BlockingMaze 1000, ShortcutMaze 3000; the Dyna maze has none).
 * <p>Versions: v0, the book's examples.
 */
public final class DynaMaze extends TabularEnv {
    public static final String ID = "DynaMaze-v0";
    public static final String ID_BLOCKING = "BlockingMaze-v0";
    public static final String ID_SHORTCUT = "ShortcutMaze-v0";
    public static final int ROWS = 6, COLS = 9;
    public static final int UP = 0, RIGHT = 1, DOWN = 2, LEFT = 3;
    private static final int[] DR = {-1, 0, 1, 0}, DC = {0, 1, 0, -1};

    /** The options of the mazes. */
    public record Options(@JsonProperty("change_at") Integer changeAt) {
        public Options {
            if (changeAt != null) Check.positive("change_at", changeAt);
        }
    }

    private final Options options;
    private final int start;
    private final int goal;
    private final boolean[] before;
    private final boolean[] after;
    private final long changeAt;
    private boolean[] walls;
    private long steps;

    private DynaMaze(String id, Options options, int start, boolean[] before, boolean[] after, int defaultChange) {
        super(id);
        if (after == null && options.changeAt() != null) {
            throw new dev.jgym.core.config.UserError(id + ": change_at: the Dyna maze does not change (BlockingMaze-v0 and ShortcutMaze-v0 do)");
        }
        this.options = options;
        this.start = start;
        this.goal = 8;
        this.before = before;
        this.after = after;
        this.changeAt = after == null ? Long.MAX_VALUE : options.changeAt() == null ? defaultChange : options.changeAt();
        install(before);
    }

    public static DynaMaze fromOptions(String id, Map<String, ?> options) {
        Options o = Json.bind(options, Options.class, id);
        return switch (id) {
            case ID -> new DynaMaze(id, o, 2 * COLS, walls(new int[][] {{1, 2}, {2, 2}, {3, 2}, {0, 7}, {1, 7}, {2, 7}, {4, 5}}), null, 0);
            case ID_BLOCKING -> new DynaMaze(id, o, 5 * COLS + 3, row3(0, 7), row3(1, 8), 1000);
            case ID_SHORTCUT -> new DynaMaze(id, o, 5 * COLS + 3, row3(1, 8), row3(1, 7), 3000);
            default -> throw new IllegalArgumentException("not a Dyna maze id: " + id);
        };
    }

    private static boolean[] walls(int[][] cells) {
        boolean[] w = new boolean[ROWS * COLS];
        for (int[] c : cells) w[c[0] * COLS + c[1]] = true;
        return w;
    }

    /** A wall across row 3 from column {@code from} to {@code to}. */
    private static boolean[] row3(int from, int to) {
        boolean[] w = new boolean[ROWS * COLS];
        for (int c = from; c <= to; c++) w[3 * COLS + c] = true;
        return w;
    }

    /** Makes {@code w} the current walls and the model theirs. */
    private void install(boolean[] w) {
        walls = w;
        List<List<Outcome>> table = new ArrayList<>(ROWS * COLS * 4);
        for (int s = 0; s < ROWS * COLS; s++) {
            for (int a = 0; a < 4; a++) table.add(List.of(outcome(s, a)));
        }
        double[] initial = new double[ROWS * COLS];
        initial[start] = 1;
        setModel(ROWS * COLS, 4, table, initial);
    }

    private Outcome outcome(int s, int a) {
        if (s == goal) return new Outcome(1.0, s, 0, true);
        int r = s / COLS + DR[a], c = s % COLS + DC[a];
        int next = r < 0 || r >= ROWS || c < 0 || c >= COLS || walls[r * COLS + c] ? s : r * COLS + c;
        return new Outcome(1.0, next, next == goal ? 1 : 0, next == goal);
    }

    public Options options() {
        return options;
    }

    /** The start state S. */
    public int start() {
        return start;
    }

    /** The goal state G. */
    public int goal() {
        return goal;
    }

    /** Steps taken since the last seeded reset (what the change counts). */
    public long steps() {
        return steps;
    }

    /** Whether (row, col) is a wall now. */
    public boolean wall(int row, int col) {
        return walls[row * COLS + col];
    }

    @Override
    protected void afterReset() {
        if (reseeded()) {
            steps = 0;
            if (walls != before) install(before);
        }
    }

    @Override
    public Step<Integer> step(Integer action) {
        Step<Integer> step = super.step(action);
        if (++steps == changeAt) install(after);
        return step;
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[ROWS * COLS];
        for (int s = 0; s < ROWS * COLS; s++) {
            colors[s] = walls[s] ? GridScene.WALL : s == goal ? GridScene.GOAL : s == start ? GridScene.START : GridScene.FLOOR;
        }
        Scene.Builder b = GridScene.cells(ROWS, COLS, colors);
        GridScene.label(b, ROWS, start / COLS, start % COLS, "S", Color.BLACK);
        GridScene.label(b, ROWS, goal / COLS, goal % COLS, "G", Color.WHITE);
        GridScene.agent(b, ROWS, state / COLS, state % COLS, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : new String[] {"Up", "Right", "Down", "Left"}[lastAction];
        GridScene.header(b, ROWS, COLS, id() + "  " + moved + "  step " + steps);
        return b.caption(id() + ": state " + state + (walls != before ? " (the maze has changed)" : "")).build();
    }

    /** Reaching the goal G is the task, and the only way an episode terminates. */
    @Override
    protected Boolean success(int s) {
        return s == goal;
    }
}
