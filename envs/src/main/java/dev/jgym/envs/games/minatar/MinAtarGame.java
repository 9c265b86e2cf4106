package dev.jgym.envs.games.minatar;

import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.MultiBinary;
import dev.jgym.envs.games.Actions;
import java.util.Map;

/**
 * What the MinAtar-style games share (Young and Tian 2019, "MinAtar: An Atari-Inspired Testbed
 * for Thorough and Reproducible Reinforcement Learning Experiments"): a 10x10 grid, an
 * observation of C boolean channels, a minimal action set, sticky actions and the frame count.
 *
 * <p>Observation {@code MultiBinary(10, 10, C)}: an {@code int[100 * C]} of zeros and ones,
 * row-major with the channel last: cell (row, col) channel ch is at
 * {@code (row * 10 + col) * C + ch}; row 0 is the top of the screen. A fresh array every step.
 *
 * <p>Sticky actions (Machado et al. 2018, as MinAtar): before each frame, with probability
 * {@code sticky_action_prob} (default 0.1) the game repeats the action it executed last frame
 * instead of the one given. The first frame after a reset repeats no-op. The draw comes from the
 * env stream, once per step whenever the probability is above 0.
 *
 * <p>A subclass writes its rules in {@link #start()} and {@link #frame(int)} on primitive fields.
 */
public abstract class MinAtarGame extends BaseEnv<int[], Integer> {
    /** Grid side. */
    public static final int SIZE = 10;

    private final String id;
    private final double stickyProb;
    private final Discrete actionSpace;
    private final MultiBinary observationSpace;
    private final int channels;

    /** The action the game executed last frame (after stickiness); 0 (no-op) after a reset. */
    int lastAction;
    /** Frames since the reset. */
    int frames;
    /** Points scored this episode. */
    int score;
    /** Set by {@link #frame} when the game is over. */
    boolean terminal;
    /** Where {@link #set} writes: 0, or the offset given to {@link #stepInto}. */
    private int base;

    protected MinAtarGame(String id, double stickyProb, int actions, int channels) {
        this.id = id;
        this.stickyProb = stickyProb;
        this.actionSpace = new Discrete(actions);
        this.channels = channels;
        this.observationSpace = new MultiBinary(SIZE, SIZE, channels);
    }

    @Override
    public final MultiBinary observationSpace() {
        return observationSpace;
    }

    @Override
    public final Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    protected final Reset<int[]> onReset(Map<String, ?> options) {
        expectNoOptions(id, options);
        lastAction = 0;
        frames = 0;
        score = 0;
        terminal = false;
        start();
        return new Reset<>(observation());
    }

    @Override
    public final Step<int[]> step(Integer action) {
        int a = Actions.check(id, actionSpace, action);
        if (terminal) throw new IllegalStateException(id + ": step() after the game ended; call reset()");
        if (stickyProb > 0 && rng.nextDouble() < stickyProb) a = lastAction;
        lastAction = a;
        int reward = frame(a);
        frames++;
        score += reward;
        return new Step<>(observation(), reward, terminal, false, Map.of());
    }

    /**
     * The same step as {@link #step}, without allocating: the observation is written into
     * {@code out} from {@code offset} ({@code 100 * C} entries) and the reward is returned;
     * {@link #isOver()} tells whether the game ended. For vector envs and benchmarks.
     */
    public final int stepInto(int action, int[] out, int offset) {
        if (action < 0 || action >= actionSpace.n()) Actions.check(id, actionSpace, action);
        if (terminal) throw new IllegalStateException(id + ": step() after the game ended; call reset()");
        int a = action;
        if (stickyProb > 0 && rng.nextDouble() < stickyProb) a = lastAction;
        lastAction = a;
        int reward = frame(a);
        frames++;
        score += reward;
        java.util.Arrays.fill(out, offset, offset + SIZE * SIZE * channels, 0);
        base = offset;
        try {
            draw(out);
        } finally {
            base = 0;
        }
        return reward;
    }

    /** True once the game has ended (until the next reset). */
    public final boolean isOver() {
        return terminal;
    }

    /** Sets up a new game, drawing from {@link #rng}. */
    protected abstract void start();

    /** Plays one frame with the executed action; returns the reward and sets {@link #terminal}. */
    protected abstract int frame(int action);

    /** Writes the channels (the array is zero and has {@code 100 * C} entries). */
    protected abstract void draw(int[] obs);

    /** One name per channel, in channel order. */
    public abstract String[] channelNames();

    /** One colour per channel for scenes. */
    protected abstract Color[] channelColors();

    /** Channels in painting order, under to over (a cell shows the last set channel). */
    protected abstract int[] paintOrder();

    /** The current observation, a fresh array. */
    public final int[] observation() {
        int[] obs = new int[SIZE * SIZE * channels];
        draw(obs);
        return obs;
    }

    /** Sets channel {@code ch} of cell (row, col). */
    protected final void set(int[] obs, int row, int col, int ch) {
        obs[base + (row * SIZE + col) * channels + ch] = 1;
    }

    public final String id() {
        return id;
    }

    /** Points scored in this episode. */
    public final int score() {
        return score;
    }

    /** Frames since the reset. */
    public final int frames() {
        return frames;
    }

    /** The action executed in the last frame (after stickiness). */
    public final int lastAction() {
        return lastAction;
    }

    /**
     * The grid as coloured cells (each cell the colour of the last channel set in it, in
     * {@link #paintOrder()}), with the score and frame count above it.
     */
    @Override
    public Scene scene(Annotations annotations) {
        int[] obs = observation();
        Color[] palette = channelColors();
        Color[] cells = new Color[SIZE * SIZE];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = Color.BLACK;
            for (int ch : paintOrder()) {
                if (obs[i * channels + ch] == 1) cells[i] = palette[ch];
            }
        }
        return Scene.builder(new Viewport(0, 0, SIZE, SIZE + 1.5))
                .background(Color.DARK_GREY)
                .cells(0, 0, 1, SIZE, SIZE, cells)
                .text(0.2, SIZE + 0.75, id + "  score " + score + "  frame " + frames, 0.8, Color.WHITE, Shape.Anchor.LEFT)
                .caption(id + ": score " + score + ", frame " + frames + (terminal ? " (game over)" : ""))
                .build();
    }

    @Override
    public String toString() {
        return id;
    }
}
