package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import java.util.List;
import java.util.Map;

/**
 * The one-state MDP of Sutton &amp; Barto, 2nd ed., Example 5.5 ("Infinite Variance", Figure 5.4):
 * one non-terminal state s and two actions. The target policy "always left" is worth exactly 1
 * (every episode under it ends with +1), yet ordinary importance sampling from a uniformly random
 * behaviour policy estimates it with infinite variance.
 *
 * <p>Action space {@code Discrete(2)}:
 * <table>
 *   <tr><th>action</th><th>outcome</th></tr>
 *   <tr><td>0</td><td>left: back to s with probability 0.9 (reward 0), else the end (reward +1)</td></tr>
 *   <tr><td>1</td><td>right: the end (reward 0)</td></tr>
 * </table>
 * <p>Observation {@code Discrete(2)}: 0 the state s, 1 the end.
 * <p>Reward: +1 for ending by left, 0 otherwise.
 * <p>Start: s.
 * <p>Episode end: terminated on reaching the end. No time limit. The end is absorbing in the
 * model (stay, reward 0, terminated).
 * <p>Info: {@code prob}, the probability of the outcome that happened.
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}.
 * <p>Options: {@code end_probability} (0.1): left's chance to end (it returns to s otherwise).
 * <p>Versions: v0, the book's example.
 */
public final class OneStateMdp extends TabularEnv {
    public static final String ID = "OneStateMdp-v0";
    public static final int LEFT = 0, RIGHT = 1;
    public static final int S = 0, END = 1;

    /** The options of the one-state MDP. */
    public record Options(@JsonProperty("end_probability") Double endProbability) {
        public Options {
            endProbability = endProbability == null ? 0.1 : endProbability;
            Check.that(endProbability > 0 && endProbability <= 1, "end_probability",
                    "expected a number in (0, 1] (left must end some time), found " + endProbability);
        }
    }

    private final Options options;

    public OneStateMdp(Options options) {
        super(ID);
        this.options = options;
        double end = options.endProbability();
        List<List<Outcome>> table = List.of(
                List.of(new Outcome(1 - end, S, 0, false), new Outcome(end, END, 1, true)), // s, left
                List.of(new Outcome(1.0, END, 0, true)),                                  // s, right
                List.of(new Outcome(1.0, END, 0, true)),                                  // end, left
                List.of(new Outcome(1.0, END, 0, true)));                                 // end, right
        setModel(2, 2, table, new double[] {1, 0});
    }

    public static OneStateMdp fromOptions(Map<String, ?> options) {
        return new OneStateMdp(Json.bind(options, Options.class, ID));
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        Scene.Builder b = GridScene.cells(1, 2, new Color[] {GridScene.FLOOR, GridScene.GOAL});
        GridScene.label(b, 1, 0, S, "s", Color.GREY);
        GridScene.label(b, 1, 0, END, "end", Color.WHITE);
        GridScene.agent(b, 1, 0, state, GridScene.AGENT);
        String moved = lastAction < 0 ? "start" : lastAction == LEFT ? "left" : "right";
        GridScene.header(b, 1, 2, ID + "  " + moved + "  reward " + FrozenLake.fmt(lastReward));
        return b.caption(ID + ": " + (state == S ? "in s" : "ended")).build();
    }
}
