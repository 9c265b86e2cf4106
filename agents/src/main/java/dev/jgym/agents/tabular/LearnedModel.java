package dev.jgym.agents.tabular;

import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * The deterministic model a Dyna agent learns from its own experience (Sutton &amp; Barto, 2nd
 * ed., section 8.2): for every state-action pair tried, the last reward, next state and whether
 * it ended the episode, and the time step it was last tried (Dyna-Q+'s τ). The agent never sees
 * the env's model; this one is built from transitions only.
 *
 * <p>Pairs are numbered {@code s * actions + a}; {@link #sample} draws uniformly among the pairs
 * known so far (in the order they became known), one draw from the given stream.
 */
public final class LearnedModel {
    private final int actions;
    private final boolean[] known;
    private final int[] next;
    private final double[] reward;
    private final boolean[] terminal;
    private final long[] lastTried;
    private final int[] order;
    private int count;

    public LearnedModel(int states, int actions) {
        this.actions = actions;
        int pairs = states * actions;
        known = new boolean[pairs];
        next = new int[pairs];
        reward = new double[pairs];
        terminal = new boolean[pairs];
        lastTried = new long[pairs];
        order = new int[pairs];
    }

    /** Model(S, A) ← R, S' (terminal or not), tried at time {@code time}. */
    public void record(int s, int a, double r, int nextState, boolean ended, long time) {
        int sa = s * actions + a;
        remember(sa);
        reward[sa] = r;
        next[sa] = nextState;
        terminal[sa] = ended;
        lastTried[sa] = time;
    }

    /**
     * Dyna-Q+'s first look at state s (the book's footnote to Figure 8.4): every action of s not
     * tried yet is modelled as leading back to s with reward 0, last tried at time 0.
     */
    public void assumeUntried(int s) {
        for (int a = 0; a < actions; a++) {
            int sa = s * actions + a;
            if (known[sa]) continue;
            remember(sa);
            next[sa] = s;
        }
    }

    private void remember(int sa) {
        if (!known[sa]) {
            known[sa] = true;
            order[count++] = sa;
        }
    }

    /** Whether any action of state s is in the model. */
    public boolean visited(int s) {
        for (int a = 0; a < actions; a++) if (known[s * actions + a]) return true;
        return false;
    }

    /** A pair drawn uniformly from those known (there must be one). */
    public int sample(Rng rng) {
        return order[rng.nextInt(count)];
    }

    /** Pairs known so far. */
    public int size() {
        return count;
    }

    public boolean known(int sa) {
        return known[sa];
    }

    public int next(int sa) {
        return next[sa];
    }

    public double reward(int sa) {
        return reward[sa];
    }

    public boolean terminal(int sa) {
        return terminal[sa];
    }

    public long lastTried(int sa) {
        return lastTried[sa];
    }

    /** The pairs known, in the order they became known (a copy). */
    public int[] pairs() {
        return Arrays.copyOf(order, count);
    }
}
