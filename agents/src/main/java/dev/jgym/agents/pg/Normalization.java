package dev.jgym.agents.pg;

import dev.jgym.core.env.wrappers.RunningMeanStd;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Observation and reward normalization over the N envs of a rollout, as Stable-Baselines3's
 * {@code VecNormalize} ({@code stable_baselines3/common/vec_env/vec_normalize.py}), with the
 * statistics of {@link RunningMeanStd} (start: mean 0, variance 1, count 1e-4; each env's row
 * folded in as one sample, which is the batch update of SB3 up to rounding):
 * <pre>
 *   reset:  fold in the N first observations;  o ← clip((o − μ_o) / √(σ²_o + 1e-8), ±clip_obs)
 *   step:   fold in the N new observations (after autoreset), normalize them;
 *           G ← γ G + r (per env),  fold in the N returns G,  r ← clip(r / √(σ²_G + 1e-8), ±clip_reward);
 *           G ← 0 where the episode ended (terminated or truncated)
 * </pre>
 * A truncated episode's final observation is normalized with the statistics of its step, not
 * folded in. Evaluation normalizes with the statistics frozen ({@link #normalize}). With neither
 * part on every method leaves its input as it is.
 */
final class Normalization {
    static final double EPSILON = 1e-8;

    private final PgConfig.NormalizeSettings settings;
    private final int n, d;
    private final double gamma;
    private final RunningMeanStd observations, returns;
    private final double[] discounted;

    Normalization(PgConfig.NormalizeSettings settings, int envs, int obsDim, double gamma) {
        this.settings = settings;
        this.n = envs;
        this.d = obsDim;
        this.gamma = gamma;
        this.observations = new RunningMeanStd(obsDim);
        this.returns = new RunningMeanStd(1);
        this.discounted = new double[envs];
    }

    /** The first observations of all envs ({@code n * d}): folded in and normalized in place. */
    void reset(float[] obs) {
        Arrays.fill(discounted, 0);
        foldIn(obs);
        normalize(obs);
    }

    /**
     * After a step of all envs: folds in and normalizes the new observations in place, and writes
     * the rewards to learn from into {@code out} (the env's, as float, when rewards are not normalized).
     */
    void step(float[] obs, double[] rewards, boolean[] terminated, boolean[] truncated, float[] out) {
        foldIn(obs);
        normalize(obs);
        if (!settings.rewards()) {
            for (int i = 0; i < n; i++) out[i] = (float) rewards[i];
            return;
        }
        for (int i = 0; i < n; i++) {
            discounted[i] = discounted[i] * gamma + rewards[i];
            returns.update(discounted[i]);
        }
        double scale = Math.sqrt(returns.var(0) + EPSILON), clip = settings.clipRewards();
        for (int i = 0; i < n; i++) {
            out[i] = (float) Math.max(-clip, Math.min(clip, rewards[i] / scale));
            if (terminated[i] || truncated[i]) discounted[i] = 0;
        }
    }

    private void foldIn(float[] obs) {
        if (!settings.observations()) return;
        for (int i = 0; i < n; i++) observations.update(obs, i * d);
    }

    boolean normalizesObservations() {
        return settings.observations();
    }

    /** Normalizes rows of {@code d} observations in place with the current statistics, folding nothing in. */
    void normalize(float[] obs) {
        if (!settings.observations()) return;
        double clip = settings.clipObservations();
        for (int k = 0; k < obs.length; k++) {
            int j = k % d;
            double z = (obs[k] - observations.mean(j)) / Math.sqrt(observations.var(j) + EPSILON);
            obs[k] = (float) Math.max(-clip, Math.min(clip, z));
        }
    }

    /** The statistics and the running returns (written only when something is normalized, so other checkpoints keep their bytes). */
    void write(DataOutputStream out) throws IOException {
        if (!settings.any()) return;
        for (RunningMeanStd s : new RunningMeanStd[] {observations, returns}) {
            RunningMeanStd.State st = s.state();
            out.writeDouble(st.count());
            for (int i = 0; i < s.size(); i++) {
                out.writeDouble(st.mean()[i]);
                out.writeDouble(st.var()[i]);
            }
        }
        for (double g : discounted) out.writeDouble(g);
    }

    void read(DataInputStream in) throws IOException {
        if (!settings.any()) return;
        for (RunningMeanStd s : new RunningMeanStd[] {observations, returns}) {
            double count = in.readDouble();
            double[] mean = new double[s.size()], var = new double[s.size()];
            for (int i = 0; i < s.size(); i++) {
                mean[i] = in.readDouble();
                var[i] = in.readDouble();
            }
            s.restore(new RunningMeanStd.State(mean, var, count));
        }
        for (int i = 0; i < n; i++) discounted[i] = in.readDouble();
    }
}
