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
 * <p>Observation {@code Discrete(54)}: {@code row * 9 + col}, row 0 at the top
 * ({@code Discrete(54 k²)}, {@code row * 9k + col}, at resolution k).
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
 * <p>Resolution (Example 8.4, the Dyna maze only): option {@code resolution} k splits every cell
 * into k x k cells, as Peng and Williams' larger mazes and Zhang's reproduction of the example
 * ({@code extend_maze}) scale it: a 6k x 9k grid, every wall cell a k x k block of walls (47 k²
 * open cells), G the k x k block of the goal cell (entering any of its cells ends the episode),
 * S the top-left cell of the start cell's block, (2k, 0). The shortest path takes 13k + 1 steps
 * (k = 1: 14): down 2k to row 4k under the first wall, right and up through row 3k..4k−1 to
 * column 8k, up to row k − 1.
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
 * <p>Options: {@code change_at} (BlockingMaze 1000, ShortcutMaze 3000; the Dyna maze has none);
 * {@code resolution} k in [1, 32] (the Dyna maze only; default 1, the book's maze).
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
    public record Options(@JsonProperty("change_at") Integer changeAt, @JsonProperty("resolution") Integer resolution) {
        public Options {
            if (changeAt != null) Check.positive("change_at", changeAt);
            if (resolution != null) Check.that(resolution >= 1 && resolution <= 32, "resolution", "expected an integer in [1, 32], found " + resolution);
        }
    }

    private final Options options;
    private final int k, rows, cols;
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
        if (after != null && options.resolution() != null) {
            throw new dev.jgym.core.config.UserError(id + ": resolution: only the Dyna maze (DynaMaze-v0) is scaled (Example 8.4)");
        }
        this.options = options;
        this.k = options.resolution() == null ? 1 : options.resolution();
        this.rows = ROWS * k;
        this.cols = COLS * k;
        this.start = scaled(start / COLS, start % COLS);
        this.goal = scaled(0, 8);
        this.before = scale(before);
        this.after = after;
        this.changeAt = after == null ? Long.MAX_VALUE : options.changeAt() == null ? defaultChange : options.changeAt();
        install(this.before);
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

    /** The top-left cell of the block that cell (row, col) of the 6x9 maze becomes. */
    private int scaled(int row, int col) {
        return row * k * cols + col * k;
    }

    /** The 6x9 walls {@code w} at this maze's resolution (w itself at resolution 1). */
    private boolean[] scale(boolean[] w) {
        if (k == 1) return w;
        boolean[] out = new boolean[rows * cols];
        for (int s = 0; s < out.length; s++) out[s] = w[(s / cols / k) * COLS + (s % cols) / k];
        return out;
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
        List<List<Outcome>> table = new ArrayList<>(rows * cols * 4);
        for (int s = 0; s < rows * cols; s++) {
            for (int a = 0; a < 4; a++) table.add(List.of(outcome(s, a)));
        }
        double[] initial = new double[rows * cols];
        initial[start] = 1;
        setModel(rows * cols, 4, table, initial);
    }

    private Outcome outcome(int s, int a) {
        if (isGoal(s)) return new Outcome(1.0, s, 0, true);
        int r = s / cols + DR[a], c = s % cols + DC[a];
        int next = r < 0 || r >= rows || c < 0 || c >= cols || walls[r * cols + c] ? s : r * cols + c;
        return new Outcome(1.0, next, isGoal(next) ? 1 : 0, isGoal(next));
    }

    /** Whether state s is in G (the goal cell's k x k block). */
    public boolean isGoal(int s) {
        return s / cols < k && s % cols >= 8 * k;
    }

    public Options options() {
        return options;
    }

    /** The start state S. */
    public int start() {
        return start;
    }

    /** The goal state G (at resolution k, the top-left cell of its block). */
    public int goal() {
        return goal;
    }

    /** The resolution k (1: the book's 6x9 maze). */
    public int resolution() {
        return k;
    }

    /** Rows and columns of the grid: 6k and 9k. */
    public int rows() {
        return rows;
    }

    public int columns() {
        return cols;
    }

    /** The cells that are not walls now (47 k² in the Dyna maze). */
    public int openCells() {
        int n = 0;
        for (boolean w : walls) if (!w) n++;
        return n;
    }

    /** Steps of the shortest path from S into G in the current maze (breadth-first), or −1 if there is none. */
    public int shortestPath() {
        int[] dist = new int[rows * cols];
        java.util.Arrays.fill(dist, -1);
        dist[start] = 0;
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int a = 0; a < 4; a++) {
                Outcome o = outcome(s, a);
                if (o.terminated()) return dist[s] + 1;
                if (dist[o.nextState()] < 0) {
                    dist[o.nextState()] = dist[s] + 1;
                    queue.add(o.nextState());
                }
            }
        }
        return -1;
    }

    /** Steps taken since the last seeded reset (what the change counts). */
    public long steps() {
        return steps;
    }

    /** Whether (row, col) is a wall now. */
    public boolean wall(int row, int col) {
        return walls[row * cols + col];
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
        Color[] colors = new Color[rows * cols];
        for (int s = 0; s < rows * cols; s++) {
            colors[s] = walls[s] ? GridScene.WALL : isGoal(s) ? GridScene.GOAL : s == start ? GridScene.START : GridScene.FLOOR;
        }
        Scene.Builder b = GridScene.cells(rows, cols, colors);
        GridScene.label(b, rows, start / cols, start % cols, "S", Color.BLACK);
        GridScene.label(b, rows, goal / cols, goal % cols, "G", Color.WHITE);
        GridScene.agent(b, rows, state / cols, state % cols, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : new String[] {"Up", "Right", "Down", "Left"}[lastAction];
        GridScene.header(b, rows, cols, id() + "  " + moved + "  step " + steps);
        return b.caption(id() + ": state " + state + (walls != before ? " (the maze has changed)" : "")).build();
    }

    /** Reaching the goal G (any cell of its block at resolution k) is the task, and the only way an episode terminates. */
    @Override
    protected Boolean success(int s) {
        return isGoal(s);
    }
}
