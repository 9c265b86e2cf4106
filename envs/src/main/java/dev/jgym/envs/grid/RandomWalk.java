package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The random walk (Sutton &amp; Barto, 2nd ed., Example 6.2): a row of non-terminal states A..E
 * between two terminal ends; a policy that moves left or right with equal probability has the
 * values 1/6, 2/6, ..., 5/6 (for {@code n_states} = 5, in general i / (n + 1)).
 *
 * <p>Action space {@code Discrete(2)}:
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>left</td></tr>
 *   <tr><td>1</td><td>right</td></tr>
 * </table>
 * The book's example is a Markov reward process: the walk is random because the policy is (a
 * uniformly random agent, as the prediction agents use by default), not because the env is.
 * <p>Observation {@code Discrete(n + 2)}: 0 the left end, 1..n the non-terminal states (A = 1,
 * B = 2, ...), n + 1 the right end.
 * <p>Reward: +1 for the step into the right end, {@code left_reward} (0) for the step into the
 * left end, 0 for every other step.
 * <p>Start: the centre state, (n + 1) / 2 (C for n = 5).
 * <p>Episode end: terminated on entering either end. No time limit. Both ends are absorbing in
 * the model (stay, reward 0, terminated).
 * <p>Info: {@code prob} (always 1: the moves are deterministic).
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}.
 * <p>Options: {@code n_states} (5): the number of non-terminal states, odd so that there is a
 * centre; {@code left_reward} (0): the reward for leaving on the left (Example 7.1's 19-state walk
 * pays −1 there, so its true values are −18/20, −16/20, ..., 18/20).
 * <p>Versions: v0, the book's example.
 */
public final class RandomWalk extends TabularEnv {
    public static final String ID = "RandomWalk-v0";
    public static final int LEFT = 0, RIGHT = 1;

    /** The options of the random walk. */
    public record Options(@JsonProperty("n_states") Integer nStates, @JsonProperty("left_reward") Double leftReward) {
        public Options {
            nStates = nStates == null ? 5 : nStates;
            leftReward = leftReward == null ? 0.0 : leftReward;
            Check.finite("left_reward", leftReward);
            Check.that(nStates >= 1 && nStates % 2 == 1 && nStates <= 999, "n_states",
                    "expected an odd integer in [1, 999] (the walk starts in the centre state), found " + nStates);
        }
    }

    private final Options options;
    private final int n;

    public RandomWalk(String id, Options options) {
        super(id);
        this.options = options;
        this.n = options.nStates();
        int states = n + 2;
        List<List<Outcome>> table = new ArrayList<>(states * 2);
        for (int s = 0; s < states; s++) {
            for (int a = 0; a < 2; a++) {
                if (s == 0 || s == n + 1) {
                    table.add(List.of(new Outcome(1.0, s, 0, true)));
                } else {
                    int next = a == LEFT ? s - 1 : s + 1;
                    double reward = next == n + 1 ? 1 : next == 0 ? options.leftReward() : 0;
                    table.add(List.of(new Outcome(1.0, next, reward, next == 0 || next == n + 1)));
                }
            }
        }
        double[] initial = new double[states];
        initial[start()] = 1;
        setModel(states, 2, table, initial);
    }

    public static RandomWalk fromOptions(String id, Map<String, ?> options) {
        return new RandomWalk(id, Json.bind(options, Options.class, id));
    }

    public Options options() {
        return options;
    }

    /** The centre state, where every episode starts. */
    public int start() {
        return (n + 1) / 2;
    }

    /**
     * The value of state s under the uniformly random policy: the chance s / (n + 1) of leaving
     * right times 1, plus the rest times {@code left_reward} (0 at both ends).
     */
    public double trueValue(int s) {
        if (s <= 0 || s >= n + 1) return 0;
        double right = (double) s / (n + 1);
        return right + (1 - right) * options.leftReward();
    }

    /** A..Z for walks up to 26 states, else the state number. */
    public String name(int s) {
        if (s == 0 || s == n + 1) return "";
        return n <= 26 ? String.valueOf((char) ('A' + s - 1)) : Integer.toString(s);
    }

    @Override
    public Scene scene(Annotations annotations) {
        int cols = n + 2;
        Color[] colors = new Color[cols];
        for (int c = 0; c < cols; c++) colors[c] = c == 0 ? GridScene.WALL : c == n + 1 ? GridScene.GOAL : GridScene.FLOOR;
        Scene.Builder b = GridScene.cells(1, cols, colors);
        for (int c = 1; c <= n; c++) GridScene.label(b, 1, 0, c, name(c), Color.GREY);
        GridScene.label(b, 1, 0, 0, FrozenLake.fmt(options.leftReward()), Color.WHITE);
        GridScene.label(b, 1, 0, n + 1, "+1", Color.WHITE);
        GridScene.agent(b, 1, 0, state, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : lastAction == LEFT ? "Left" : "Right";
        GridScene.header(b, 1, cols, id() + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(id() + ": state " + state + (name(state).isEmpty() ? " (end)" : " (" + name(state) + ")")).build();
    }
}
