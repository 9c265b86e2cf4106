package dev.jgym.envs.grid;

import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The short corridor with switched actions (Sutton &amp; Barto, 2nd ed., Example 13.1): three
 * non-terminal cells in a row, then the goal G. Every step costs 1. In the first and third cells
 * the actions do what they say; in the second they are switched (right moves left, left moves
 * right). With features that make all states look alike (x(s, right) = [1, 0], x(s, left) =
 * [0, 1]) a policy is one number, p = P(right), and the start state is worth
 * <pre>  v(p) = (2p − 4) / (p (1 − p)),</pre>
 * best at p* = 2 − √2 ≈ 0.59 with v(p*) = −(6 + 4√2) ≈ −11.66: a stochastic policy beats both
 * ε-greedy ones (ε = 0.1: v(0.05) ≈ −82, v(0.95) ≈ −44).
 *
 * <p>Action space {@code Discrete(2)}:
 * <table>
 *   <tr><th>action</th><th>cells 0 and 2</th><th>cell 1</th></tr>
 *   <tr><td>0</td><td>left (cell 0: stay)</td><td>right</td></tr>
 *   <tr><td>1</td><td>right</td><td>left</td></tr>
 * </table>
 * <p>Observation {@code Discrete(4)}: the cell, 0 the start S, 1 the switched cell, 2, and 3 the
 * goal G. The book's learner does not look at it (its features are the same in every state).
 * <p>Reward: −1 on every step, the last one included.
 * <p>Start: cell 0.
 * <p>Episode end: terminated on entering G, absorbing in the model (stay, reward 0, terminated).
 * No time limit: any policy with 0 &lt; p &lt; 1 ends with probability 1.
 * <p>Info: {@code prob} (always 1: the moves are deterministic).
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}.
 * <p>Options: none.
 * <p>Versions: v0, the book's example.
 */
public final class ShortCorridor extends TabularEnv {
    public static final String ID = "ShortCorridor-v0";
    public static final int LEFT = 0, RIGHT = 1;
    public static final int START = 0, SWITCHED = 1, GOAL = 3;

    /** No options: the book's corridor. */
    public record Options() {}

    public ShortCorridor() {
        super(ID);
        List<List<Outcome>> table = new ArrayList<>(8);
        for (int s = 0; s <= GOAL; s++) {
            for (int a = 0; a < 2; a++) {
                if (s == GOAL) {
                    table.add(List.of(new Outcome(1.0, GOAL, 0, true)));
                    continue;
                }
                boolean movesRight = (a == RIGHT) != (s == SWITCHED);
                int next = movesRight ? s + 1 : Math.max(START, s - 1);
                table.add(List.of(new Outcome(1.0, next, -1, next == GOAL)));
            }
        }
        setModel(GOAL + 1, 2, table, new double[] {1, 0, 0, 0});
    }

    public static ShortCorridor fromOptions(Map<String, ?> options) {
        Json.bind(options, Options.class, ID);
        return new ShortCorridor();
    }

    /** v(p): the start state's value when every state takes right with probability p in (0, 1). */
    public static double startValue(double p) {
        return (2 * p - 4) / (p * (1 - p));
    }

    @Override
    public Scene scene(Annotations annotations) {
        Color[] colors = {GridScene.START, GridScene.FLOOR, GridScene.FLOOR, GridScene.GOAL};
        Scene.Builder b = GridScene.cells(1, 4, colors);
        GridScene.label(b, 1, 0, START, "S", Color.GREY);
        GridScene.label(b, 1, 0, SWITCHED, "\u21c4", Color.GREY);
        GridScene.label(b, 1, 0, GOAL, "G", Color.WHITE);
        GridScene.agent(b, 1, 0, state, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : lastAction == LEFT ? "left" : "right";
        GridScene.header(b, 1, 4, ID + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(ID + ": cell " + state + (state == SWITCHED ? " (actions switched)" : state == GOAL ? " (goal)" : "")).build();
    }

    /** Reaching G is the task (every step pays -1, so the reward cannot say it). */
    @Override
    protected Boolean success(int s) {
        return true;
    }
}
