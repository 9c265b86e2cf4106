package dev.jgym.envs.grid;

import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 4x4 gridworld of Sutton &amp; Barto, 2nd ed., Example 4.1 (Figure 4.1): reach either
 * shaded corner; every step costs 1. Iterative policy evaluation of the equiprobable random
 * policy (undiscounted) converges to 0, −14, −20, −22 along the top row.
 *
 * <p>Action space {@code Discrete(4)}: 0 north (up), 1 east (right), 2 south (down), 3 west
 * (left), as {@link Gridworld}.
 * <p>Observation {@code Discrete(16)}: {@code row * 4 + col}, row 0 at the top; the book's states
 * 1-14 are the same numbers, and its one terminal state is the two corners 0 and 15.
 * <p>Dynamics: deterministic; a move off the grid leaves the agent where it is.
 * <p>Reward: −1 on every step.
 * <p>Start: uniform over the 14 non-terminal cells.
 * <p>Episode end: terminated on entering cell 0 or 15, both absorbing in the model (stay, reward
 * 0, terminated). No time limit: the random policy ends with probability 1.
 * <p>Info: {@code prob} (always 1).
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}, for planning.
 * <p>Options: none.
 * <p>Versions: v0, the book's example.
 */
public final class SmallGridworld extends TabularEnv {
    public static final String ID = "SmallGridworld-v0";
    public static final int SIZE = 4;
    private static final int[] DR = {-1, 0, 1, 0}, DC = {0, 1, 0, -1};

    /** No options: the book's grid. */
    public record Options() {}

    public SmallGridworld() {
        super(ID);
        int n = SIZE * SIZE;
        List<List<Outcome>> table = new ArrayList<>(n * 4);
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < 4; a++) {
                if (terminal(s)) {
                    table.add(List.of(new Outcome(1.0, s, 0, true)));
                    continue;
                }
                int r = Math.max(0, Math.min(SIZE - 1, s / SIZE + DR[a])), c = Math.max(0, Math.min(SIZE - 1, s % SIZE + DC[a]));
                int next = r * SIZE + c;
                table.add(List.of(new Outcome(1.0, next, -1, terminal(next))));
            }
        }
        double[] initial = new double[n];
        for (int s = 1; s < n - 1; s++) initial[s] = 1.0 / (n - 2);
        setModel(n, 4, table, initial);
    }

    /** The shaded corners, 0 and 15. */
    public static boolean terminal(int s) {
        return s == 0 || s == SIZE * SIZE - 1;
    }

    public static SmallGridworld fromOptions(Map<String, ?> options) {
        Json.bind(options, Options.class, ID);
        return new SmallGridworld();
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[SIZE * SIZE];
        for (int s = 0; s < colors.length; s++) colors[s] = terminal(s) ? GridScene.GOAL : GridScene.FLOOR;
        Scene.Builder b = GridScene.cells(SIZE, SIZE, colors);
        GridScene.agent(b, SIZE, state / SIZE, state % SIZE, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : new String[] {"North", "East", "South", "West"}[lastAction];
        GridScene.header(b, SIZE, SIZE, ID + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(ID + ": state " + state).build();
    }

    /** Entering a corner is the task (every step pays -1, so the reward cannot say it). */
    @Override
    protected Boolean success(int s) {
        return true;
    }
}
