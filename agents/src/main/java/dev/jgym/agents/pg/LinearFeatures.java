package dev.jgym.agents.pg;

import dev.jgym.agents.AgentContext;
import dev.jgym.agents.tabular.StateIndex;
import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Box;

/**
 * The feature vectors of the book's linear methods (Sutton &amp; Barto, 2nd ed., sections 9.4 and
 * 13.1): x(s, a) for the policy's action preferences h(s, a, θ) = θᵀ x(s, a), and x(s) for a
 * state-value estimate v̂(s, w) = wᵀ x(s). Three kinds, by the config's {@code features}:
 * <table>
 *   <tr><th>kind</th><th>x(s, a)</th><th>x(s)</th><th>for</th></tr>
 *   <tr><td>{@code action}</td><td>e_a (one-hot of a; every state looks alike)</td><td>[1]</td>
 *       <td>Example 13.1's short corridor</td></tr>
 *   <tr><td>{@code state-action}</td><td>one-hot of (s, a)</td><td>one-hot of s</td>
 *       <td>tabular soft-max, {@code Discrete} (or tuple) observations</td></tr>
 *   <tr><td>{@code observation}</td><td>[o, 1] in a's block, zeros elsewhere</td><td>[o, 1]</td>
 *       <td>{@code Box} observations</td></tr>
 * </table>
 * Every kind is one-hot in the action's block, so x(s, a) is written as the block a and its
 * offset: {@link #state} fills the shared block [o, 1] (or a one-hot index) once per state.
 */
final class LinearFeatures {
    static final String ACTION = "action", STATE_ACTION = "state-action", OBSERVATION = "observation";

    private final String kind;
    private final int actions;
    private final int block;          // the length of one action's block of x(s, a), and of x(s)
    private final StateIndex states;  // state-action only
    private final int observationSize; // observation only

    LinearFeatures(String kind, AgentContext context) {
        this.kind = kind;
        this.actions = context.discreteActions().n();
        switch (kind) {
            case ACTION -> {
                block = 1;
                states = null;
                observationSize = 0;
            }
            case STATE_ACTION -> {
                states = StateIndex.of(context.observationSpace(), context.typeName());
                block = states.size();
                observationSize = 0;
            }
            case OBSERVATION -> {
                if (!(context.observationSpace() instanceof Box box) || box.shape().length != 1) {
                    throw new UserError("agent type \"" + context.typeName() + "\" with features \"observation\" needs a one-dimensional Box observation space, the env has "
                            + context.observationSpace());
                }
                states = null;
                observationSize = box.shape()[0];
                block = observationSize + 1;
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** The settings' check: one of the three kinds (the default is {@code action}). */
    static String check(String field, String kind) {
        if (kind == null) return ACTION;
        if (kind.equals(ACTION) || kind.equals(STATE_ACTION) || kind.equals(OBSERVATION)) return kind;
        throw new UserError(field + ": expected \"action\", \"state-action\" or \"observation\", found \"" + kind + "\"");
    }

    int actions() {
        return actions;
    }

    /** The length of θ: one block per action. */
    int policySize() {
        return block * actions;
    }

    /** The length of w (and of x(s)). */
    int valueSize() {
        return block;
    }

    /** Fills x(s) into {@code x} (length {@link #valueSize()}); x(s, a) is x(s) in block a. */
    void state(Object observation, double[] x) {
        switch (kind) {
            case ACTION -> x[0] = 1;
            case STATE_ACTION -> {
                java.util.Arrays.fill(x, 0);
                x[states.index(observation)] = 1;
            }
            default -> {
                float[] o = (float[]) observation;
                for (int i = 0; i < observationSize; i++) x[i] = o[i];
                x[observationSize] = 1;
            }
        }
    }

    /** θᵀ x(s, a) for every a, given x(s): the action preferences h(s, ·, θ). */
    void preferences(double[] theta, double[] xs, double[] h) {
        for (int a = 0; a < actions; a++) h[a] = dot(theta, a * block, xs);
    }

    /** wᵀ x(s): the linear state-value estimate v̂(s, w). */
    static double value(double[] w, double[] xs) {
        return dot(w, 0, xs);
    }

    private static double dot(double[] weights, int offset, double[] xs) {
        double s = 0;
        for (int i = 0; i < xs.length; i++) s += weights[offset + i] * xs[i];
        return s;
    }
}
