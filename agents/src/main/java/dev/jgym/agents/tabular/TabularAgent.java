package dev.jgym.agents.tabular;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.GreedyPolicy;
import dev.jgym.core.config.Check;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tabular control agents share: the action-value table Q (one flat primitive array,
 * {@code q[s * actions + a]}, rows keyed by {@link StateIndex}), an {@link Exploration} rule, the
 * agent's random stream, acting (with an action chosen ahead of time, as SARSA chooses A' while it
 * learns), the greedy policy, annotations and saving.
 *
 * <p>Subclasses implement {@link #observe} with the update of their book section.
 */
public abstract class TabularAgent implements Agent<Object, Integer>, GreedyPolicy<Object, Integer>, ValueEstimates {
    /** The info key of the legal actions (Gymnasium's): a {@code byte[]}, 1 for a legal action. */
    public static final String ACTION_MASK = "action_mask";
    protected final String type;
    protected final StateIndex states;
    /** Number of actions. */
    protected final int nA;
    private final int actionStart;
    private final Integer[] boxed;
    /** Q(s, a) at {@code q[s * nA + a]}: the values the agent acts on. */
    protected final double[] q;
    protected final Exploration exploration;
    protected final Rng rng;
    /** With {@code action_mask}: legal[s * nA + a], learned from the env's info as states are seen (all legal before); else null. */
    protected final boolean[] legal;
    private int pendingState = -1;
    private int pendingAction;
    private int lastState = -1;

    /** A TD control agent: exploration and initial value from the shared {@link TdSettings}. */
    protected TabularAgent(String type, AgentContext context, TdSettings td) {
        this(type, context, td.exploration(), td.initialValue(), td.actionMask());
    }

    protected TabularAgent(String type, AgentContext context, Exploration.Settings explore, double initialValue) {
        this(type, context, explore, initialValue, false);
    }

    private TabularAgent(String type, AgentContext context, Exploration.Settings explore, double initialValue, boolean masked) {
        this.type = type;
        this.states = StateIndex.of(context.observationSpace(), type);
        Discrete actions = context.discreteActions();
        this.nA = actions.n();
        this.actionStart = actions.start();
        this.boxed = new Integer[nA];
        for (int a = 0; a < nA; a++) boxed[a] = actionStart + a;
        this.q = new double[states.size() * nA];
        Arrays.fill(q, initialValue);
        this.exploration = new Exploration(explore, nA);
        this.rng = context.rng();
        this.legal = masked ? new boolean[q.length] : null;
        if (masked) Arrays.fill(legal, true);
    }

    /** The ε-greedy/softmax settings from an agent's settings fields (ε defaults to 0.1). */
    protected static Exploration.Settings explore(Double epsilon, Double epsilonEnd, Integer decayEpisodes, String schedule, Double temperature) {
        return new Exploration.Settings(epsilon == null ? 0.1 : epsilon, epsilonEnd, decayEpisodes, schedule, temperature);
    }

    /** A step size α in (0, 1]. */
    public static void checkAlpha(double alpha) {
        Check.that(alpha > 0 && alpha <= 1, "alpha", "expected a number in (0, 1], found " + alpha);
    }

    @Override
    public Integer act(Object observation) {
        int s = states.index(observation);
        lastState = s;
        int a = s == pendingState ? pendingAction : chooseAction(s);
        pendingState = -1;
        return boxed[a];
    }

    /** The behaviour policy's action in row s; by default the exploration rule on Q (over the legal actions, with a mask). */
    protected int chooseAction(int s) {
        return legal == null ? exploration.select(q, s * nA, rng) : exploration.select(q, s * nA, rng, legal);
    }

    /** A greedy action of row s in {@code table}, ties broken at random (over the legal actions, with a mask). */
    protected final int argmax(double[] table, int s) {
        return legal == null ? exploration.argmax(table, s * nA, rng) : exploration.argmax(table, s * nA, rng, legal);
    }

    /** Row of a transition's next state; with a mask, the step's {@code action_mask} becomes that row's. */
    protected final int next(Transition<Object, Integer> t) {
        int s = states.index(t.next());
        if (legal != null) recordMask(s, t.info());
        return s;
    }

    private void recordMask(int s, Map<String, Object> info) {
        if (!(info.get(ACTION_MASK) instanceof byte[] mask) || mask.length != nA) {
            throw new dev.jgym.core.config.UserError("agent type \"" + type + "\": action_mask is set but the env's info has no "
                    + ACTION_MASK + " of " + nA + " bytes");
        }
        boolean any = false;
        for (byte b : mask) any |= b != 0;
        if (!any) return; // a terminal state: nothing to act on
        for (int a = 0; a < nA; a++) legal[s * nA + a] = mask[a] != 0;
    }

    /** The next {@link #act} on state s returns a (SARSA's A', chosen while learning). */
    protected final void setNextAction(int s, int a) {
        pendingState = s;
        pendingAction = a;
    }

    @Override
    public void onEpisodeStart(Object observation, Map<String, Object> info) {
        if (legal != null) recordMask(states.index(observation), info);
        onEpisodeStart(observation);
    }

    @Override
    public void onEpisodeStart(Object observation) {
        exploration.episodeStarted();
        pendingState = -1;
        episodeStarted();
    }

    /** A hook for per-episode bookkeeping (traces, episode buffers). */
    protected void episodeStarted() {}

    /** Row of an observation. */
    protected final int state(Object observation) {
        return states.index(observation);
    }

    /** Column of an action. */
    protected final int action(Integer action) {
        int a = action == null ? -1 : action - actionStart;
        if (a < 0 || a >= nA) throw new IllegalArgumentException(type + ": action " + action + " is not in Discrete(" + nA + ")");
        return a;
    }

    /** max_a Q(s, a) (over the legal actions, with a mask). */
    protected final double max(double[] table, int s) {
        if (legal != null) return table[s * nA + Exploration.firstArgmax(table, s * nA, nA, legal)];
        double best = table[s * nA];
        for (int a = 1; a < nA; a++) best = Math.max(best, table[s * nA + a]);
        return best;
    }

    @Override
    public Integer greedyAction(Object observation) {
        int off = states.index(observation) * nA;
        return boxed[legal == null ? Exploration.firstArgmax(q, off, nA) : Exploration.firstArgmax(q, off, nA, legal)];
    }

    /** Q(observation, action). */
    public double value(Object observation, int action) {
        return q[states.index(observation) * nA + action(action)];
    }

    /** A copy of the flat table {@code q[s * actions() + a]}. */
    public double[] table() {
        return q.clone();
    }

    @Override
    public StateIndex states() {
        return states;
    }

    @Override
    public int actions() {
        return nA;
    }

    /** max_a Q(row, a). */
    @Override
    public double stateValue(int row) {
        return max(q, row);
    }

    @Override
    public double actionValue(int row, int column) {
        return q[row * nA + column];
    }

    @Override
    public int action(int column) {
        return actionStart + column;
    }

    /** The exploration rule (its ε after the schedule, episodes started). */
    public Exploration exploration() {
        return exploration;
    }

    @Override
    public Annotations annotations() {
        if (lastState < 0) return Annotations.NONE;
        return Annotations.vector(Annotations.ACTION_VALUES, Arrays.copyOfRange(q, lastState * nA, lastState * nA + nA));
    }

    /** The tables {@link #save} writes, by name; {@code q} by default. */
    protected Map<String, double[]> tables() {
        Map<String, double[]> t = new LinkedHashMap<>();
        t.put("q", q);
        return t;
    }

    /** Values per row of a saved table: {@code nA} unless a subclass says otherwise. */
    protected int width(String table) {
        return nA;
    }

    /** Called after {@link #load} filled the tables (to rebuild derived ones). */
    protected void loaded() {}

    /** Writes the tables, keyed by observation, and the episode count. The random stream belongs to the run and is not saved. */
    @Override
    public void save(Path file) {
        Map<String, double[]> t = tables();
        Map<String, Integer> widths = new LinkedHashMap<>();
        t.keySet().forEach(k -> widths.put(k, width(k)));
        TableFile.write(file, type, states, nA, exploration.episodes(), t, widths);
    }

    @Override
    public void load(Path file) {
        Map<String, double[]> t = tables();
        Map<String, Integer> widths = new LinkedHashMap<>();
        t.keySet().forEach(k -> widths.put(k, width(k)));
        exploration.setEpisodes(TableFile.read(file, type, states, nA, t, widths));
        loaded();
    }
}
