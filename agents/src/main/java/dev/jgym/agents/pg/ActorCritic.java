package dev.jgym.agents.pg;

import dev.jgym.nn.io.StateIO;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Recurrent;
import dev.jgym.nn.optim.GradClip;
import dev.jgym.nn.optim.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The actor pi(a|s) (an MLP giving a {@link Categorical}'s logits or a {@link DiagGaussian}'s
 * mean, plus its state-independent log sigma) and the critic V(s) (a separate MLP), trained
 * together on each rollout by one optimizer over
 * <pre>
 *   L = L_pi + vf_coef mean_b (R_b - V_b)^2 - ent_coef mean_b H_b
 *   PPO (Schulman et al., 2017, Algorithm 1): L_pi = mean_b -min(r_b A_b, clip(r_b, 1 - eps, 1 + eps) A_b)
 *        over n_epochs passes of shuffled minibatches, A_b normalised per minibatch
 *   A2C (Mnih et al., 2016):                  L_pi = mean_b -A_b log pi(a_b|s_b), one update on the whole rollout
 * </pre>
 * with A from {@link Gae}, gradients clipped by global norm, and the learning rate and eps falling
 * linearly to 0 when the schedule is {@code linear} (the fraction of the run left, taken at each
 * update, as Stable-Baselines3 does).
 *
 * <p>Recurrent PPO ({@code recurrent} in the settings): each MLP reads the output of its own
 * {@link RecurrentCore} instead of the observation; a minibatch is {@code batch_size / n_steps}
 * whole env sequences (the envs shuffled each epoch), as CleanRL's {@code ppo_atari_lstm} and
 * sb3-contrib's {@code RecurrentPPO}.
 *
 * <p>Action masks ({@code action_mask}): acting samples among the legal actions only, and the
 * update computes log pi, the ratio and the entropy under the mask stored with each step, so a
 * masked logit gets no gradient ({@link Categorical}).
 *
 * <p>Random numbers: actions from {@code policy}, minibatch orders from {@code minibatch}. Passes
 * are preallocated for the N envs, for one observation (greedy play) and for a minibatch.
 */
final class ActorCritic {
    private final PgConfig.PgSettings s;
    private final int obsDim, actions, actionDim; // actions: Discrete n (0 for Box); actionDim: 1 or the Box size
    private final float[] low, high;
    final Mlp actor, critic;
    final Param logStd; // Box only
    final RecurrentCore actorCore, criticCore; // recurrent PPO only
    private final List<Param> params = new ArrayList<>();
    final Optimizer optimizer;
    private double lrFactor = 1;
    Rng policy, minibatch;
    long updates;

    private final Mlp.Pass actorN, criticN, actor1, critic1, actorB, criticB;
    private final Tensor inN, in1, inB, featuresActor, featuresCritic, dFeaturesActor, dFeaturesCritic;
    private final double[] logp;
    private final double[] dLogStd;
    private final int[] order, envOrder;

    ActorCritic(PgConfig.PgSettings s, Backend backend, int obsDim, Space<?> actionSpace, Rng root) {
        this.s = s;
        this.obsDim = obsDim;
        int out;
        if (actionSpace instanceof Discrete d) {
            actions = d.n();
            actionDim = 1;
            low = high = null;
            out = actions;
        } else {
            Box b = (Box) actionSpace;
            actions = 0;
            actionDim = b.size();
            low = b.low().clone();
            high = b.high().clone();
            out = actionDim;
        }
        Rng init = root.child("init");
        PgConfig.NetworkSettings net = s.network();
        PgConfig.RecurrentSettings rec = s.recurrent();
        int features = obsDim;
        if (rec != null) {
            Recurrent.Cell cell = Recurrent.Cell.byId(rec.cell());
            actorCore = new RecurrentCore(backend, cell, obsDim, rec.hidden(), s.nEnvs(), s.nSteps(), init.child("actor_core"));
            criticCore = new RecurrentCore(backend, cell, obsDim, rec.hidden(), s.nEnvs(), s.nSteps(), init.child("critic_core"));
            features = rec.hidden();
            params.addAll(actorCore.params());
        } else {
            actorCore = criticCore = null;
        }
        actor = new Mlp(backend, features, net.widths(), net.activation(), out, 0.01, init.child("actor"));
        critic = new Mlp(backend, features, net.widths(), net.activation(), 1, 1.0, init.child("critic"));
        params.addAll(actor.params());
        if (criticCore != null) params.addAll(criticCore.params());
        params.addAll(critic.params());
        if (actions == 0) {
            Tensor ls = Tensor.zeros(actionDim);
            java.util.Arrays.fill(ls.data(), net.logStdInit().floatValue());
            logStd = Param.trainable("log_std", ls);
            params.add(logStd);
        } else {
            logStd = null;
        }
        optimizer = s.optimizer().create(null, params, 0.9).schedule(t -> lrFactor);
        policy = root.child("policy");
        minibatch = root.child("minibatch");
        int n = s.nEnvs(), b = s.batchSize();
        actorN = actor.pass(n);
        criticN = critic.pass(n);
        actor1 = actor.pass(1);
        critic1 = critic.pass(1);
        actorB = actor.pass(b);
        criticB = critic.pass(b);
        inN = Tensor.zeros(n, obsDim);
        in1 = Tensor.zeros(1, obsDim);
        inB = Tensor.zeros(b, obsDim);
        featuresActor = rec == null ? null : Tensor.zeros(b, features);
        featuresCritic = rec == null ? null : Tensor.zeros(b, features);
        dFeaturesActor = rec == null ? null : Tensor.zeros(b, features);
        dFeaturesCritic = rec == null ? null : Tensor.zeros(b, features);
        envOrder = new int[n];
        logp = new double[Math.max(actions, 1)];
        dLogStd = new double[actionDim];
        order = new int[s.rolloutSize()];
    }

    boolean recurrent() {
        return actorCore != null;
    }

    boolean discrete() {
        return actions > 0;
    }

    int actionDim() {
        return actionDim;
    }

    List<Param> params() {
        return params;
    }

    /**
     * Samples an action for each of the N observations {@code obs} (among the legal ones of
     * {@code masks}, {@code [N * n]}, when not null) and stores step t of the rollout
     * (observations, masks, actions, values, log-probabilities); the env's actions go to
     * {@code envDiscrete} or, clipped to the bounds, to {@code envBox}.
     */
    void act(float[] obs, byte[] masks, Rollout r, int t, int[] envDiscrete, float[] envBox) {
        int n = s.nEnvs();
        System.arraycopy(obs, 0, r.observations, t * n * obsDim, n * obsDim);
        if (masks != null) System.arraycopy(masks, 0, r.masks, t * n * actions, n * actions);
        float[] out, v;
        if (recurrent()) {
            if (t == 0) {
                actorCore.markRolloutStart();
                criticCore.markRolloutStart();
            }
            out = actor.forward(actorN, actorCore.step(obs)).data();
            v = critic.forward(criticN, criticCore.step(obs)).data();
        } else {
            System.arraycopy(obs, 0, inN.data(), 0, n * obsDim);
            out = actor.forward(actorN, inN).data();
            v = critic.forward(criticN, inN).data();
        }
        for (int i = 0; i < n; i++) {
            int k = t * n + i;
            r.values[k] = v[i];
            if (discrete()) {
                Categorical.logProbs(out, i * actions, actions, masks, i * actions, logp);
                int a = Categorical.sample(logp, actions, policy);
                if (a < 0) throw new IllegalStateException("sub-env " + i + ": the action mask allows no action on an observation to act on");
                r.discreteActions[k] = a;
                r.logProbs[k] = (float) logp[a];
                envDiscrete[i] = a;
            } else {
                DiagGaussian.sample(out, i * actionDim, logStd.value().data(), actionDim, policy, r.boxActions, k * actionDim);
                r.logProbs[k] = (float) DiagGaussian.logProb(r.boxActions, k * actionDim, out, i * actionDim, logStd.value().data(), actionDim);
                DiagGaussian.clip(r.boxActions, k * actionDim, low, high, envBox, i * actionDim);
            }
        }
    }

    /** V(s) of the N observations {@code obs} into {@code out} (recurrent: from the carried states, which stay as they are). */
    void values(float[] obs, float[] out) {
        int n = s.nEnvs();
        if (recurrent()) {
            System.arraycopy(critic.forward(criticN, criticCore.peek(obs)).data(), 0, out, 0, n);
            return;
        }
        System.arraycopy(obs, 0, inN.data(), 0, n * obsDim);
        System.arraycopy(critic.forward(criticN, inN).data(), 0, out, 0, n);
    }

    /** The episodes of the envs with {@code done[i]} ended (after their step's values): recurrent states back to zero. */
    void episodesEnded(boolean[] done) {
        if (!recurrent()) return;
        actorCore.episodesEnded(done);
        criticCore.episodesEnded(done);
    }

    /** A greedy episode starts (recurrent: its memory at zero). */
    void startEpisode() {
        if (recurrent()) actorCore.startEpisode();
    }

    /** The actor's output for one observation of a greedy episode (recurrent: the memory moves on). */
    private float[] actorOutput(float[] observation) {
        if (recurrent()) return actor.forward(actor1, actorCore.evaluationStep(observation)).data();
        System.arraycopy(observation, 0, in1.data(), 0, obsDim);
        return actor.forward(actor1, in1).data();
    }

    /** The greedy action of one observation: the most probable (Discrete), among the legal ones of {@code mask} when not null. */
    int greedy(float[] observation, byte[] mask) {
        Categorical.logProbs(actorOutput(observation), 0, actions, mask, 0, logp);
        int a = Categorical.mode(logp, actions);
        if (a < 0) throw new IllegalStateException("the action mask allows no action on an observation to act on");
        return a;
    }

    /** The action probabilities of the observation {@link #greedy(float[], byte[])} last chose for (Discrete; 0 where masked). */
    double[] lastProbabilities() {
        double[] p = new double[actions];
        for (int a = 0; a < actions; a++) p[a] = Math.exp(logp[a]);
        return p;
    }

    /** The deterministic action of one observation: the Gaussian's mean, clipped to the bounds (Box). */
    void greedy(float[] observation, float[] action) {
        DiagGaussian.clip(actorOutput(observation), 0, low, high, action, 0);
    }

    /** What one update reports (means over its minibatches). */
    record Stats(double policyLoss, double valueLoss, double entropy, double approxKl, double clipFraction, double explainedVariance,
                 double learningRate, double clipRange, double std) {
        boolean finite() {
            return Double.isFinite(policyLoss) && Double.isFinite(valueLoss) && Double.isFinite(entropy);
        }
    }

    /**
     * Advantages and value targets for rollout r (its last values filled), then the update; {@code
     * remaining} is the fraction of the run left (1 - steps done / total), which scales the learning
     * rate and eps under the linear schedule.
     */
    Stats update(Rollout r, double remaining) {
        double factor = s.schedule().equals("linear") ? remaining : 1;
        lrFactor = factor;
        double clip = s.clipRange() * factor;
        Gae.compute(r.steps, r.envs, r.rewards, r.values, r.terminated, r.truncated, r.finalValues, r.lastValues, s.gamma(), s.gaeLambda(),
                r.advantages, r.returns);
        int size = r.size(), b = s.batchSize();
        double pgSum = 0, vSum = 0, hSum = 0, klSum = 0, clipSum = 0, lr = 0;
        int batches = 0;
        float[] x = inB.data();
        float[] ls = logStd == null ? null : logStd.value().data();
        int steps = r.steps, n = r.envs;
        for (int epoch = 0; epoch < s.nEpochs(); epoch++) {
            if (recurrent()) { // whole env sequences: env envOrder[m] is rows m T .. m T + T - 1
                for (int i = 0; i < n; i++) envOrder[i] = i;
                if (s.ppo()) minibatch.shuffle(envOrder);
                for (int m = 0; m < n; m++) for (int t = 0; t < steps; t++) order[m * steps + t] = t * n + envOrder[m];
            } else {
                for (int k = 0; k < size; k++) order[k] = k;
                if (s.ppo()) minibatch.shuffle(order);
            }
            for (int start = 0; start < size; start += b) {
                float[] y, v;
                if (recurrent()) {
                    RecurrentCore.Segments q = RecurrentCore.Segments.of(r, envOrder, start / steps, b / steps);
                    y = actor.forward(actorB, actorCore.unroll(q, featuresActor)).data();
                    v = critic.forward(criticB, criticCore.unroll(q, featuresCritic)).data();
                } else {
                    for (int j = 0; j < b; j++) System.arraycopy(r.observations, order[start + j] * obsDim, x, j * obsDim, obsDim);
                    y = actor.forward(actorB, inB).data();
                    v = critic.forward(criticB, inB).data();
                }
                double mean = 0, std = 1;
                if (s.normalizeAdvantage() && b > 1) {
                    for (int j = 0; j < b; j++) mean += r.advantages[order[start + j]];
                    mean /= b;
                    double ss = 0;
                    for (int j = 0; j < b; j++) {
                        double d = r.advantages[order[start + j]] - mean;
                        ss += d * d;
                    }
                    std = Math.sqrt(ss / (b - 1)) + 1e-8; // torch's unbiased std, as SB3
                }
                float[] dy = actorB.dy.data(), dv = criticB.dy.data();
                java.util.Arrays.fill(dLogStd, 0);
                double pg = 0, vl = 0, h = 0, kl = 0, clipped = 0;
                double gEnt = -s.entCoef() / b;
                for (int j = 0; j < b; j++) {
                    int k = order[start + j];
                    double adv = (r.advantages[k] - mean) / std;
                    double lp, ent;
                    if (discrete()) {
                        Categorical.logProbs(y, j * actions, actions, r.masks, k * actions, logp);
                        lp = logp[r.discreteActions[k]];
                        ent = Categorical.entropy(logp, actions);
                    } else {
                        lp = DiagGaussian.logProb(r.boxActions, k * actionDim, y, j * actionDim, ls, actionDim);
                        ent = DiagGaussian.entropy(ls, actionDim);
                    }
                    double g;
                    if (s.ppo()) {
                        pg += ClippedObjective.loss(lp, r.logProbs[k], adv, clip);
                        g = ClippedObjective.gradient(lp, r.logProbs[k], adv, clip) / b;
                        if (ClippedObjective.clipped(lp, r.logProbs[k], clip)) clipped++;
                    } else {
                        pg += -adv * lp;
                        g = -adv / b;
                    }
                    double logRatio = lp - r.logProbs[k];
                    kl += Math.expm1(logRatio) - logRatio;
                    h += ent;
                    if (discrete()) Categorical.backward(logp, actions, r.discreteActions[k], g, gEnt, dy, j * actions);
                    else DiagGaussian.backward(r.boxActions, k * actionDim, y, j * actionDim, ls, actionDim, g, dy, dLogStd);
                    double vc = ClippedObjective.clippedValue(v[j], r.values[k], s.clipRangeVf());
                    vl += (r.returns[k] - vc) * (r.returns[k] - vc);
                    dv[j] = (float) (s.vfCoef() * ClippedObjective.valueGradient(v[j], r.values[k], r.returns[k], s.clipRangeVf()) / b);
                }
                optimizer.zeroGrad();
                if (recurrent()) {
                    actor.backward(actorB, true, dFeaturesActor);
                    actorCore.backward(dFeaturesActor);
                    critic.backward(criticB, true, dFeaturesCritic);
                    criticCore.backward(dFeaturesCritic);
                } else {
                    actor.backward(actorB);
                    critic.backward(criticB);
                }
                if (logStd != null) {
                    float[] gl = logStd.grad().data();
                    for (int j = 0; j < actionDim; j++) gl[j] += (float) (dLogStd[j] + gEnt * b); // entropy: dH/dlog sigma_j = 1 per row
                }
                if (s.maxGradNorm() > 0) GradClip.byGlobalNorm(params, s.maxGradNorm());
                lr = optimizer.step();
                updates++;
                pgSum += pg / b;
                vSum += vl / b;
                hSum += h / b;
                klSum += kl / b;
                clipSum += clipped / b;
                batches++;
            }
        }
        double std = Double.NaN;
        if (ls != null) {
            std = 0;
            for (float l : ls) std += Math.exp(l);
            std /= actionDim;
        }
        return new Stats(pgSum / batches, vSum / batches, hSum / batches, klSum / batches, clipSum / batches, r.explainedVariance(), lr,
                s.ppo() ? clip : Double.NaN, std);
    }

    /**
     * The update count, the policy and minibatch streams, the parameters (actor, critic, log sigma)
     * and the optimizer's state; recurrent: then the cores' carried states.
     */
    void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        StateIO.writeLongs(out, policy.saveState());
        StateIO.writeLongs(out, minibatch.saveState());
        StateIO.writeParams(out, params);
        StateIO.writeOptimizer(out, optimizer);
        if (recurrent()) {
            actorCore.write(out);
            criticCore.write(out);
        }
    }

    void read(DataInputStream in) throws IOException {
        updates = in.readLong();
        policy = Rng.restore(StateIO.readLongs(in));
        minibatch = Rng.restore(StateIO.readLongs(in));
        StateIO.readParams(in, params);
        StateIO.readOptimizer(in, optimizer);
        if (recurrent()) {
            actorCore.read(in);
            criticCore.read(in);
        }
    }
}
