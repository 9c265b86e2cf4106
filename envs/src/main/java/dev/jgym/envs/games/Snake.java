package dev.jgym.envs.games;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.EnvProvider;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.KeyControls;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.MultiBinary;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Snake: steer a snake to the food; it grows by one cell per food and dies on a wall or itself.
 *
 * <p>Action space {@code Discrete(4)}: the direction of the next move, 0 up, 1 right, 2 down,
 * 3 left. The direction straight back into the snake's neck is ignored (it keeps going).
 * <p>Observation {@code MultiBinary(height, width, 5)}: {@code int[]} row-major, channel last
 * (cell (row, col) channel ch at {@code (row * width + col) * 5 + ch}), row 0 at the top:
 * <table>
 *   <caption>channels</caption>
 *   <tr><th>channel</th><th>name</th><th>set where</th></tr>
 *   <tr><td>0</td><td>head</td><td>the head</td></tr>
 *   <tr><td>1</td><td>body</td><td>every other segment</td></tr>
 *   <tr><td>2</td><td>food</td><td>the food</td></tr>
 *   <tr><td>3</td><td>neck</td><td>the segment right behind the head (gives the heading)</td></tr>
 *   <tr><td>4</td><td>tail</td><td>the last segment (gives the body's order)</td></tr>
 * </table>
 * <p>Dynamics: the head moves one cell; moving onto the food grows the snake (the tail stays) and
 * new food appears uniformly on a free cell (env stream); otherwise the tail moves up, so the
 * head may enter the cell the tail is leaving.
 * <p>Reward: +1 per food, -1 for dying, else 0.
 * <p>Start: length 3 in the middle row, head at column width/2 heading right, the body to its
 * left; food uniform on a free cell.
 * <p>Episode end: terminated when the head leaves the grid or runs into the body (reward -1), or
 * when the snake fills the grid (a win; the last food's +1 is the final reward); truncated after
 * 10,000 steps by the spec's time limit (a snake that circles forever still ends).
 * <p>Options: {@code width}, {@code height} (integers in [4, 64], default 10).
 * <p>Versions: v0, the first.
 */
public final class Snake extends BaseEnv<int[], Integer> {
    public static final String ID = "Snake-v0";
    public static final int MAX_STEPS = 10_000;

    /** Options. */
    public record Settings(@JsonProperty("width") Integer width, @JsonProperty("height") Integer height) {
        public Settings {
            if (width == null) width = 10;
            if (height == null) height = 10;
            Check.inRange("width", width, 4, 64);
            Check.inRange("height", height, 4, 64);
        }
    }

    /** Registers {@code Snake-v0}. */
    public static final class Provider implements EnvProvider {
        @Override
        public List<EnvSpec> specs() {
            return List.of(EnvSpec.builder(ID, Snake::fromOptions).maxEpisodeSteps(MAX_STEPS)
                    .actionNames("up", "right", "down", "left").keys(KeyControls.turnBased(8, "Up", UP, "Right", RIGHT, "Down", DOWN, "Left", LEFT))
                    .description("Snake on a 10x10 grid (width/height options): +1 per food, -1 on death").build());
        }
    }

    static final int HEAD = 0, BODY = 1, FOOD = 2, NECK = 3, TAIL = 4, CHANNELS = 5;
    static final int UP = 0, RIGHT = 1, DOWN = 2, LEFT = 3;
    private static final int[] D_ROW = {-1, 0, 1, 0}, D_COL = {0, 1, 0, -1};

    private final int width, height, cells;
    private final Discrete actionSpace = new Discrete(4);
    private final MultiBinary observationSpace;
    /** Segments as cell indices in a ring: {@code ring[(head - i) mod cells]} is segment i (0 = head). */
    final int[] ring;
    final boolean[] occupied;
    int head, length, direction, food;
    boolean over;

    public Snake(Settings settings) {
        this.width = settings.width();
        this.height = settings.height();
        this.cells = width * height;
        this.ring = new int[cells];
        this.occupied = new boolean[cells];
        this.observationSpace = new MultiBinary(height, width, CHANNELS);
    }

    public Snake() {
        this(new Settings(null, null));
    }

    public static Snake fromOptions(Map<String, ?> options) {
        return new Snake(Json.bind(options, Settings.class, ID));
    }

    @Override
    public MultiBinary observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    protected Reset<int[]> onReset(Map<String, ?> options) {
        expectNoOptions(ID, options);
        Arrays.fill(occupied, false);
        int row = height / 2, col = width / 2;
        length = 0;
        head = -1;
        for (int i = 2; i >= 0; i--) push(row * width + col - i);
        direction = RIGHT;
        over = false;
        placeFood();
        return new Reset<>(observation());
    }

    private void push(int cell) {
        head = (head + 1) % cells;
        ring[head] = cell;
        occupied[cell] = true;
        length++;
    }

    /** Cell of segment i (0 = head, length - 1 = tail). */
    int segment(int i) {
        return ring[Math.floorMod(head - i, cells)];
    }

    private void placeFood() {
        int pick = rng.nextInt(cells - length);
        for (int c = 0; c < cells; c++) {
            if (!occupied[c] && pick-- == 0) {
                food = c;
                return;
            }
        }
        throw new AssertionError("no free cell");
    }

    @Override
    public Step<int[]> step(Integer action) {
        int a = Actions.check(ID, actionSpace, action);
        if (over) throw new IllegalStateException(ID + ": step() after the episode ended; call reset()");
        if (a != (direction + 2) % 4) direction = a;
        int cell = segment(0);
        int row = cell / width + D_ROW[direction], col = cell % width + D_COL[direction];
        if (row < 0 || row >= height || col < 0 || col >= width) return die();
        int next = row * width + col;
        boolean eats = next == food;
        int tail = segment(length - 1);
        if (occupied[next] && !(next == tail && !eats)) return die();
        if (!eats) {
            occupied[tail] = false;
            length--;
        }
        push(next);
        if (!eats) return new Step<>(observation(), 0, false);
        if (length == cells) {
            over = true;
            food = -1;
            return new Step<>(observation(), 1, true);
        }
        placeFood();
        return new Step<>(observation(), 1, false);
    }

    private Step<int[]> die() {
        over = true;
        return new Step<>(observation(), -1, true);
    }

    /** The observation now, a fresh array. */
    public int[] observation() {
        int[] obs = new int[cells * CHANNELS];
        for (int i = 0; i < length; i++) obs[segment(i) * CHANNELS + (i == 0 ? HEAD : BODY)] = 1;
        if (length > 1) obs[segment(1) * CHANNELS + NECK] = 1;
        obs[segment(length - 1) * CHANNELS + TAIL] = 1;
        if (food >= 0) obs[food * CHANNELS + FOOD] = 1;
        return obs;
    }

    /** Segments, head first. */
    public int length() {
        return length;
    }

    /** The grid with the snake (head bright green, body green, tail darker) and the food (red). */
    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[cells];
        Arrays.fill(colors, Color.BLACK);
        if (food >= 0) colors[food] = Color.RED;
        for (int i = length - 1; i >= 0; i--) {
            colors[segment(i)] = i == 0 ? Color.rgb(0x7cfc00) : i == length - 1 ? Color.rgb(0x1e6b1e) : Color.GREEN;
        }
        return Scene.builder(new Viewport(0, 0, width, height + 1.5))
                .background(Color.DARK_GREY)
                .cells(0, 0, 1, width, height, colors)
                .text(0.2, height + 0.75, "Snake  length " + length + (over ? "  (over)" : ""), 0.8, Color.WHITE, Shape.Anchor.LEFT)
                .caption(ID + ": length " + length + (over ? " (episode over)" : ""))
                .build();
    }

    @Override
    public String toString() {
        return ID;
    }
}
