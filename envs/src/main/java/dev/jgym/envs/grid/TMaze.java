package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import java.util.Map;

/**
 * T-maze (Bakker, "Reinforcement Learning with Long Short-Term Memory", NIPS 2002): a memory task.
 * A cue at the start of a corridor says which arm of the T at its far end holds the reward; along
 * the corridor every cell looks the same, so the agent must remember the cue.
 *
 * <pre>
 *                      [up arm]
 *   [start] . . . . . [junction]
 *                      [down arm]
 * </pre>
 *
 * <p>Action space {@code Discrete(4)}: 0 up (north), 1 right (east), 2 down (south), 3 left (west).
 * <p>Observation {@code Box(3)} of float32, Bakker's three bits of what the agent sees:
 * <table>
 *   <tr><th>where</th><th>observation</th></tr>
 *   <tr><td>start, reward up</td><td>[0, 1, 1]</td></tr>
 *   <tr><td>start, reward down</td><td>[1, 1, 0]</td></tr>
 *   <tr><td>corridor</td><td>[1, 0, 1]</td></tr>
 *   <tr><td>junction</td><td>[0, 1, 0]</td></tr>
 *   <tr><td>an arm (episode over)</td><td>[0, 0, 0]</td></tr>
 * </table>
 * <p>Reward: +4 for entering the cued arm; -0.1 for entering the other arm; -0.1 for a move into a
 * wall (the agent stays); 0 otherwise.
 * <p>Start: the left end of the corridor; the rewarded arm up or down with probability 1/2 each,
 * drawn from the env stream at reset (info {@code goal}: "up" or "down").
 * <p>Episode end: terminated on entering either arm; truncated by the env after {@code max_steps}
 * (default 4 * (length + 1)) steps.
 * <p>Options: {@code length} (10, the number of moves from the start to the junction),
 * {@code max_steps}.
 * <p>Versions: v0.
 */
public final class TMaze extends BaseEnv<float[], Integer> {
    public static final String ID = "TMaze-v0";
    public static final int UP = 0, RIGHT = 1, DOWN = 2, LEFT = 3;
    private static final double WALL_PENALTY = -0.1, WRONG_ARM = -0.1, RIGHT_ARM = 4;

    /** The options of the T-maze. */
    public record Options(Integer length, @JsonProperty("max_steps") Integer maxSteps) {
        public Options {
            length = length == null ? 10 : length;
            Check.that(length >= 1 && length <= 100_000, "length", "expected an integer in [1, 100000], found " + length);
            maxSteps = maxSteps == null ? 4 * (length + 1) : maxSteps;
            Check.positive("max_steps", maxSteps);
        }
    }

    private final Options options;
    private final Box observationSpace = Box.uniform(0, 1, 3);
    private final Discrete actionSpace = new Discrete(4);
    private boolean goalUp;
    private int x;
    private int arm; // 0 in the corridor, +1 up arm, -1 down arm
    private int steps;
    private double lastReward;
    private boolean started;

    public TMaze(Options options) {
        this.options = options;
    }

    public static TMaze fromOptions(Map<String, ?> options) {
        return new TMaze(Json.bind(options, Options.class, ID));
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
        goalUp = rng.nextBoolean();
        x = 0;
        arm = 0;
        steps = 0;
        lastReward = 0;
        started = true;
        return new Reset<>(observe(), Map.of("goal", goalUp ? "up" : "down"));
    }

    @Override
    public Step<float[]> step(Integer action) {
        int a = GridActions.check(ID, action, actionSpace);
        int length = options.length();
        double reward = 0;
        boolean terminated = false;
        if (x == length && (a == UP || a == DOWN)) {
            arm = a == UP ? 1 : -1;
            terminated = true;
            reward = (arm == 1) == goalUp ? RIGHT_ARM : WRONG_ARM;
        } else if (a == RIGHT && x < length) {
            x++;
        } else if (a == LEFT && x > 0) {
            x--;
        } else {
            reward = WALL_PENALTY;
        }
        steps++;
        lastReward = reward;
        return new Step<>(observe(), reward, terminated, !terminated && steps >= options.maxSteps(),
                terminated ? Env.successInfo(reward == RIGHT_ARM) : Map.of()); // the cued arm is the goal
    }

    private float[] observe() {
        if (arm != 0) return new float[] {0, 0, 0};
        if (x == 0) return goalUp ? new float[] {0, 1, 1} : new float[] {1, 1, 0};
        if (x == options.length()) return new float[] {0, 1, 0};
        return new float[] {1, 0, 1};
    }

    /** True when the cue said "up" this episode (for tests and viewers, never for agents). */
    public boolean goalUp() {
        return goalUp;
    }

    @Override
    public Scene scene(Annotations annotations) {
        if (!started) throw new IllegalStateException(ID + ": scene() before reset()");
        int length = options.length(), cols = length + 1, rows = 3;
        Color[] colors = new Color[rows * cols];
        for (int i = 0; i < colors.length; i++) colors[i] = GridScene.WALL;
        for (int c = 0; c < cols; c++) colors[cols + c] = GridScene.FLOOR;
        colors[length] = goalUp ? GridScene.GOAL : Color.rgb(0xe8b0b0);
        colors[2 * cols + length] = goalUp ? Color.rgb(0xe8b0b0) : GridScene.GOAL;
        colors[cols] = Color.rgb(0xfff3b0);
        Scene.Builder b = GridScene.cells(rows, cols, colors);
        GridScene.label(b, rows, 1, 0, goalUp ? "^" : "v", Color.BLACK);
        GridScene.agent(b, rows, 1 - arm, x, GridScene.AGENT);
        GridScene.header(b, rows, cols, "step " + steps + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(ID + ": corridor " + length + ", cue " + (goalUp ? "up" : "down")).build();
    }
}
