package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import java.util.Map;

/**
 * MazeRunner: find the way through a perfect maze (exactly one path between any two cells) from
 * the top-left cell to the bottom-right one.
 *
 * <p>The maze has {@code width x height} cells drawn on a grid of {@code (2 height + 1) x
 * (2 width + 1)} squares, walls included; cells sit at odd rows and columns. It is carved by a
 * randomized depth-first search (the recursive backtracker) from the top-left cell.
 * <p>Action space {@code Discrete(4)}: 0 up, 1 right, 2 down, 3 left (a move into a wall does
 * nothing).
 * <p>Observation, channels first, values 0 or 1 ({@code Box} of float32):
 * <table>
 *   <tr><th>observation</th><th>shape</th><th>channels</th></tr>
 *   <tr><td>{@code "full"} (default)</td><td>[3, 2h+1, 2w+1]</td><td>wall, agent, goal</td></tr>
 *   <tr><td>{@code "local"}</td><td>[2, view, view]</td><td>wall, goal, in a window centred on
 *       the agent; outside the grid counts as wall</td></tr>
 * </table>
 * <p>Reward: on reaching the goal {@code 1 - 0.9 * steps / max_steps} (MiniGrid's rule: faster is
 * better), 0 on every other step.
 * <p>Start: the top-left cell. Goal: the bottom-right cell.
 * <p>Episode end: terminated at the goal; truncated by the env itself after {@code max_steps}
 * (default 4 * width * height) steps.
 * <p>Which maze: with {@code maze_seed}, one fixed maze from {@code Rng(maze_seed).child("maze")};
 * without it, a new maze on every reset, drawn from the env stream (so a seeded reset fixes it).
 * <p>Options: {@code width} (8), {@code height} (8), {@code observation} ("full"), {@code view}
 * (5, odd), {@code maze_seed}, {@code max_steps}.
 * <p>Versions: v0.
 */
public final class MazeRunner extends BaseEnv<float[], Integer> {
    public static final String ID = "MazeRunner-v0";
    private static final int[] DR = {-1, 0, 1, 0}, DC = {0, 1, 0, -1};

    /** The options of MazeRunner; every one may be left out. */
    public record Options(
            Integer width, Integer height, String observation, Integer view,
            @JsonProperty("maze_seed") Long mazeSeed,
            @JsonProperty("max_steps") Integer maxSteps) {
        public Options {
            width = width == null ? 8 : width;
            Check.that(width >= 1 && width <= 200, "width", "expected an integer in [1, 200], found " + width);
            height = height == null ? 8 : height;
            Check.that(height >= 1 && height <= 200, "height", "expected an integer in [1, 200], found " + height);
            observation = observation == null ? "full" : observation;
            Check.that(observation.equals("full") || observation.equals("local"), "observation",
                    "expected \"full\" or \"local\", found \"" + observation + "\"");
            view = view == null ? 5 : view;
            Check.that(view >= 1 && view % 2 == 1 && view <= 101, "view", "expected an odd integer in [1, 101], found " + view);
            maxSteps = maxSteps == null ? 4 * width * height : maxSteps;
            Check.positive("max_steps", maxSteps);
        }
    }

    private final Options options;
    private final int rows;
    private final int cols;
    private final boolean[] wall;
    private final Box observationSpace;
    private final Discrete actionSpace = new Discrete(4);
    private boolean mazeMade;
    private int row;
    private int col;
    private int steps;
    private double lastReward;

    public MazeRunner(Options options) {
        this.options = options;
        rows = 2 * options.height() + 1;
        cols = 2 * options.width() + 1;
        wall = new boolean[rows * cols];
        observationSpace = options.observation().equals("full")
                ? Box.uniform(0, 1, 3, rows, cols)
                : Box.uniform(0, 1, 2, options.view(), options.view());
        if (options.mazeSeed() != null) {
            carve(new Rng(options.mazeSeed()).child("maze"));
            mazeMade = true;
        }
    }

    public static MazeRunner fromOptions(Map<String, ?> options) {
        return new MazeRunner(Json.bind(options, Options.class, ID));
    }

    /** Recursive backtracker, iteratively: visit neighbours in a shuffled order, knock walls down. */
    private void carve(Rng rng) {
        java.util.Arrays.fill(wall, true);
        int w = options.width(), h = options.height();
        boolean[] visited = new boolean[w * h];
        int[] stack = new int[w * h];
        int top = 0;
        stack[top++] = 0;
        visited[0] = true;
        wall[cols + 1] = false;
        int[] order = {0, 1, 2, 3};
        while (top > 0) {
            int cell = stack[top - 1];
            int cr = cell / w, cc = cell % w;
            rng.shuffle(order);
            boolean moved = false;
            for (int k : order) {
                int nr = cr + DR[k], nc = cc + DC[k];
                if (nr < 0 || nr >= h || nc < 0 || nc >= w || visited[nr * w + nc]) continue;
                visited[nr * w + nc] = true;
                wall[(2 * cr + 1 + DR[k]) * cols + 2 * cc + 1 + DC[k]] = false;
                wall[(2 * nr + 1) * cols + 2 * nc + 1] = false;
                stack[top++] = nr * w + nc;
                moved = true;
                break;
            }
            if (!moved) top--;
        }
    }

    @Override
    public Box observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    protected Reset<float[]> onReset(Map<String, ?> resetOptions) {
        expectNoOptions(ID, resetOptions);
        if (options.mazeSeed() == null) carve(rng);
        mazeMade = true;
        row = 1;
        col = 1;
        steps = 0;
        lastReward = 0;
        return new Reset<>(observe());
    }

    @Override
    public Step<float[]> step(Integer action) {
        int a = GridActions.check(ID, action, actionSpace);
        int nr = row + DR[a], nc = col + DC[a];
        if (!wall[nr * cols + nc]) {
            row = nr;
            col = nc;
        }
        steps++;
        boolean atGoal = row == rows - 2 && col == cols - 2;
        lastReward = atGoal ? 1 - 0.9 * steps / options.maxSteps() : 0;
        return new Step<>(observe(), lastReward, atGoal, !atGoal && steps >= options.maxSteps(), atGoal ? Env.successInfo(true) : Map.of());
    }

    private float[] observe() {
        if (options.observation().equals("full")) {
            int n = rows * cols;
            float[] obs = new float[3 * n];
            for (int i = 0; i < n; i++) obs[i] = wall[i] ? 1 : 0;
            obs[n + row * cols + col] = 1;
            obs[2 * n + (rows - 2) * cols + cols - 2] = 1;
            return obs;
        }
        int v = options.view(), half = v / 2;
        float[] obs = new float[2 * v * v];
        for (int i = 0; i < v; i++) {
            for (int j = 0; j < v; j++) {
                int r = row - half + i, c = col - half + j;
                boolean inside = r >= 0 && r < rows && c >= 0 && c < cols;
                obs[i * v + j] = !inside || wall[r * cols + c] ? 1 : 0;
                obs[v * v + i * v + j] = inside && r == rows - 2 && c == cols - 2 ? 1 : 0;
            }
        }
        return obs;
    }

    /** The maze as rows of '#' (wall) and '.' (floor); for tests and the terminal. */
    public String[] layout() {
        String[] out = new String[rows];
        for (int r = 0; r < rows; r++) {
            StringBuilder sb = new StringBuilder(cols);
            for (int c = 0; c < cols; c++) sb.append(wall[r * cols + c] ? '#' : '.');
            out[r] = sb.toString();
        }
        return out;
    }

    /** The agent's (row, col) on the grid. */
    public int[] position() {
        return new int[] {row, col};
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        if (!mazeMade) throw new IllegalStateException(ID + ": scene() before reset()");
        Color[] colors = new Color[rows * cols];
        for (int i = 0; i < colors.length; i++) colors[i] = wall[i] ? GridScene.WALL : GridScene.FLOOR;
        colors[(rows - 2) * cols + cols - 2] = GridScene.GOAL;
        if (options.observation().equals("local")) {
            int half = options.view() / 2;
            for (int r = Math.max(0, row - half); r <= Math.min(rows - 1, row + half); r++) {
                for (int c = Math.max(0, col - half); c <= Math.min(cols - 1, col + half); c++) {
                    int i = r * cols + c;
                    if (!wall[i] && colors[i] == GridScene.FLOOR) colors[i] = Color.rgb(0xfff3b0);
                }
            }
        }
        Scene.Builder b = GridScene.cells(rows, cols, colors);
        GridScene.agent(b, rows, row, col, GridScene.AGENT);
        GridScene.header(b, rows, cols, "step " + steps + "/" + options.maxSteps() + "  reward " + String.format("%.3f", lastReward));
        return b.caption(ID + ": " + options.width() + "x" + options.height() + " maze, " + options.observation() + " view").build();
    }
}
