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
 * The small MDP of Sutton &amp; Barto, 2nd ed., Example 6.7 ("Maximization Bias", Figure 6.5):
 * from A, right ends the episode with reward 0 and left moves to B with reward 0; from B each of
 * many actions ends the episode with a reward drawn from a normal distribution of mean −0.1 and
 * variance 1. Left is worse on average, but the maximum of B's noisy estimates looks positive, so
 * Q-learning goes left far more often than ε-greedy's 5%.
 *
 * <p>Action space {@code Discrete(b_actions)} (10 by default). A has two actions, B all of them;
 * the info's {@code action_mask} says which (Gymnasium's convention, 1 = legal), for agents with
 * {@code "action_mask": true}:
 * <table>
 *   <tr><th>state</th><th>action</th><th>outcome</th></tr>
 *   <tr><td>A</td><td>0 left</td><td>to B, reward 0</td></tr>
 *   <tr><td>A</td><td>1 right</td><td>the end, reward 0 (so does any other number, outside A's mask)</td></tr>
 *   <tr><td>B</td><td>any</td><td>the end, reward ~ N(−0.1, 1)</td></tr>
 * </table>
 * <p>Observation {@code Discrete(3)}: 0 A, 1 B, 2 the end.
 * <p>Reward: as in the table; B's is −0.1 plus a standard normal draw from the env stream.
 * <p>Start: A.
 * <p>Episode end: terminated on reaching the end (1 step right, 2 steps left: an episode's length
 * minus 1 is whether it went left from A). No time limit. The end is absorbing in the model.
 * <p>Info: {@code prob} and {@code action_mask} (a {@code byte[b_actions]}: A's two actions, all of
 * B's, none at the end).
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}, with B's expected reward −0.1.
 * <p>Options: {@code b_actions} (10): the number of actions in B (2 to 1000).
 * <p>Versions: v0, the book's example.
 */
public final class MaximizationBias extends TabularEnv {
    public static final String ID = "MaximizationBias-v0";
    public static final int LEFT = 0, RIGHT = 1;
    public static final int A = 0, B = 1, END = 2;
    /** B's mean reward (the standard deviation is 1). */
    public static final double B_MEAN = -0.1;

    /** The options of the maximization-bias MDP. */
    public record Options(@JsonProperty("b_actions") Integer bActions) {
        public Options {
            bActions = bActions == null ? 10 : bActions;
            Check.that(bActions >= 2 && bActions <= 1000, "b_actions", "expected an integer in [2, 1000], found " + bActions);
        }
    }

    private final Options options;
    private final Map<String, Object>[] info;
    private int from;

    @SuppressWarnings("unchecked")
    public MaximizationBias(Options options) {
        super(ID);
        this.options = options;
        int n = options.bActions();
        List<List<Outcome>> table = new ArrayList<>(3 * n);
        for (int a = 0; a < n; a++) table.add(List.of(a == LEFT ? new Outcome(1.0, B, 0, false) : new Outcome(1.0, END, 0, true)));
        for (int a = 0; a < n; a++) table.add(List.of(new Outcome(1.0, END, B_MEAN, true)));
        for (int a = 0; a < n; a++) table.add(List.of(new Outcome(1.0, END, 0, true)));
        setModel(3, n, table, new double[] {1, 0, 0});
        byte[][] masks = {new byte[n], new byte[n], new byte[n]};
        masks[A][LEFT] = masks[A][RIGHT] = 1;
        java.util.Arrays.fill(masks[B], (byte) 1);
        info = new Map[3];
        for (int s = 0; s < 3; s++) info[s] = Map.of("prob", 1.0, "action_mask", masks[s]);
    }

    public static MaximizationBias fromOptions(Map<String, ?> options) {
        return new MaximizationBias(Json.bind(options, Options.class, ID));
    }

    public Options options() {
        return options;
    }

    @Override
    public Step<Integer> step(Integer action) {
        from = state;
        Step<Integer> step = super.step(action);
        if (from != B) return step;
        lastReward = B_MEAN + rng.gaussian();
        return new Step<>(step.observation(), lastReward, step.terminated(), step.truncated(), step.info());
    }

    @Override
    protected Map<String, Object> resetInfo(int s) {
        return info[s];
    }

    @Override
    protected Map<String, Object> stepInfo(int s, double p) {
        return info[s];
    }

    @Override
    public Scene scene(Annotations annotations) {
        Scene.Builder b = GridScene.cells(1, 3, new Color[] {GridScene.FLOOR, GridScene.FLOOR, GridScene.GOAL});
        GridScene.label(b, 1, 0, 0, "B", Color.GREY);
        GridScene.label(b, 1, 0, 1, "A", Color.GREY);
        GridScene.label(b, 1, 0, 2, "end", Color.WHITE);
        GridScene.agent(b, 1, 0, state == A ? 1 : state == B ? 0 : 2, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : from == A ? (lastAction == LEFT ? "left" : "right") : "action " + lastAction;
        GridScene.header(b, 1, 3, ID + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(ID + ": " + (state == A ? "in A" : state == B ? "in B" : "ended")).build();
    }
}
