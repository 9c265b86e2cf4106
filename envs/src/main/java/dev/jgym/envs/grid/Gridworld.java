package dev.jgym.envs.grid;

import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gridworld of Sutton &amp; Barto, 2nd ed., Example 3.5 (Figures 3.2 and 3.5): a 5x5 grid with
 * two special cells that throw the agent across the grid. With γ = 0.9 the equiprobable random
 * policy has V(A) = 8.8 and V(B) = 5.3 (Figure 3.2), the optimal policy V*(A) = 24.4 and
 * V*(B) = 19.4 (Figure 3.5).
 *
 * <p>Action space {@code Discrete(4)}:
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>north (up)</td></tr>
 *   <tr><td>1</td><td>east (right)</td></tr>
 *   <tr><td>2</td><td>south (down)</td></tr>
 *   <tr><td>3</td><td>west (left)</td></tr>
 * </table>
 * <p>Observation {@code Discrete(25)}: {@code row * 5 + col}, row 0 at the top. A is 1 (row 0,
 * column 1), A' is 21 (row 4, column 1), B is 3 (row 0, column 3), B' is 13 (row 2, column 3).
 * <p>Dynamics: deterministic. From A every action moves to A' with reward +10; from B every
 * action moves to B' with reward +5. Elsewhere a move off the grid leaves the agent where it is
 * with reward −1, and any other move pays 0.
 * <p>Start: uniform over the 25 cells (the book's task is continuing and names no start).
 * <p>Episode end: never terminated (a continuing task); truncated by the spec's time limit of 100
 * steps, which the book's discounted values do not see.
 * <p>Info: {@code prob} (always 1).
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}, for planning with γ = 0.9.
 * <p>Options: none.
 * <p>Versions: v0, the book's example.
 */
public final class Gridworld extends TabularEnv {
    public static final String ID = "Gridworld-v0";
    public static final int SIZE = 5;
    public static final int A = 1, A_PRIME = 21, B = 3, B_PRIME = 13;
    public static final double A_REWARD = 10, B_REWARD = 5, OFF_GRID = -1;
    public static final int NORTH = 0, EAST = 1, SOUTH = 2, WEST = 3;
    private static final int[] DR = {-1, 0, 1, 0}, DC = {0, 1, 0, -1};

    /** No options: the book's grid. */
    public record Options() {}

    public Gridworld() {
        super(ID);
        int n = SIZE * SIZE;
        List<List<Outcome>> table = new ArrayList<>(n * 4);
        for (int s = 0; s < n; s++) {
            for (int a = 0; a < 4; a++) table.add(List.of(outcome(s, a)));
        }
        double[] initial = new double[n];
        java.util.Arrays.fill(initial, 1.0 / n);
        setModel(n, 4, table, initial);
    }

    private static Outcome outcome(int s, int a) {
        if (s == A) return new Outcome(1.0, A_PRIME, A_REWARD, false);
        if (s == B) return new Outcome(1.0, B_PRIME, B_REWARD, false);
        int r = s / SIZE + DR[a], c = s % SIZE + DC[a];
        if (r < 0 || r >= SIZE || c < 0 || c >= SIZE) return new Outcome(1.0, s, OFF_GRID, false);
        return new Outcome(1.0, r * SIZE + c, 0, false);
    }

    public static Gridworld fromOptions(Map<String, ?> options) {
        Json.bind(options, Options.class, ID);
        return new Gridworld();
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = new Color[SIZE * SIZE];
        for (int s = 0; s < colors.length; s++) {
            colors[s] = s == A || s == B ? GridScene.GOAL : s == A_PRIME || s == B_PRIME ? GridScene.START : GridScene.FLOOR;
        }
        Scene.Builder b = GridScene.cells(SIZE, SIZE, colors);
        GridScene.label(b, SIZE, A / SIZE, A % SIZE, "A", Color.WHITE);
        GridScene.label(b, SIZE, B / SIZE, B % SIZE, "B", Color.WHITE);
        GridScene.label(b, SIZE, A_PRIME / SIZE, A_PRIME % SIZE, "A'", Color.BLACK);
        GridScene.label(b, SIZE, B_PRIME / SIZE, B_PRIME % SIZE, "B'", Color.BLACK);
        GridScene.agent(b, SIZE, state / SIZE, state % SIZE, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : new String[] {"North", "East", "South", "West"}[lastAction];
        GridScene.header(b, SIZE, SIZE, ID + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(ID + ": state " + state).build();
    }
}
