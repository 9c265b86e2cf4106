package dev.jgym.agents.pg;

/**
 * One rollout of T steps of N envs, step-major (index t * N + i): the observations the policy saw,
 * with an action mask the legal actions of each ({@code masks[(t * N + i) * n + a]}: the update
 * reads the policy under the mask it acted under), its actions (for Box actions the unclipped
 * samples), the rewards, the critic's values and the policy's log-probabilities at the time, how
 * each step ended, the value of the final observation where a time limit truncated an episode, V
 * of the observations after the last step, and the advantages and value targets {@link Gae}
 * computes from them.
 */
final class Rollout {
    final int steps, envs, obsDim, actionDim;
    final float[] observations;
    final int[] discreteActions; // null for Box actions
    final float[] boxActions;    // [T * N * actionDim]; null for Discrete actions
    final byte[] masks;          // [T * N * n], 1 = legal; null without an action mask
    final float[] rewards, values, logProbs, finalValues, advantages, returns, lastValues;
    final boolean[] terminated, truncated;

    /** @param maskedActions n of a masked Discrete(n) action space, 0 without a mask */
    Rollout(int steps, int envs, int obsDim, int actionDim, boolean discrete, int maskedActions) {
        this.steps = steps;
        this.envs = envs;
        this.obsDim = obsDim;
        this.actionDim = actionDim;
        int n = steps * envs;
        observations = new float[n * obsDim];
        discreteActions = discrete ? new int[n] : null;
        boxActions = discrete ? null : new float[n * actionDim];
        masks = maskedActions > 0 ? new byte[n * maskedActions] : null;
        rewards = new float[n];
        values = new float[n];
        logProbs = new float[n];
        finalValues = new float[n];
        advantages = new float[n];
        returns = new float[n];
        lastValues = new float[envs];
        terminated = new boolean[n];
        truncated = new boolean[n];
    }

    int size() {
        return steps * envs;
    }

    /** 1 - Var(R - V) / Var(R) over the rollout (population variances): how much of the return the critic explains. */
    double explainedVariance() {
        int n = size();
        double mr = 0, md = 0;
        for (int k = 0; k < n; k++) {
            mr += returns[k];
            md += returns[k] - values[k];
        }
        mr /= n;
        md /= n;
        double vr = 0, vd = 0;
        for (int k = 0; k < n; k++) {
            vr += (returns[k] - mr) * (returns[k] - mr);
            double d = returns[k] - values[k] - md;
            vd += d * d;
        }
        return vr == 0 ? Double.NaN : 1 - vd / vr;
    }
}
