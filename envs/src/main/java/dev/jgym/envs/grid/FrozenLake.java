package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * FrozenLake: cross a frozen lake from the start S to the goal G without falling into a hole H.
 *
 * <p>Action space {@code Discrete(4)}:
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>left</td></tr>
 *   <tr><td>1</td><td>down</td></tr>
 *   <tr><td>2</td><td>right</td></tr>
 *   <tr><td>3</td><td>up</td></tr>
 * </table>
 * <p>Observation {@code Discrete(rows * cols)}: {@code row * cols + col} of the agent.
 * <p>Dynamics: a move off the map leaves the agent where it is. With {@code is_slippery} the agent
 * moves in the intended direction with probability {@code success_rate} (1/3) and in each of the
 * two perpendicular directions with probability {@code (1 - success_rate) / 2}; never backwards.
 * The transition table lists, for every state and action, the outcomes in Gymnasium's order
 * (action - 1, action, action + 1, mod 4) and is equal to Gymnasium's {@code P}: see
 * {@link #transitions}.
 * <p>Reward ({@code reward_schedule}, default [1, 0, 0]): entering G, H, F/S respectively.
 * <p>Start: an S cell, uniformly when a custom map has several.
 * <p>Episode end: terminated on entering G or H; truncated at 100 steps (FrozenLake-v1, 4x4) or
 * 200 (FrozenLake8x8-v1) by the spec's time limit. In the table G and H are absorbing
 * (probability 1 to stay, reward 0, terminated).
 * <p>Info: {@code prob}, the probability of the outcome that happened (1 on reset).
 * <p>Options:
 * <ul>
 *   <li>{@code map_name}: {@code "4x4"} (default), {@code "8x8"} or {@code "random"};
 *   <li>{@code desc}: a custom map, a list of equal-length strings of S, F, H, G (with at least one
 *       S and one G); overrides {@code map_name};
 *   <li>{@code size} (8), {@code p} (0.8, the chance a cell is frozen), {@code map_seed} (0): the
 *       random map, drawn once when the env is made from {@code Rng(map_seed).child("frozen_lake_map")}
 *       and redrawn until a path joins S to G (Gymnasium's {@code generate_random_map}; the same
 *       rule, our own stream, so not the same maps as numpy's);
 *   <li>{@code is_slippery} (true), {@code success_rate} (1/3), {@code reward_schedule}.
 * </ul>
 * <p>Versions: v1 matches Gymnasium 1.x's FrozenLake-v1 (reward schedule and success rate as
 * added in Gymnasium 1.1).
 */
public final class FrozenLake extends TabularEnv {
    public static final String ID = "FrozenLake-v1";
    public static final String ID_8X8 = "FrozenLake8x8-v1";

    public static final int LEFT = 0, DOWN = 1, RIGHT = 2, UP = 3;

    /** Gymnasium's two built-in maps. */
    public static final List<String> MAP_4X4 = List.of("SFFF", "FHFH", "FFFH", "HFFG");
    public static final List<String> MAP_8X8 = List.of(
            "SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG");

    /** The options of FrozenLake; every one may be left out. */
    public record Options(
            List<String> desc,                                      // custom map (overrides map_name)
            @JsonProperty("map_name") String mapName,               // "4x4", "8x8" or "random"
            Integer size,                                           // random map side (8)
            Double p,                                               // random map: chance a cell is frozen (0.8)
            @JsonProperty("map_seed") Long mapSeed,                 // random map seed (0)
            @JsonProperty("is_slippery") Boolean isSlippery,        // true
            @JsonProperty("success_rate") Double successRate,       // 1/3
            @JsonProperty("reward_schedule") List<Double> rewardSchedule) { // goal, hole, frozen: [1, 0, 0]

        public Options {
            mapName = mapName == null ? "4x4" : mapName;
            Check.that(List.of("4x4", "8x8", "random").contains(mapName), "map_name",
                    "expected one of \"4x4\", \"8x8\", \"random\", found \"" + mapName + "\"");
            boolean random = desc == null && mapName.equals("random");
            if (!random) {
                Check.that(size == null && p == null && mapSeed == null, size != null ? "size" : p != null ? "p" : "map_seed",
                        "only used with map_name \"random\" and no desc (leave it out)");
            }
            size = size == null ? 8 : size;
            Check.that(size >= 2 && size <= 256, "size", "expected an integer in [2, 256], found " + size);
            p = p == null ? 0.8 : p;
            Check.that(p > 0 && p <= 1, "p", "expected a number in (0, 1], found " + p);
            mapSeed = mapSeed == null ? 0L : mapSeed;
            if (desc != null) desc = validMap(desc);
            isSlippery = isSlippery == null ? Boolean.TRUE : isSlippery;
            successRate = successRate == null ? 1.0 / 3.0 : successRate;
            Check.inRange("success_rate", successRate, 0, 1);
            rewardSchedule = rewardSchedule == null ? List.of(1.0, 0.0, 0.0) : List.copyOf(rewardSchedule);
            Check.that(rewardSchedule.size() == 3, "reward_schedule",
                    "expected 3 numbers (goal, hole, frozen), found " + rewardSchedule.size());
            for (int i = 0; i < 3; i++) Check.finite("reward_schedule[" + i + "]", rewardSchedule.get(i));
        }

        /** The map this env plays on. */
        public List<String> map() {
            if (desc != null) return desc;
            switch (mapName) {
                case "4x4": return MAP_4X4;
                case "8x8": return MAP_8X8;
                default: return randomMap(size, p, new Rng(mapSeed).child("frozen_lake_map"));
            }
        }
    }

    private static List<String> validMap(List<String> desc) {
        Check.that(!desc.isEmpty(), "desc", "expected at least one row, found an empty list");
        int cols = -1, starts = 0, goals = 0;
        for (int r = 0; r < desc.size(); r++) {
            String row = desc.get(r);
            String field = "desc[" + r + "]";
            Check.that(row != null && !row.isEmpty(), field, "expected a row of letters S, F, H, G, found " + (row == null ? "null" : "\"\""));
            if (cols < 0) cols = row.length();
            Check.that(row.length() == cols, field, "expected a row of " + cols + " letters like the first row, found \"" + row + "\" (" + row.length() + ")");
            for (int c = 0; c < row.length(); c++) {
                char ch = row.charAt(c);
                Check.that("SFHG".indexOf(ch) >= 0, field, "expected only the letters S, F, H, G, found '" + ch + "' at column " + c + " in \"" + row + "\"");
                if (ch == 'S') starts++;
                if (ch == 'G') goals++;
            }
        }
        Check.that(starts > 0, "desc", "expected at least one start cell S, found none");
        Check.that(goals > 0, "desc", "expected at least one goal cell G, found none");
        return List.copyOf(desc);
    }

    /**
     * Gymnasium's random map rule: each cell frozen with probability p, else a hole; S at the top
     * left, G at the bottom right; drawn again until a path of non-hole cells joins them.
     */
    public static List<String> randomMap(int size, double p, Rng rng) {
        char[][] board = new char[size][size];
        do {
            for (int r = 0; r < size; r++) {
                for (int c = 0; c < size; c++) board[r][c] = rng.nextDouble() < p ? 'F' : 'H';
            }
            board[0][0] = 'S';
            board[size - 1][size - 1] = 'G';
        } while (!hasPath(board));
        List<String> rows = new ArrayList<>(size);
        for (char[] row : board) rows.add(new String(row));
        return List.copyOf(rows);
    }

    /** Depth-first search from the top-left cell through non-hole cells to a G. */
    static boolean hasPath(char[][] board) {
        int rows = board.length, cols = board[0].length;
        boolean[] seen = new boolean[rows * cols];
        int[] stack = new int[rows * cols];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        int[] dr = {1, 0, -1, 0}, dc = {0, 1, 0, -1};
        while (top > 0) {
            int cell = stack[--top];
            int r = cell / cols, c = cell % cols;
            if (board[r][c] == 'G') return true;
            for (int k = 0; k < 4; k++) {
                int nr = r + dr[k], nc = c + dc[k];
                if (nr < 0 || nr >= rows || nc < 0 || nc >= cols) continue;
                int n = nr * cols + nc;
                if (!seen[n] && board[nr][nc] != 'H') {
                    seen[n] = true;
                    stack[top++] = n;
                }
            }
        }
        return false;
    }

    private final Options options;
    private final char[][] map;
    private final int rows;
    private final int cols;

    public FrozenLake(Options options) {
        this(ID, options);
    }

    public FrozenLake(String id, Options options) {
        super(id);
        this.options = options;
        List<String> desc = options.map();
        rows = desc.size();
        cols = desc.get(0).length();
        map = new char[rows][];
        for (int r = 0; r < rows; r++) map[r] = desc.get(r).toCharArray();
        buildModel();
    }

    /** Builds the env from registry options; a bad option is a UserError naming it. */
    public static FrozenLake fromOptions(String id, Map<String, ?> options) {
        return new FrozenLake(id, Json.bind(options, Options.class, id));
    }

    private void buildModel() {
        int nS = rows * cols;
        double success = options.successRate();
        double fail = (1.0 - success) / 2.0;
        List<List<Outcome>> table = new ArrayList<>(nS * 4);
        double[] initial = new double[nS];
        int starts = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int s = r * cols + c;
                if (map[r][c] == 'S') {
                    initial[s] = 1;
                    starts++;
                }
                for (int a = 0; a < 4; a++) {
                    List<Outcome> list = new ArrayList<>(3);
                    if (map[r][c] == 'G' || map[r][c] == 'H') {
                        list.add(new Outcome(1.0, s, 0, true));
                    } else if (options.isSlippery()) {
                        for (int b : new int[] {(a + 3) % 4, a, (a + 1) % 4}) list.add(move(r, c, b, b == a ? success : fail));
                    } else {
                        list.add(move(r, c, a, 1.0));
                    }
                    table.add(list);
                }
            }
        }
        for (int s = 0; s < nS; s++) initial[s] /= starts;
        setModel(nS, 4, table, initial);
    }

    private Outcome move(int r, int c, int direction, double probability) {
        switch (direction) {
            case LEFT: c = Math.max(c - 1, 0); break;
            case DOWN: r = Math.min(r + 1, rows - 1); break;
            case RIGHT: c = Math.min(c + 1, cols - 1); break;
            default: r = Math.max(r - 1, 0); break;
        }
        char letter = map[r][c];
        List<Double> schedule = options.rewardSchedule();
        double reward = letter == 'G' ? schedule.get(0) : letter == 'H' ? schedule.get(1) : schedule.get(2);
        return new Outcome(probability, r * cols + c, reward, letter == 'G' || letter == 'H');
    }

    public Options options() {
        return options;
    }

    /** Reaching a G is the task; a hole H ends the episode without it. */
    @Override
    protected Boolean success(int s) {
        return map[s / cols][s % cols] == 'G';
    }

    /** The map as rows of S, F, H, G. */
    public List<String> map() {
        List<String> out = new ArrayList<>(rows);
        for (char[] row : map) out.add(new String(row));
        return out;
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                char ch = map[r][c];
                colors[r * cols + c] = ch == 'H' ? GridScene.HOLE : ch == 'G' ? GridScene.GOAL : ch == 'S' ? GridScene.START : GridScene.ICE;
            }
        }
        Scene.Builder b = GridScene.cells(rows, cols, colors);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (map[r][c] == 'G') GridScene.label(b, rows, r, c, "G", Color.WHITE);
                if (map[r][c] == 'S') GridScene.label(b, rows, r, c, "S", Color.BLACK);
            }
        }
        int ar = state / cols, ac = state % cols;
        GridScene.agent(b, rows, ar, ac, map[ar][ac] == 'H' ? Color.DARK_GREY : GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : new String[] {"Left", "Down", "Right", "Up"}[lastAction];
        GridScene.header(b, rows, cols, id() + "  " + moved + "  reward " + fmt(lastReward));
        return b.caption(id() + ": state " + state + " (" + moved + ")").build();
    }

    static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
