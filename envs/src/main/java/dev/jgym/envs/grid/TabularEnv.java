package dev.jgym.envs.grid;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.space.Discrete;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shared machinery of Gymnasium's toy-text envs: a table of outcomes per state and action
 * (the {@link TabularModel}) and a start distribution, sampled the way Gymnasium samples them.
 *
 * <p>Sampling (Gymnasium's {@code categorical_sample}): draw u uniform in [0, 1) from the env
 * stream and take the first entry whose running sum of probabilities exceeds u (the first entry
 * when rounding leaves none). A step draws exactly one number, deterministic tables included.
 *
 * <p>Subclasses fill the table in their constructor with {@link #setModel}, and may add to the
 * info map or change the sampled next state (Taxi's fickle passenger).
 */
public abstract class TabularEnv extends BaseEnv<Integer, Integer> implements TabularModel {
    private final String id;
    private int nS;
    private int nA;
    private Discrete observationSpace;
    private Discrete actionSpace;
    // flat primitive tables: entries of (s, a) are [offset[s*nA+a], offset[s*nA+a+1])
    private int[] offset;
    private double[] prob;
    private int[] next;
    private double[] reward;
    private boolean[] terminal;
    private double[] initial;
    private List<List<Outcome>> outcomes;
    private final Map<Double, Map<String, Object>> probInfo = new TreeMap<>();

    /** The current state (Gymnasium's {@code self.s}). */
    protected int state;
    /** The last action, or -1 after a reset. */
    protected int lastAction = -1;
    /** The reward of the last step (for scenes). */
    protected double lastReward;

    protected TabularEnv(String id) {
        this.id = id;
    }

    /** The id used in error messages. */
    public String id() {
        return id;
    }

    /** Installs the model: {@code table.get(s * nA + a)} lists the outcomes of a in s. */
    protected final void setModel(int states, int actions, List<List<Outcome>> table, double[] initialDistribution) {
        if (table.size() != states * actions) throw new IllegalArgumentException("table needs " + states * actions + " lists");
        nS = states;
        nA = actions;
        observationSpace = new Discrete(states);
        actionSpace = new Discrete(actions);
        offset = new int[states * actions + 1];
        int total = 0;
        for (int i = 0; i < table.size(); i++) {
            offset[i] = total;
            total += table.get(i).size();
        }
        offset[table.size()] = total;
        prob = new double[total];
        next = new int[total];
        reward = new double[total];
        terminal = new boolean[total];
        List<List<Outcome>> frozen = new ArrayList<>(table.size());
        int k = 0;
        for (List<Outcome> list : table) {
            if (list.isEmpty()) throw new IllegalArgumentException("a state-action pair has no outcome");
            for (Outcome o : list) {
                prob[k] = o.probability();
                next[k] = o.nextState();
                reward[k] = o.reward();
                terminal[k] = o.terminated();
                k++;
            }
            frozen.add(List.copyOf(list));
        }
        outcomes = Collections.unmodifiableList(frozen);
        initial = initialDistribution.clone();
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
    public int stateCount() {
        return nS;
    }

    @Override
    public int actionCount() {
        return nA;
    }

    @Override
    public List<Outcome> transitions(int s, int a) {
        if (s < 0 || s >= nS) throw new IllegalArgumentException(id + ": state " + s + " is not in " + observationSpace);
        if (a < 0 || a >= nA) throw new IllegalArgumentException(id + ": action " + a + " is not in " + actionSpace);
        return outcomes.get(s * nA + a);
    }

    @Override
    public double[] initialDistribution() {
        return initial.clone();
    }

    /** The current state (the last observation). */
    public int state() {
        return state;
    }

    @Override
    protected Reset<Integer> onReset(Map<String, ?> options) {
        expectNoOptions(id, options);
        state = categorical(initial, 0, initial.length);
        lastAction = -1;
        lastReward = 0;
        afterReset();
        return new Reset<>(state, resetInfo(state));
    }

    /** Extra draws after the start state (Taxi's fickle passenger); none by default. */
    protected void afterReset() {}

    @Override
    public Step<Integer> step(Integer action) {
        int a = GridActions.check(id, action, actionSpace);
        int base = offset[state * nA + a];
        int i = base + categorical(prob, base, offset[state * nA + a + 1]);
        int s = adjustNext(state, next[i]);
        double p = prob[i];
        state = s;
        lastAction = a;
        lastReward = reward[i];
        Map<String, Object> info = stepInfo(s, p);
        if (terminal[i]) {
            Boolean reached = success(s);
            if (reached != null) info = withSuccess(info, reached);
        }
        return new Step<>(s, reward[i], terminal[i], false, info);
    }

    /**
     * Whether ending in terminal state {@code s} reached the task's goal (the step's info then says
     * so as {@code is_success}, Gymnasium's and SB3's key, {@link dev.jgym.core.env.Env#IS_SUCCESS}),
     * or null for an env without a goal (a prediction task), whose info stays Gymnasium's.
     */
    protected Boolean success(int s) {
        return null;
    }

    private static Map<String, Object> withSuccess(Map<String, Object> info, boolean ok) {
        Map<String, Object> m = new TreeMap<>(info);
        m.put(Env.IS_SUCCESS, ok);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Changes the sampled next state (Taxi's fickle passenger); the identity by default. */
    protected int adjustNext(int from, int sampled) {
        return sampled;
    }

    /** Gymnasium's reset info: {@code prob} = 1. */
    protected Map<String, Object> resetInfo(int s) {
        return probInfo(1.0);
    }

    /** Gymnasium's step info: {@code prob}, the probability of the outcome that happened. */
    protected Map<String, Object> stepInfo(int s, double p) {
        return probInfo(p);
    }

    /** A shared immutable {@code {"prob": p}} map (a few distinct values per env). */
    protected final Map<String, Object> probInfo(double p) {
        return probInfo.computeIfAbsent(p, v -> Map.of("prob", v));
    }

    /** Index in [0, to - from) of the first running sum above u, as Gymnasium's argmax(cumsum > u). */
    private int categorical(double[] p, int from, int to) {
        double u = rng.nextDouble();
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += p[i];
            if (sum > u) return i - from;
        }
        return 0;
    }

    @Override
    public String toString() {
        return id + "(" + nS + " states, " + nA + " actions)";
    }
}
