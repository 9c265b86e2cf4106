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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 1000-state random walk (Sutton &amp; Barto, 2nd ed., Example 9.1, Figures 9.1, 9.2, 9.5 and
 * 9.10): states 1..1000 in a row; each step jumps to one of the 100 states to the left or one of
 * the 100 to the right, all equally likely under the uniformly random policy. Its true values
 * (computed from the model by dynamic programming) rise from about −0.9 to +0.9, nearly linearly.
 *
 * <p>Action space {@code Discrete(2)}:
 * <table>
 *   <tr><th>action</th><th>move</th></tr>
 *   <tr><td>0</td><td>left: to s − k, k uniform in 1..{@code jump}</td></tr>
 *   <tr><td>1</td><td>right: to s + k, k uniform in 1..{@code jump}</td></tr>
 * </table>
 * As in {@link RandomWalk}, the book's walk is a Markov reward process: the direction is random
 * because the policy is (a uniformly random agent), the jump because the env is. Near an edge, the
 * jumps that would leave the row all end the episode on that side (the book's rule).
 * <p>Observation {@code Discrete(n + 2)}: 0 the left end, 1..n the states, n + 1 the right end.
 * <p>Reward: −1 for ending on the left, +1 on the right, 0 for every other step.
 * <p>Start: the centre state n / 2 (500).
 * <p>Episode end: terminated on leaving the row. No time limit. Both ends are absorbing in the
 * model (stay, reward 0, terminated).
 * <p>Info: {@code prob}, the probability of the outcome that happened.
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}; the outcomes of a move list the
 * end (when reachable) first, then the states in order of distance.
 * <p>Options: {@code n_states} (1000, even), {@code jump} (100).
 * <p>Versions: v0, the book's example.
 */
public final class RandomWalk1000 extends TabularEnv {
    public static final String ID = "RandomWalk1000-v0";
    public static final int LEFT = 0, RIGHT = 1;

    /** The options of the 1000-state random walk. */
    public record Options(@JsonProperty("n_states") Integer nStates, // states in the row (1000)
                          @JsonProperty("jump") Integer jump) {      // the farthest jump (100)
        public Options {
            nStates = nStates == null ? 1000 : nStates;
            Check.that(nStates >= 2 && nStates % 2 == 0 && nStates <= 100_000, "n_states",
                    "expected an even integer in [2, 100000] (the walk starts at n / 2), found " + nStates);
            jump = jump == null ? 100 : jump;
            Check.that(jump >= 1 && jump <= nStates, "jump", "expected an integer in [1, n_states], found " + jump);
        }
    }

    private final Options options;
    private final int n;

    public RandomWalk1000(Options options) {
        super(ID);
        this.options = options;
        this.n = options.nStates();
        List<List<Outcome>> table = TABLES.size() < 16 ? TABLES.computeIfAbsent(options, RandomWalk1000::table) : table(options);
        setModel(n + 2, 2, table, initial(n));
    }

    /**
     * The outcome lists of every (s, a), built once per options (the first 16) and shared, as they are immutable:
     * a figure's thousands of runs each make an env, and the 1000-state table holds 200,000 outcomes.
     */
    private static final Map<Options, List<List<Outcome>>> TABLES = new ConcurrentHashMap<>();

    private static List<List<Outcome>> table(Options options) {
        int n = options.nStates();
        int jump = options.jump();
        double p = 1.0 / jump;
        List<List<Outcome>> table = new ArrayList<>((n + 2) * 2);
        for (int s = 0; s < n + 2; s++) {
            for (int a = 0; a < 2; a++) {
                if (s == 0 || s == n + 1) {
                    table.add(List.of(new Outcome(1.0, s, 0, true)));
                    continue;
                }
                int dir = a == LEFT ? -1 : 1;
                int end = a == LEFT ? 0 : n + 1;
                int inside = Math.min(jump, a == LEFT ? s - 1 : n - s); // jumps that stay in the row
                List<Outcome> list = new ArrayList<>();
                if (inside < jump) list.add(new Outcome((jump - inside) * p, end, a == LEFT ? -1 : 1, true));
                for (int k = 1; k <= inside; k++) list.add(new Outcome(p, s + dir * k, 0, false));
                table.add(List.copyOf(list));
            }
        }
        return List.copyOf(table);
    }

    private static double[] initial(int n) {
        double[] initial = new double[n + 2];
        initial[n / 2] = 1;
        return initial;
    }

    public static RandomWalk1000 fromOptions(Map<String, ?> options) {
        return new RandomWalk1000(Json.bind(options, Options.class, ID));
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        double x = 10.0 * Math.max(0, Math.min(n + 1, state)) / (n + 1);
        String last = lastAction < 0 ? "start" : (lastAction == LEFT ? "left" : "right") + "  reward " + FrozenLake.fmt(lastReward);
        Scene.Builder b = GridScene.track(x - 0.05, 0.1, state == 0 || state == n + 1 ? GridScene.GOAL : GridScene.AGENT,
                "-1", "+1", "state " + state + "   " + last);
        return b.caption(ID + ": state " + state).build();
    }
}
