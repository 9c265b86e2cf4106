package dev.jgym.envs.grid;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.space.Discrete;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jack's car rental (Sutton &amp; Barto, 2nd ed., Example 4.2, Figure 4.2): Jack manages two
 * locations of a car rental company. Each day customers ask for cars at each location; a car
 * that is there is rented, for $10, otherwise the business is lost. Cars come back and can be
 * rented the next day. Overnight Jack may move up to 5 cars between the locations, at $2 a car.
 * Requests and returns are Poisson: requests 3 and 4 a day, returns 3 and 2 (first, second
 * location). A location holds at most 20 cars; extra cars go back to the company. The book treats
 * it as a continuing finite MDP with γ = 0.9, solved by policy iteration from "never move".
 *
 * <p>Action space {@code Discrete(11)}: action a moves a − 5 cars overnight from the first
 * location to the second (a − 5 &lt; 0: 5 − a cars from the second to the first), the book's
 * −5..+5. A move of more cars than the giving location has moves all it has but costs the full
 * price asked, so it is strictly worse than the possible move and an optimal policy never picks it.
 * <p>Observation {@code Discrete(441)}: the cars at the end of the day, 21 n1 + n2 (n1 at the
 * first location, n2 at the second, each 0-20).
 * <p>Reward: $10 for every car rented during the day, −$2 for every car moved the night before.
 * With Exercise 4.7's options, {@code free_moves} cars moved from the first location to the second
 * cost nothing (an employee drives one home), and every location holding more than
 * {@code parking_limit} cars overnight costs {@code parking_cost}.
 * <p>A step: move the cars (capped at 20 a location); then each location's requests, rented
 * up to the cars there; then the returns (capped at 20). Draws: requests then returns, first
 * location then second, each by inversion of the Poisson CDF with one uniform from the env stream.
 * <p>Start: 10 cars at each location.
 * <p>Episode end: never terminates (a continuing task); truncated at 100 days by the spec's time
 * limit.
 * <p>Transition table: {@link TabularModel}, exact (untruncated Poisson). For each next state it
 * lists one outcome, whose reward is the expected reward given that next state; the Bellman
 * backups Σ p (r + γ v(s')) are the same as over every (s', r) pair, with 441 outcomes at most.
 * <p>Options: {@code free_moves} (0; 1 in Exercise 4.7), {@code parking_limit} (10),
 * {@code parking_cost} (0; 4 in Exercise 4.7).
 * <p>Versions: v0, the book's example.
 */
public final class JacksCarRental extends BaseEnv<Integer, Integer> implements TabularModel {
    public static final String ID = "JacksCarRental-v0";
    public static final int MAX_CARS = 20;
    public static final int MAX_MOVE = 5;
    public static final int SIDE = MAX_CARS + 1;
    public static final double RENTAL_CREDIT = 10, MOVE_COST = 2;
    static final double[] REQUESTS = {3, 4};
    static final double[] RETURNS = {3, 2};

    /** The options: the book's problem by default, Exercise 4.7's with {@code free_moves} 1 and {@code parking_cost} 4. */
    public record Options(
            @JsonProperty("free_moves") Integer freeMoves,       // cars moved first -> second for free (0)
            @JsonProperty("parking_limit") Integer parkingLimit, // cars a location keeps overnight for free (10)
            @JsonProperty("parking_cost") Double parkingCost) {  // the cost of a location over that limit (0)
        public Options {
            freeMoves = freeMoves == null ? 0 : freeMoves;
            Check.that(freeMoves >= 0 && freeMoves <= MAX_MOVE, "free_moves", "expected an integer in [0, 5], found " + freeMoves);
            parkingLimit = parkingLimit == null ? 10 : parkingLimit;
            Check.that(parkingLimit >= 0 && parkingLimit <= MAX_CARS, "parking_limit", "expected an integer in [0, 20], found " + parkingLimit);
            parkingCost = parkingCost == null ? 0.0 : parkingCost;
            Check.that(parkingCost >= 0 && parkingCost <= 1e6, "parking_cost", "expected a number in [0, 1e6], found " + parkingCost);
        }
    }

    private final Options options;
    private final Discrete observationSpace = new Discrete(SIDE * SIDE);
    private final Discrete actionSpace = new Discrete(2 * MAX_MOVE + 1);
    // per location: after[m * SIDE + n] = P(n cars at day's end | m in the morning), rented[...] = E[rented; n]
    private final double[][] after = new double[2][];
    private final double[][] rented = new double[2][];
    private int n1 = 10, n2 = 10;
    private int lastMove = Integer.MIN_VALUE;
    private double lastReward;

    public JacksCarRental(Options options) {
        this.options = options;
        for (int loc = 0; loc < 2; loc++) {
            after[loc] = new double[SIDE * SIDE];
            rented[loc] = new double[SIDE * SIDE];
            dayAtOneLocation(REQUESTS[loc], RETURNS[loc], after[loc], rented[loc]);
        }
    }

    public static JacksCarRental fromOptions(Map<String, ?> options) {
        return new JacksCarRental(Json.bind(options, Options.class, ID));
    }

    public Options options() {
        return options;
    }

    /** The state index of n1 cars at the first location and n2 at the second. */
    public static int state(int n1, int n2) {
        return n1 * SIDE + n2;
    }

    /** The cars a action moves from the first location to the second (negative: the other way). */
    public static int move(int action) {
        return action - MAX_MOVE;
    }

    /** The action that moves {@code cars} from the first location to the second. */
    public static int action(int cars) {
        return cars + MAX_MOVE;
    }

    /** One location's day from m cars in the morning: the end-of-day distribution and E[rented; end]. */
    private static void dayAtOneLocation(double requests, double returns, double[] after, double[] rented) {
        double[] req = poisson(requests), ret = poisson(returns);
        for (int m = 0; m <= MAX_CARS; m++) {
            for (int k = 0; k <= m; k++) { // k cars rented: k requests, or m when m or more were asked
                double pk = k < m ? req[k] : tail(req, m);
                int left = m - k;
                for (int j = 0; left + j <= MAX_CARS; j++) { // j returns; MAX_CARS or more fill the lot
                    double pj = left + j < MAX_CARS ? ret[j] : tail(ret, j);
                    after[m * SIDE + left + j] += pk * pj;
                    rented[m * SIDE + left + j] += pk * pj * k;
                }
            }
        }
    }

    /** P(X = k) of a Poisson(λ) for k = 0..MAX_CARS. */
    private static double[] poisson(double lambda) {
        double[] p = new double[SIDE];
        p[0] = Math.exp(-lambda);
        for (int k = 1; k < SIDE; k++) p[k] = p[k - 1] * lambda / k;
        return p;
    }

    /** P(X ≥ k), as 1 minus the head (the head is summed exactly; the tail is what is left). */
    private static double tail(double[] p, int k) {
        double head = 0;
        for (int i = 0; i < k; i++) head += p[i];
        return Math.max(0, 1 - head);
    }

    /** The cars each location holds after the night's move of a (capped at 20), and the night's cost. */
    private record Night(int first, int second, double cost) {}

    private Night night(int n1, int n2, int action) {
        int move = move(action);
        int moved = move > 0 ? Math.min(move, n1) : -Math.min(-move, n2);
        int first = Math.min(n1 - moved, MAX_CARS), second = Math.min(n2 + moved, MAX_CARS);
        int paid = move > 0 ? Math.max(0, move - options.freeMoves()) : -move;
        double cost = MOVE_COST * paid;
        if (first > options.parkingLimit()) cost += options.parkingCost();
        if (second > options.parkingLimit()) cost += options.parkingCost();
        return new Night(first, second, cost);
    }

    @Override
    public int stateCount() {
        return SIDE * SIDE;
    }

    @Override
    public int actionCount() {
        return 2 * MAX_MOVE + 1;
    }

    @Override
    public List<Outcome> transitions(int s, int a) {
        if (s < 0 || s >= SIDE * SIDE) throw new IllegalArgumentException(ID + ": state " + s + " is not in " + observationSpace);
        if (a < 0 || a >= actionCount()) throw new IllegalArgumentException(ID + ": action " + a + " is not in " + actionSpace);
        Night night = night(s / SIDE, s % SIDE, a);
        int f = night.first() * SIDE, g = night.second() * SIDE;
        List<Outcome> out = new ArrayList<>();
        for (int x = 0; x <= MAX_CARS; x++) {
            double p1 = after[0][f + x], r1 = rented[0][f + x];
            if (p1 == 0) continue;
            for (int y = 0; y <= MAX_CARS; y++) {
                double p2 = after[1][g + y];
                if (p2 == 0) continue;
                double p = p1 * p2;
                // E[reward | x, y]: the rentals at each location, given where both days ended
                double reward = RENTAL_CREDIT * (r1 / p1 + rented[1][g + y] / p2) - night.cost();
                out.add(new Outcome(p, state(x, y), reward, false));
            }
        }
        return out;
    }

    @Override
    public double[] initialDistribution() {
        double[] d = new double[SIDE * SIDE];
        d[state(10, 10)] = 1;
        return d;
    }

    @Override
    public Discrete observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    @Override
    protected Reset<Integer> onReset(Map<String, ?> options) {
        expectNoOptions(ID, options);
        n1 = 10;
        n2 = 10;
        lastMove = Integer.MIN_VALUE;
        lastReward = 0;
        return new Reset<>(state(n1, n2), Map.of());
    }

    @Override
    public Step<Integer> step(Integer action) {
        int a = GridActions.check(ID, action, actionSpace);
        Night night = night(n1, n2, a);
        int req1 = draw(REQUESTS[0]), req2 = draw(REQUESTS[1]);
        int rent1 = Math.min(req1, night.first()), rent2 = Math.min(req2, night.second());
        int ret1 = draw(RETURNS[0]), ret2 = draw(RETURNS[1]);
        n1 = Math.min(night.first() - rent1 + ret1, MAX_CARS);
        n2 = Math.min(night.second() - rent2 + ret2, MAX_CARS);
        lastMove = move(a);
        lastReward = RENTAL_CREDIT * (rent1 + rent2) - night.cost();
        return new Step<>(state(n1, n2), lastReward, false, false,
                Map.of("rented", List.of(rent1, rent2), "returned", List.of(ret1, ret2)));
    }

    /** A Poisson(λ) count by inversion: one uniform u, the first k whose CDF exceeds u. */
    private int draw(double lambda) {
        double u = rng.nextDouble();
        double p = Math.exp(-lambda), cdf = p;
        int k = 0;
        while (u >= cdf && p > 0) {
            k++;
            p *= lambda / k;
            cdf += p;
        }
        return k;
    }

    /** The 21 x 21 state grid as the book draws it (first location up the side, second across), the cars marked. */
    @Override
    public Scene scene(Annotations annotations) {
        Color[] cells = new Color[SIDE * SIDE];
        java.util.Arrays.fill(cells, GridScene.FLOOR);
        Scene.Builder b = GridScene.cells(SIDE, SIDE, cells);
        GridScene.agent(b, SIDE, MAX_CARS - n1, n2, GridScene.AGENT);
        String last = lastMove == Integer.MIN_VALUE ? "start" : "moved " + lastMove + "  reward " + FrozenLake.fmt(lastReward);
        GridScene.header(b, SIDE, SIDE, ID + "  cars " + n1 + " / " + n2 + "  " + last);
        return b.caption(ID + ": " + n1 + " cars at the first location, " + n2 + " at the second").build();
    }
}
