package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Taxi (Dietterich 2000, the MAXQ paper): drive to the passenger, pick them up, drive to their
 * destination and drop them off, on a 5x5 grid with walls.
 *
 * <pre>
 * +---------+
 * |R: | : :G|
 * | : | : : |
 * | : : : : |
 * | | : | : |
 * |Y| : |B: |
 * +---------+
 * </pre>
 *
 * <p>Action space {@code Discrete(6)}:
 * <table>
 *   <tr><th>action</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>south (down)</td></tr>
 *   <tr><td>1</td><td>north (up)</td></tr>
 *   <tr><td>2</td><td>east (right)</td></tr>
 *   <tr><td>3</td><td>west (left)</td></tr>
 *   <tr><td>4</td><td>pick up the passenger</td></tr>
 *   <tr><td>5</td><td>drop off the passenger</td></tr>
 * </table>
 * <p>Observation {@code Discrete(500)}: {@code ((taxi_row * 5 + taxi_col) * 5 + passenger) * 4 +
 * destination}, passenger 0-3 at R, G, Y, B or 4 in the taxi, destination 0-3 (R, G, Y, B).
 * <p>Reward: -1 per step; +20 for dropping the passenger at the destination; -10 for a pickup
 * where the passenger is not, or a drop-off without the passenger or away from the four stands.
 * A drop-off at another stand puts the passenger there (-1).
 * <p>Start: uniform over the 300 states with the passenger at a stand other than the destination.
 * <p>Episode end: terminated by a delivery; truncated at 200 steps by the spec's time limit.
 * <p>Info: {@code prob} and {@code action_mask} (a {@code byte[6]}: 1 where the action changes
 * the state, as Gymnasium; usable with {@code Discrete.sample(rng, mask)}).
 * <p>Options (Dietterich section 7.1, as Gymnasium v4): {@code is_rainy} (false: moves go where
 * intended with {@code rainy_probability}, 0.8, else to either side, each half the rest; a move
 * into a wall or the edge goes nowhere, sideways included), {@code fickle_passenger} (false: with
 * {@code fickle_probability}, 0.3, drawn at reset, the passenger picks a new destination among the
 * other three on the first move after being picked up).
 * <p>Transition table: equal to Gymnasium's {@code P}, dry and rainy (the fickle change is not in
 * the table, as in Gymnasium).
 * <p>Versions: v4 as Gymnasium's Taxi-v4 (its fixed rainy and fickle rules); Taxi-v3 is the same
 * env under the id the issue and older code use (v3's dry dynamics are identical to v4's).
 */
public final class Taxi extends TabularEnv {
    public static final String ID = "Taxi-v4";
    public static final String ID_V3 = "Taxi-v3";
    public static final int STATES = 500, ACTIONS = 6;

    static final String[] MAP = {
        "+---------+",
        "|R: | : :G|",
        "| : | : : |",
        "| : : : : |",
        "| | : | : |",
        "|Y| : |B: |",
        "+---------+",
    };
    /** The four stands R, G, Y, B as (row, col). */
    static final int[][] LOCS = {{0, 0}, {0, 4}, {4, 0}, {4, 3}};
    private static final String[] STAND_NAMES = {"R", "G", "Y", "B"};
    private static final Color[] STAND_COLORS = {Color.rgb(0xff0000), Color.rgb(0x00c000), Color.rgb(0xe0c000), Color.rgb(0x0000ff)};

    /** The options of Taxi; every one may be left out. */
    public record Options(
            @JsonProperty("is_rainy") Boolean isRainy,
            @JsonProperty("fickle_passenger") Boolean ficklePassenger,
            @JsonProperty("rainy_probability") Double rainyProbability,
            @JsonProperty("fickle_probability") Double fickleProbability) {
        public Options {
            isRainy = isRainy == null ? Boolean.FALSE : isRainy;
            ficklePassenger = ficklePassenger == null ? Boolean.FALSE : ficklePassenger;
            rainyProbability = rainyProbability == null ? 0.8 : rainyProbability;
            Check.inRange("rainy_probability", rainyProbability, 0, 1);
            fickleProbability = fickleProbability == null ? 0.3 : fickleProbability;
            Check.inRange("fickle_probability", fickleProbability, 0, 1);
        }
    }

    private final Options options;
    private boolean fickleStep;

    public Taxi(String id, Options options) {
        super(id);
        this.options = options;
        List<List<Outcome>> table = new ArrayList<>(STATES * ACTIONS);
        double[] initial = new double[STATES];
        for (int s = 0; s < STATES; s++) {
            int[] d = decode(s);
            if (d[2] < 4 && d[2] != d[3]) initial[s] = 1;
            for (int a = 0; a < ACTIONS; a++) {
                table.add(options.isRainy() ? rainy(d[0], d[1], d[2], d[3], a) : dry(d[0], d[1], d[2], d[3], a));
            }
        }
        for (int s = 0; s < STATES; s++) initial[s] /= 300;
        setModel(STATES, ACTIONS, table, initial);
    }

    public static Taxi fromOptions(String id, Map<String, ?> options) {
        return new Taxi(id, Json.bind(options, Options.class, id));
    }

    public static int encode(int row, int col, int passenger, int destination) {
        return ((row * 5 + col) * 5 + passenger) * 4 + destination;
    }

    /** {row, col, passenger, destination}. */
    public static int[] decode(int s) {
        return new int[] {s / 100, (s / 20) % 5, (s / 4) % 5, s % 4};
    }

    private static boolean eastOpen(int row, int col) {
        return MAP[1 + row].charAt(2 * col + 2) == ':';
    }

    private static boolean westOpen(int row, int col) {
        return MAP[1 + row].charAt(2 * col) == ':';
    }

    private static int standAt(int row, int col) {
        for (int i = 0; i < 4; i++) if (LOCS[i][0] == row && LOCS[i][1] == col) return i;
        return -1;
    }

    /** Pickup or drop-off: {next passenger, reward, terminated (0/1)}. */
    private static int[] pickupOrDropoff(int row, int col, int pass, int dest, int action) {
        int stand = standAt(row, col);
        if (action == 4) {
            return pass < 4 && stand == pass ? new int[] {4, -1, 0} : new int[] {pass, -10, 0};
        }
        if (pass == 4 && stand == dest) return new int[] {dest, 20, 1};
        if (pass == 4 && stand >= 0) return new int[] {stand, -1, 0};
        return new int[] {pass, -10, 0};
    }

    private static List<Outcome> dry(int row, int col, int pass, int dest, int action) {
        int nr = row, nc = col;
        switch (action) {
            case 0: nr = Math.min(row + 1, 4); break;
            case 1: nr = Math.max(row - 1, 0); break;
            case 2: if (eastOpen(row, col)) nc = Math.min(col + 1, 4); break;
            case 3: if (westOpen(row, col)) nc = Math.max(col - 1, 0); break;
            default: {
                int[] r = pickupOrDropoff(row, col, pass, dest, action);
                return List.of(new Outcome(1.0, encode(row, col, r[0], dest), r[1], r[2] == 1));
            }
        }
        return List.of(new Outcome(1.0, encode(nr, nc, pass, dest), -1, false));
    }

    /** Gymnasium v4's sideways move: blocked by a wall at the cell reached, else clamped to the grid. */
    private static int[] sideways(int row, int col, int dr, int dc) {
        int nr = Math.max(0, Math.min(row + dr, 4));
        int nc = Math.max(0, Math.min(col + dc, 4));
        if (dc == 1 && MAP[1 + nr].charAt(2 * nc) != ':') return new int[] {row, col};
        if (dc == -1 && MAP[1 + nr].charAt(2 * nc + 2) != ':') return new int[] {row, col};
        return new int[] {nr, nc};
    }

    // forward, left, right for south, north, east, west
    private static final int[][][] HEADINGS = {
        {{1, 0}, {0, 1}, {0, -1}},
        {{-1, 0}, {0, -1}, {0, 1}},
        {{0, 1}, {-1, 0}, {1, 0}},
        {{0, -1}, {1, 0}, {-1, 0}},
    };

    private List<Outcome> rainy(int row, int col, int pass, int dest, int action) {
        if (action >= 4) return dry(row, col, pass, dest, action);
        boolean possible = (action == 0 && row < 4) || (action == 1 && row > 0)
                || (action == 2 && eastOpen(row, col)) || (action == 3 && westOpen(row, col));
        int[] forward = {row, col}, left = {row, col}, right = {row, col};
        if (possible) {
            int[][] h = HEADINGS[action];
            forward = new int[] {Math.max(0, Math.min(row + h[0][0], 4)), Math.max(0, Math.min(col + h[0][1], 4))};
            left = sideways(row, col, h[1][0], h[1][1]);
            right = sideways(row, col, h[2][0], h[2][1]);
        }
        double p = options.rainyProbability(), side = (1.0 - p) / 2.0;
        return List.of(
                new Outcome(p, encode(forward[0], forward[1], pass, dest), -1, false),
                new Outcome(side, encode(left[0], left[1], pass, dest), -1, false),
                new Outcome(side, encode(right[0], right[1], pass, dest), -1, false));
    }

    /** Gymnasium's action mask: 1 where the action changes the state. */
    public static byte[] actionMask(int s) {
        int[] d = decode(s);
        int row = d[0], col = d[1], pass = d[2];
        byte[] mask = new byte[6];
        if (row < 4) mask[0] = 1;
        if (row > 0) mask[1] = 1;
        if (col < 4 && eastOpen(row, col)) mask[2] = 1;
        if (col > 0 && westOpen(row, col)) mask[3] = 1;
        if (pass < 4 && standAt(row, col) == pass) mask[4] = 1;
        if (pass == 4 && standAt(row, col) >= 0) mask[5] = 1;
        return mask;
    }

    @Override
    protected void afterReset() {
        fickleStep = options.ficklePassenger() && rng.nextDouble() < options.fickleProbability();
    }

    @Override
    protected int adjustNext(int from, int sampled) {
        if (!fickleStep) return sampled;
        int[] before = decode(from), after = decode(sampled);
        if (before[2] != 4 || (after[0] == before[0] && after[1] == before[1])) return sampled;
        fickleStep = false;
        int pick = rng.nextInt(3);
        int dest = pick >= before[3] ? pick + 1 : pick; // the pick-th of the other three, in order
        return encode(after[0], after[1], after[2], dest);
    }

    @Override
    protected Map<String, Object> resetInfo(int s) {
        return Map.of("prob", 1.0, "action_mask", actionMask(s));
    }

    @Override
    protected Map<String, Object> stepInfo(int s, double p) {
        return Map.of("prob", p, "action_mask", actionMask(s));
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[25];
        java.util.Arrays.fill(colors, GridScene.FLOOR);
        for (int i = 0; i < 4; i++) colors[LOCS[i][0] * 5 + LOCS[i][1]] = blend(STAND_COLORS[i]);
        Scene.Builder b = GridScene.cells(5, 5, colors);
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 4; col++) {
                if (!eastOpen(row, col)) b.line(col + 1, 5 - row - 1, col + 1, 5 - row, 0.12, GridScene.WALL);
            }
        }
        b.outlinedRect(0, 0, 5, 5, Color.TRANSPARENT, GridScene.WALL, 0.12);
        int[] d = decode(state);
        for (int i = 0; i < 4; i++) GridScene.label(b, 5, LOCS[i][0], LOCS[i][1], STAND_NAMES[i], STAND_COLORS[i]);
        int[] dl = LOCS[d[3]];
        b.outlinedRect(dl[1] + 0.06, 5 - dl[0] - 1 + 0.06, 0.88, 0.88, Color.TRANSPARENT, Color.BLACK, 0.08);
        double tx = d[1] + 0.5, ty = 5 - d[0] - 0.5;
        Color taxi = d[2] == 4 ? GridScene.GOAL : Color.YELLOW;
        b.add(new Shape.Rect(tx - 0.35, ty - 0.22, 0.7, 0.44, taxi, Color.BLACK, 0.04));
        if (d[2] < 4) {
            int[] pl = LOCS[d[2]];
            b.circle(pl[1] + 0.78, 5 - pl[0] - 0.22, 0.15, Color.PURPLE);
        }
        String[] names = {"South", "North", "East", "West", "Pickup", "Dropoff"};
        String moved = lastAction < 0 ? "start" : names[lastAction];
        GridScene.header(b, 5, 5, moved + "  reward " + FrozenLake.fmt(lastReward));
        String where = d[2] == 4 ? "in the taxi" : "at " + STAND_NAMES[d[2]];
        return b.caption(id() + ": passenger " + where + ", destination " + STAND_NAMES[d[3]]).build();
    }

    private static Color blend(Color c) {
        return Color.rgb(((c.red() + 3 * 0xf4) / 4) << 16 | ((c.green() + 3 * 0xf1) / 4) << 8 | (c.blue() + 3 * 0xe8) / 4);
    }

    /** A passenger dropped off at the destination is the task, and the only way an episode terminates. */
    @Override
    protected Boolean success(int s) {
        return true;
    }
}
