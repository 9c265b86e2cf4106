package dev.jgym.agents.offpolicy;

import dev.jgym.agents.pg.Mlp;
import dev.jgym.core.rng.Rng;
import dev.jgym.nn.Backend;
import dev.jgym.nn.FdlibmMath;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.io.StateIO;
import dev.jgym.nn.optim.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Soft actor-critic with automatic entropy tuning (Haarnoja et al., "Soft Actor-Critic Algorithms
 * and Applications", 2018, Algorithm 1), as Stable-Baselines3 orders one gradient step:
 * <pre>
 *   for each gradient step:
 *     sample (s, a, r, s', d) from D;  a~ ~ pi_phi(.|s) reparameterised ({@link SquashedGaussian})
 *     alpha <- alpha - lambda grad J(alpha),  J(alpha) = mean_b -log alpha (log pi(a~_b|s_b) + H_target)   (eq. 18; H_target = -|A|)
 *     y = r + d (min_i Q_target,i(s', a') - alpha log pi(a'|s')),   a' ~ pi_phi(.|s')                      (eq. 3, 5)
 *     theta_i <- theta_i - lambda grad mean_b (Q_i(s_b, a_b) - y_b)^2 / 2,  i = 1, 2                      (eq. 6)
 *     phi <- phi - lambda grad mean_b (alpha log pi(a~_b|s_b) - min_i Q_i(s_b, a~_b))                      (eq. 7, 17)
 *     theta'_i <- tau theta_i + (1 - tau) theta'_i
 * </pre>
 * The alpha in the targets and the actor loss is the value before this step's temperature update;
 * a fixed {@code ent_coef} replaces the temperature update. The actor MLP has two heads, mu and
 * log sigma (d each). Draws: eps for the batch's s, then for its s' (row by row), from {@code learner}.
 */
final class Sac implements Learner {
    private final OffPolicyConfig.Settings s;
    private final int obsDim, d, batch;
    final Mlp actor;
    final Critics critics;
    final Param logAlpha;
    final Optimizer actorOptimizer, alphaOptimizer; // alphaOptimizer null for a fixed alpha
    private final double targetEntropy;
    private final List<Param> params = new ArrayList<>();
    Rng rng;
    private long updates;

    private final Mlp.Pass actorB, actorNext, actor1;
    private final Tensor inB, inNext, in1;
    private final float[] aPi, aNext;
    private final double[] epsPi, uPi, logpPi, logpNext, q, dQda, lastStd;
    private final double[] e1, u1, l1;

    Sac(OffPolicyConfig.Settings s, Backend backend, int obsDim, int actDim, Rng root) {
        this.s = s;
        this.obsDim = obsDim;
        this.d = actDim;
        this.batch = s.batchSize();
        Rng init = root.child("init");
        actor = new Mlp(backend, obsDim, s.network().widths(), s.network().activation(), 2 * d, 0.01, init.child("actor"));
        critics = new Critics(s, backend, obsDim, d, init);
        Tensor la = Tensor.zeros(1);
        la.data()[0] = (float) Math.log(s.entCoef() != null ? s.entCoef() : s.entCoefInit());
        logAlpha = Param.trainable("log_alpha", la);
        targetEntropy = s.targetEntropy() != null ? s.targetEntropy() : -d;
        actorOptimizer = s.optimizer().create(null, actor.params(), 0.9);
        alphaOptimizer = s.entCoef() == null ? s.optimizer().create(null, List.of(logAlpha), 0.9) : null;
        params.addAll(actor.params());
        params.addAll(critics.params);
        rng = root.child("learner");
        actorB = actor.pass(batch);
        actorNext = actor.pass(batch);
        actor1 = actor.pass(1);
        inB = Tensor.zeros(batch, obsDim);
        inNext = Tensor.zeros(batch, obsDim);
        in1 = Tensor.zeros(1, obsDim);
        aPi = new float[batch * d];
        aNext = new float[batch * d];
        epsPi = new double[batch * d];
        uPi = new double[batch * d];
        logpPi = new double[batch];
        logpNext = new double[batch];
        q = new double[batch];
        dQda = new double[batch * d];
        lastStd = new double[d];
        e1 = new double[d];
        u1 = new double[d];
        l1 = new double[d];
    }

    double alpha() {
        return Math.exp(logAlpha.value().data()[0]);
    }

    /**
     * Samples a = tanh(mu + sigma eps) for every row of the actor's output {@code y} ({@code rows x 2d}),
     * eps from {@code r}; writes a, and eps and u when given, and log pi per row.
     */
    private void sample(float[] y, int rows, Rng r, float[] a, double[] eps, double[] u, double[] logp) {
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < d; j++) {
                double ls = SquashedGaussian.clampLogStd(y[b * 2 * d + d + j]);
                double e = r.gaussian(), uj = y[b * 2 * d + j] + Math.exp(ls) * e;
                e1[j] = e;
                u1[j] = uj;
                l1[j] = ls;
                a[b * d + j] = (float) FdlibmMath.tanh(uj);
                if (eps != null) {
                    eps[b * d + j] = e;
                    u[b * d + j] = uj;
                }
            }
            logp[b] = SquashedGaussian.logProb(e1, l1, u1, d);
        }
    }

    @Override
    public void explore(float[] obs, Rng r, float[] action) {
        System.arraycopy(obs, 0, in1.data(), 0, obsDim);
        float[] y = actor.forward(actor1, in1).data();
        sample(y, 1, r, action, null, null, new double[1]);
    }

    @Override
    public void deterministic(float[] obs, float[] action) {
        System.arraycopy(obs, 0, in1.data(), 0, obsDim);
        float[] y = actor.forward(actor1, in1).data();
        for (int j = 0; j < d; j++) {
            action[j] = (float) FdlibmMath.tanh(y[j]);
            lastStd[j] = Math.exp(SquashedGaussian.clampLogStd(y[d + j]));
        }
    }

    @Override
    public double[] lastStd() {
        return lastStd.clone();
    }

    @Override
    public Stats update(Batch bt) {
        int n = bt.size();
        System.arraycopy(bt.obs(), 0, inB.data(), 0, n * obsDim);
        System.arraycopy(bt.next(), 0, inNext.data(), 0, n * obsDim);
        // a~ ~ pi(.|s), reparameterised
        float[] y = actor.forward(actorB, inB).data();
        sample(y, n, rng, aPi, epsPi, uPi, logpPi);
        double alpha = alpha(), meanLogp = 0;
        for (int b = 0; b < n; b++) meanLogp += logpPi[b] / n;
        // temperature: dJ/dlog alpha = -mean_b (log pi_b + H_target)
        if (alphaOptimizer != null) {
            alphaOptimizer.zeroGrad();
            logAlpha.grad().data()[0] = (float) temperatureGradient(meanLogp, targetEntropy);
            alphaOptimizer.step();
        }
        // soft target from the target critics at a' ~ pi(.|s')
        float[] yNext = actor.forward(actorNext, inNext).data();
        sample(yNext, n, rng, aNext, null, null, logpNext);
        double[] minNext = critics.targetMin(bt.next(), aNext, n);
        double[] target = new double[n];
        for (int b = 0; b < n; b++) target[b] = bt.rewards()[b] + bt.discounts()[b] * (minNext[b] - alpha * logpNext[b]);
        double[] losses = critics.update(bt.obs(), bt.actions(), target, n);
        // actor: J = mean_b alpha log pi(a~_b|s_b) - min_i Q_i(s_b, a~_b)
        critics.actionGradient(bt.obs(), aPi, n, true, q, dQda);
        float[] dy = actorB.dy.data();
        double actorLoss = 0;
        for (int b = 0; b < n; b++) {
            actorLoss += (alpha * logpPi[b] - q[b]) / n;
            for (int j = 0; j < d; j++) {
                int k = b * d + j;
                double a = aPi[k], sigma = Math.exp(SquashedGaussian.clampLogStd(y[b * 2 * d + d + j]));
                dy[b * 2 * d + j] = (float) (SquashedGaussian.actorDMu(a, alpha, dQda[k]) / n);
                dy[b * 2 * d + d + j] = SquashedGaussian.clamped(y[b * 2 * d + d + j]) ? 0f
                        : (float) (SquashedGaussian.actorDLogStd(a, sigma, epsPi[k], alpha, dQda[k]) / n);
            }
        }
        actorOptimizer.zeroGrad();
        actor.backward(actorB);
        actorOptimizer.step();
        critics.polyak(s.tau());
        updates++;
        return new Stats(losses[0], losses[1], actorLoss, alpha, -meanLogp);
    }

    /** dJ(alpha)/d log alpha for J = -log alpha (mean log pi + H_target) (eq. 18 with alpha = exp(log alpha)). */
    static double temperatureGradient(double meanLogProb, double targetEntropy) {
        return -(meanLogProb + targetEntropy);
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    /** The update count, the learner stream, the actor and its optimizer, the critics, alpha and its optimizer. */
    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        StateIO.writeLongs(out, rng.saveState());
        StateIO.writeParams(out, actor.params());
        StateIO.writeOptimizer(out, actorOptimizer);
        critics.write(out);
        StateIO.writeParams(out, List.of(logAlpha));
        if (alphaOptimizer != null) StateIO.writeOptimizer(out, alphaOptimizer);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        updates = in.readLong();
        rng = Rng.restore(StateIO.readLongs(in));
        StateIO.readParams(in, actor.params());
        StateIO.readOptimizer(in, actorOptimizer);
        critics.read(in);
        StateIO.readParams(in, List.of(logAlpha));
        if (alphaOptimizer != null) StateIO.readOptimizer(in, alphaOptimizer);
    }
}
