package dev.jgym.agents.dqn;

import dev.jgym.nn.io.StateIO;
import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import dev.jgym.core.rng.Rng;

/**
 * Which action a training step explores with, if any: epsilon-greedy, or its temporally-extended
 * form, ez-greedy (Dabney, Ostrovski and Barreto, "Temporally-Extended epsilon-Greedy
 * Exploration", ICLR 2021).
 * <pre>
 *   epsilon-greedy: with probability epsilon a uniform random action, else greedy
 *   ez-greedy:      while a run of exploration lasts, its action again; else with probability
 *                   epsilon start a run: a uniform random action, held for n steps, where
 *                   P(n) is proportional to n^-mu for n = 1 .. max_duration (a truncated zeta law)
 * </pre>
 * With mu = 2 a run lasts about 6 steps on average, and one in a hundred lasts over 60: long
 * enough to cross a sparse-reward task that single random steps almost never do (random play
 * crosses Freeway 0.2 times a game; ez-greedy play, about 2). A run ends with its episode.
 *
 * <p>Random numbers come from one stream ({@code child("explore")} of the learner's seed), drawn
 * in a fixed order: the epsilon test, the action, then (ez-greedy) the duration. Plain
 * epsilon-greedy draws exactly as before this class existed, so its runs are unchanged.
 */
final class Exploration implements State {
    private final int actions;
    /** The duration law's cumulative probabilities for n = 1 .. max_duration, or null: plain epsilon-greedy. */
    private final double[] durationCdf;
    Rng rng;
    /** The current run's action and the steps it has left after this one (0: no run). */
    int held, remaining;

    Exploration(DqnConfig.ExplorationSettings settings, int actions, Rng rng) {
        this.actions = actions;
        this.rng = rng;
        this.durationCdf = settings.temporallyExtended() ? zetaCdf(settings.mu(), settings.maxDuration()) : null;
    }

    /** P(n) proportional to n^-mu, n = 1 .. max, as a cumulative table (its last entry is exactly 1). */
    static double[] zetaCdf(double mu, int max) {
        double[] cdf = new double[max];
        double sum = 0;
        for (int n = 1; n <= max; n++) {
            sum += StrictMath.pow(n, -mu);
            cdf[n - 1] = sum;
        }
        for (int i = 0; i < max; i++) cdf[i] /= sum;
        cdf[max - 1] = 1.0;
        return cdf;
    }

    /** The exploratory action for this step, or -1: act greedily. */
    int next(double epsilon) {
        if (remaining > 0) {
            remaining--;
            return held;
        }
        if (rng.nextDouble() >= epsilon) return -1;
        int a = rng.nextInt(actions);
        if (durationCdf != null) {
            held = a;
            remaining = duration(rng.nextDouble()) - 1;
        }
        return a;
    }

    /** The smallest n with cdf(n) > u. */
    int duration(double u) {
        int lo = 0, hi = durationCdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (durationCdf[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo + 1;
    }

    /** A new episode: no run carries over. */
    void endRun() {
        remaining = 0;
    }

    /** Its stream and the held run in progress (ez-greedy's action and steps left). */
    @Override
    public void write(DataOutputStream out) throws IOException {
        StateIO.writeLongs(out, rng.saveState());
        out.writeInt(held);
        out.writeInt(remaining);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        rng = Rng.restore(StateIO.readLongs(in));
        held = in.readInt();
        remaining = in.readInt();
    }
}
