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
 * Twin delayed DDPG (Fujimoto et al., "Addressing Function Approximation Error in Actor-Critic
 * Methods", 2018, Algorithm 1), one gradient step:
 * <pre>
 *   sample (s, a, r, s', d) from D
 *   a' = clip(pi_phi'(s') + clip(N(0, sigma~), -c, c), -1, 1)              target policy smoothing
 *   y  = r + d min_{i=1,2} Q_theta'_i(s', a')                                clipped double Q
 *   theta_i <- argmin mean_b (y_b - Q_theta_i(s_b, a_b))^2 / 2              one optimizer step
 *   if t mod policy_delay = 0:                                               delayed policy updates
 *     phi <- phi + lambda mean_b grad_a Q_theta_1(s_b, a)|a=pi_phi(s_b) grad_phi pi_phi(s_b)
 *     theta'_i <- tau theta_i + (1 - tau) theta'_i;  phi' <- tau phi + (1 - tau) phi'
 * </pre>
 * pi_phi(s) = tanh of the actor MLP's output. Exploration acts with pi_phi(s) + N(0, action_noise),
 * clipped to [-1, 1]. DDPG (Lillicrap et al., 2016) is this with one critic, sigma~ = 0 and
 * policy_delay 1. Draws: the smoothing noise row by row from {@code learner}.
 */
final class Td3 implements Learner {
    private final OffPolicyConfig.Settings s;
    private final int obsDim, d, batch;
    final Mlp actor, actorTarget;
    final Critics critics;
    final Optimizer actorOptimizer;
    private final List<Param> params = new ArrayList<>();
    Rng rng;
    private long updates;

    private final Mlp.Pass actorB, actorTargetB, actor1;
    private final Tensor inB, inNext, in1;
    private final float[] aPi, aNext;
    private final double[] q, dQda, noiseStd;

    Td3(OffPolicyConfig.Settings s, Backend backend, int obsDim, int actDim, Rng root) {
        this.s = s;
        this.obsDim = obsDim;
        this.d = actDim;
        this.batch = s.batchSize();
        Rng init = root.child("init");
        actor = new Mlp(backend, obsDim, s.network().widths(), s.network().activation(), d, 0.01, init.child("actor"));
        actorTarget = new Mlp(backend, obsDim, s.network().widths(), s.network().activation(), d, 0.01, init.child("actor"));
        critics = new Critics(s, backend, obsDim, d, init);
        actorOptimizer = s.optimizer().create(null, actor.params(), 0.9);
        params.addAll(actor.params());
        params.addAll(critics.params);
        rng = root.child("learner");
        actorB = actor.pass(batch);
        actorTargetB = actorTarget.pass(batch);
        actor1 = actor.pass(1);
        inB = Tensor.zeros(batch, obsDim);
        inNext = Tensor.zeros(batch, obsDim);
        in1 = Tensor.zeros(1, obsDim);
        aPi = new float[batch * d];
        aNext = new float[batch * d];
        q = new double[batch];
        dQda = new double[batch * d];
        noiseStd = new double[d];
        java.util.Arrays.fill(noiseStd, s.actionNoise());
    }

    @Override
    public void explore(float[] obs, Rng r, float[] action) {
        deterministic(obs, action);
        for (int j = 0; j < d; j++) action[j] = (float) clip(action[j] + s.actionNoise() * r.gaussian(), 1);
    }

    @Override
    public void deterministic(float[] obs, float[] action) {
        System.arraycopy(obs, 0, in1.data(), 0, obsDim);
        float[] y = actor.forward(actor1, in1).data();
        for (int j = 0; j < d; j++) action[j] = (float) FdlibmMath.tanh(y[j]);
    }

    @Override
    public double[] lastStd() {
        return noiseStd.clone();
    }

    static double clip(double x, double c) {
        return Math.min(Math.max(x, -c), c);
    }

    /** Target policy smoothing: the target actor's action plus clipped noise, clipped to [-1, 1] (Algorithm 1, line 12). */
    static double smoothed(double targetAction, double noise, double sigma, double noiseClip) {
        return clip(targetAction + clip(sigma * noise, noiseClip), 1);
    }

    /** dJ/dy_j of the actor's loss J = -Q_1(s, tanh(y)) at a_j = tanh(y_j), given dQ_1/da_j. */
    static double actorGradient(double a, double dQda) {
        return -dQda * (1 - a * a);
    }

    @Override
    public Stats update(Batch bt) {
        int n = bt.size();
        System.arraycopy(bt.next(), 0, inNext.data(), 0, n * obsDim);
        float[] yt = actorTarget.forward(actorTargetB, inNext).data();
        double sigma = s.targetPolicyNoise(), c = s.targetNoiseClip();
        for (int k = 0; k < n * d; k++) {
            double noise = sigma > 0 ? rng.gaussian() : 0;
            aNext[k] = (float) smoothed(FdlibmMath.tanh(yt[k]), noise, sigma, c);
        }
        double[] minNext = critics.targetMin(bt.next(), aNext, n);
        double[] target = new double[n];
        for (int b = 0; b < n; b++) target[b] = bt.rewards()[b] + bt.discounts()[b] * minNext[b];
        double[] losses = critics.update(bt.obs(), bt.actions(), target, n);
        updates++;
        double actorLoss = Double.NaN;
        if (updates % s.policyDelay() == 0) {
            System.arraycopy(bt.obs(), 0, inB.data(), 0, n * obsDim);
            float[] y = actor.forward(actorB, inB).data();
            for (int k = 0; k < n * d; k++) aPi[k] = (float) FdlibmMath.tanh(y[k]);
            critics.actionGradient(bt.obs(), aPi, n, false, q, dQda);
            float[] dy = actorB.dy.data();
            actorLoss = 0;
            for (int b = 0; b < n; b++) {
                actorLoss -= q[b] / n;
                for (int j = 0; j < d; j++) {
                    int k = b * d + j;
                    dy[k] = (float) (actorGradient(aPi[k], dQda[k]) / n);
                }
            }
            actorOptimizer.zeroGrad();
            actor.backward(actorB);
            actorOptimizer.step();
            critics.polyak(s.tau());
            Polyak.average(actor.params(), actorTarget.params(), s.tau());
        }
        return new Stats(losses[0], critics.count() > 1 ? losses[1] : Double.NaN, actorLoss, Double.NaN, Double.NaN);
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    /** The update count, the learner stream, the actor, its target and optimizer, the critics. */
    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        StateIO.writeLongs(out, rng.saveState());
        StateIO.writeParams(out, actor.params());
        StateIO.writeParams(out, actorTarget.params());
        StateIO.writeOptimizer(out, actorOptimizer);
        critics.write(out);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        updates = in.readLong();
        rng = Rng.restore(StateIO.readLongs(in));
        StateIO.readParams(in, actor.params());
        StateIO.readParams(in, actorTarget.params());
        StateIO.readOptimizer(in, actorOptimizer);
        critics.read(in);
    }
}
