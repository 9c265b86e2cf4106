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
 * The access-control queuing task (Sutton &amp; Barto, 2nd ed., Example 10.2, Figure 10.5): a
 * continuing task for average-reward control. Customers of four priorities wait in one queue in
 * front of {@code servers} servers; at each step the customer at the head of the queue is accepted
 * (given a free server, paying its priority's reward) or rejected (paying nothing), and the next
 * customer, of a uniformly random priority, moves up. Each busy server then frees itself with
 * probability {@code free_probability}, independently (a server taken in this step too, the order
 * of the widely used reproduction of the figure).
 *
 * <p>Action space {@code Discrete(2)}: 0 reject, 1 accept. With no free server the customer is
 * rejected whatever the action (the book's rule).
 * <p>Observation {@code Discrete(4 (servers + 1))}: {@code 4 f + p} for f free servers and a
 * customer of priority p at the head (p = 0..3 pays 1, 2, 4, 8).
 * <p>Reward: the priority's reward 1, 2, 4 or 8 for an accepted customer, 0 otherwise.
 * <p>Start: every server free, a uniformly random priority.
 * <p>Episode end: never (continuing); no time limit, a config gives {@code steps}.
 * <p>Info: {@code prob}, the probability of the outcome that happened.
 * <p>Transition table: {@link dev.jgym.core.env.TabularModel}: the number freed is binomial in
 * the busy servers, the next priority uniform; outcomes list f' = f..servers, each with p' = 0..3.
 * <p>Options: {@code servers} (10), {@code free_probability} (0.06).
 * <p>Versions: v0, the book's example.
 */
public final class AccessControl extends TabularEnv {
    public static final String ID = "AccessControl-v0";
    public static final int REJECT = 0, ACCEPT = 1;
    /** The reward of each priority. */
    public static final double[] REWARDS = {1, 2, 4, 8};

    /** The options of the access-control queuing task. */
    public record Options(
            @JsonProperty("servers") Integer servers,                  // the number of servers (10)
            @JsonProperty("free_probability") Double freeProbability) { // p, a busy server's chance to free itself each step (0.06)
        public Options {
            servers = servers == null ? 10 : servers;
            Check.that(servers >= 1 && servers <= 1000, "servers", "expected an integer in [1, 1000], found " + servers);
            freeProbability = freeProbability == null ? 0.06 : freeProbability;
            Check.inRange("free_probability", freeProbability, 0, 1);
        }
    }

    private final Options options;
    private final int servers;

    public AccessControl(Options options) {
        super(ID);
        this.options = options;
        this.servers = options.servers();
        int priorities = REWARDS.length, states = priorities * (servers + 1);
        double p = options.freeProbability();
        List<List<Outcome>> table = new ArrayList<>(states * 2);
        for (int s = 0; s < states; s++) {
            int free = s / priorities, priority = s % priorities;
            for (int a = 0; a < 2; a++) {
                boolean taken = a == ACCEPT && free > 0;
                int left = taken ? free - 1 : free, busy = servers - left;
                double reward = taken ? REWARDS[priority] : 0;
                List<Outcome> list = new ArrayList<>();
                for (int freed = 0; freed <= busy; freed++) {
                    double q = binomial(busy, freed, p);
                    if (q == 0) continue;
                    for (int next = 0; next < priorities; next++) {
                        list.add(new Outcome(q / priorities, (left + freed) * priorities + next, reward, false));
                    }
                }
                table.add(list);
            }
        }
        double[] initial = new double[states];
        for (int next = 0; next < priorities; next++) initial[servers * priorities + next] = 1.0 / priorities;
        setModel(states, 2, table, initial);
    }

    /** P(k of n busy servers free themselves), each with probability p. */
    static double binomial(int n, int k, double p) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c * Math.pow(p, k) * Math.pow(1 - p, n - k);
    }

    /** The free servers of an observation. */
    public static int freeServers(int observation) {
        return observation / REWARDS.length;
    }

    /** The priority (0..3) of the customer at the head of the queue. */
    public static int priority(int observation) {
        return observation % REWARDS.length;
    }

    public static AccessControl fromOptions(Map<String, ?> options) {
        return new AccessControl(Json.bind(options, Options.class, ID));
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        int free = freeServers(state);
        String last = lastAction < 0 ? "start" : (lastAction == ACCEPT ? "accept" : "reject") + "  reward " + FrozenLake.fmt(lastReward);
        Scene.Builder b = GridScene.track(0, 10.0 * free / servers, Color.rgb(0x4c78a8), "0 free", servers + " free",
                free + " free servers, next customer pays " + FrozenLake.fmt(REWARDS[priority(state)]) + "   " + last);
        return b.caption(ID + ": " + free + " free, priority " + FrozenLake.fmt(REWARDS[priority(state)])).build();
    }
}
