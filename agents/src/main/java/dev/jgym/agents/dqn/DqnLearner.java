package dev.jgym.agents.dqn;

import dev.jgym.nn.io.StateIO;
import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import dev.jgym.nn.optim.OptimizerConfig;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.optim.GradClip;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;

/**
 * Deep Q-learning (Mnih et al., 2015, Algorithm 1) with its common extensions, one switch each:
 * <pre>
 *   act:     a = random with probability epsilon, else argmax_a Q(s, a; theta)  (ez-greedy: a random action
 *            held for a drawn number of steps, see {@link Exploration})
 *   store:   (s, a, R, s', discount) in the replay buffer (n-step R, see {@link NStepReturns});
 *            in an imitation run R is replaced at sampling by the discriminator's reward ({@link AdversarialImitation})
 *   target:  y = R + discount * Q(s', argmax_a' Q(s', a'; theta^-); theta^-)      DQN
 *            y = R + discount * Q(s', argmax_a' Q(s', a'; theta);   theta^-)      Double DQN (van Hasselt et al., 2016)
 *   loss:    L = mean_i w_i l(Q(s_i, a_i; theta) - y_i),  l = Huber or squared error,
 *            w_i = 1, or the importance weights of prioritized replay (Schaul et al., 2016)
 *   update:  theta <- optimizer(theta, grad L) after clipping by global norm;
 *            theta^- <- tau theta + (1 - tau) theta^- every target_update_interval steps (tau = 1: copy)
 * </pre>
 * Termination versus truncation: discount is 0 only when s' is terminal; after a time-limit
 * truncation the target still bootstraps from s'.
 *
 * <p>Everything a step touches is preallocated: the minibatch arrays, the network passes and the
 * loss buffers. Random numbers come from two streams: {@code explore} (epsilon-greedy or ez-greedy, see {@link Exploration}) and
 * {@code replay} (minibatch draws).
 */
public final class DqnLearner implements Learner {
    private final DqnConfig.DqnSettings s;
    private final Backend backend;
    private final int obsDim, actions, batch;
    final QNetwork online, target;
    final Optimizer optimizer;
    final ReplayBuffer buffer;
    final NStepReturns nStep;
    final Exploration exploration;
    Rng replay;
    long updates;
    /** Adversarial imitation's reward for sampled transitions, or null: the stored rewards. */
    AdversarialImitation imitation;

    @Override
    public AdversarialImitation imitation() {
        return imitation;
    }

    // minibatch and pass buffers
    private final QNetwork.Pass actPass, trainPass, nextOnlinePass, nextTargetPass;
    private final Tensor states, nextStates, actInput;
    private final int[] batchActions, indices;
    private final float[] batchRewards, batchDiscounts, weights, y, pred, tdErrors, grad;

    /** A learner on one-dimensional observations of {@code obsDim} values (no encoder). */
    public DqnLearner(DqnConfig.DqnSettings settings, Backend backend, int obsDim, int actions, Rng seed) {
        this(settings, backend, obsDim, new int[] {obsDim}, 0f, actions, seed, "the config");
    }

    /**
     * A learner that reads observations through {@code view}: its shape feeds the network's encoder
     * (if the settings have one), and compact views keep the replay buffer in bytes. Encoder
     * mistakes are {@link dev.jgym.core.config.UserError}s naming {@code source}.
     */
    public DqnLearner(DqnConfig.DqnSettings settings, Backend backend, ObservationView view, int actions, Rng seed, String source) {
        this(settings, backend, view.size(), view.shape(), view.compact() ? view.scale() : 0f, actions, seed, source);
    }

    private DqnLearner(DqnConfig.DqnSettings settings, Backend backend, int obsDim, int[] inputShape, float byteScale, int actions, Rng seed, String source) {
        this.s = settings;
        this.backend = backend;
        this.obsDim = obsDim;
        this.actions = actions;
        this.batch = settings.batchSize();
        this.online = network(settings, backend, obsDim, inputShape, actions, seed, source);
        this.target = network(settings, backend, obsDim, inputShape, actions, seed, source);
        target.copyFrom(online);
        this.optimizer = optimizer(settings.optimizer(), online.params());
        DqnConfig.PrioritizedSettings per = settings.prioritized();
        this.buffer = new ReplayBuffer(settings.bufferSize(), obsDim, per != null, per == null ? 0 : per.alpha(), byteScale);
        this.nStep = new NStepReturns(settings.nStep(), settings.gamma(), obsDim);
        this.exploration = new Exploration(settings.exploration(), actions, seed.child("explore"));
        this.replay = seed.child("replay");

        actPass = online.pass(1);
        trainPass = online.pass(batch);
        nextOnlinePass = settings.doubleQ() ? online.pass(batch) : null;
        nextTargetPass = target.pass(batch);
        actInput = Tensor.zeros(1, obsDim);
        states = Tensor.zeros(batch, obsDim);
        nextStates = Tensor.zeros(batch, obsDim);
        batchActions = new int[batch];
        indices = new int[batch];
        batchRewards = new float[batch];
        batchDiscounts = new float[batch];
        weights = new float[batch];
        y = new float[batch];
        pred = new float[batch];
        tdErrors = new float[batch];
        grad = new float[batch];
    }

    /** The network the settings describe, weights from {@code seed.child("init")} (the encoder's from its child "encoder"). */
    static QNetwork network(DqnConfig.DqnSettings s, Backend backend, int obsDim, int[] inputShape, int actions, Rng seed, String source) {
        int[] hidden = s.network().hidden().stream().mapToInt(Integer::intValue).toArray();
        Init init = Init.parse(s.network().init());
        Rng r = seed.child("init");
        Encoder encoder = s.network().encoder() == null ? null
                : Encoder.build(s.network().encoder(), inputShape, backend, init, r.child("encoder"), source, "$.dqn.network.encoder");
        return new QNetwork(backend, encoder, obsDim, hidden, s.network().activation(), actions, s.dueling(), init, r);
    }

    static Optimizer optimizer(OptimizerConfig o, java.util.List<dev.jgym.nn.Param> ps) {
        return o.create(null, ps, 0.9);
    }

    public QNetwork online() {
        return online;
    }

    public ReplayBuffer buffer() {
        return buffer;
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public int stored() {
        return buffer.size();
    }

    @Override
    public void startEpisode() {
        exploration.endRun();
    }

    @Override
    public java.util.List<dev.jgym.nn.Param> params() {
        return online.params();
    }

    @Override
    public dev.jgym.nn.layers.Sequential model() {
        return online.asSequential();
    }

    /** Stateless: the learner's own {@link #greedy}. */
    @Override
    public Actor greedyActor() {
        return new Actor() {
            @Override
            public void reset() {}

            @Override
            public int greedy(float[] observation) {
                return DqnLearner.this.greedy(observation);
            }

            @Override
            public float[] lastValues() {
                return DqnLearner.this.lastValues();
            }
        };
    }

    /** Epsilon-greedy (one uniform draw decides, a second picks the random action) or ez-greedy. */
    @Override
    public int act(float[] observation, double epsilon) {
        int a = exploration.next(epsilon);
        return a >= 0 ? a : greedy(observation);
    }

    /** argmax_a Q(s, a), the first on ties. */
    public int greedy(float[] observation) {
        System.arraycopy(observation, 0, actInput.data(), 0, obsDim);
        float[] q = online.forward(actPass, actInput).data();
        return argmax(q, 0, actions);
    }

    /** Q(s, .) computed by the last {@link #greedy} call (the learner's buffer: read, do not keep). */
    public float[] lastValues() {
        return actPass.q().data();
    }

    /** Q(s, .) of one observation (a copy). */
    public float[] values(float[] observation) {
        System.arraycopy(observation, 0, actInput.data(), 0, obsDim);
        return online.forward(actPass, actInput).data().clone();
    }

    static int argmax(float[] q, int offset, int n) {
        int best = 0;
        for (int a = 1; a < n; a++) if (q[offset + a] > q[offset + best]) best = a;
        return best;
    }

    /** Stores one env step (through the n-step accumulator). */
    @Override
    public void observe(float[] state, int action, double reward, float[] next, boolean terminated, boolean truncated) {
        nStep.push(state, action, reward, next, terminated, truncated, buffer);
    }

    /** What one gradient step reports. */

    /**
     * One gradient step on a minibatch; {@code beta} is prioritized replay's importance exponent
     * (ignored for uniform replay). Returns the loss and the mean Q(s, a) of the minibatch.
     */
    @Override
    public StepStats trainStep(double beta) {
        buffer.sample(replay, batch, beta, indices, weights);
        buffer.gather(indices, batch, states.data(), batchActions, batchRewards, nextStates.data(), batchDiscounts);
        if (imitation != null) imitation.relabel(states.data(), batchActions, batch, batchRewards);

        float[] qNextTarget = target.forward(nextTargetPass, nextStates).data();
        float[] qNextOnline = s.doubleQ() ? online.forward(nextOnlinePass, nextStates).data() : null;
        targets(batchRewards, batchDiscounts, qNextTarget, qNextOnline, batch, actions, y);

        float[] q = online.forward(trainPass, states).data();
        double meanQ = 0;
        for (int b = 0; b < batch; b++) {
            pred[b] = q[b * actions + batchActions[b]];
            meanQ += pred[b];
        }
        double loss = loss(s.loss().equals("huber"), s.huberDelta(), pred, y, weights, batch, grad, tdErrors);

        float[] dq = trainPass.dq.data();
        java.util.Arrays.fill(dq, 0f);
        for (int b = 0; b < batch; b++) dq[b * actions + batchActions[b]] = grad[b];
        optimizer.zeroGrad();
        online.backward(trainPass);
        if (s.maxGradNorm() > 0) GradClip.byGlobalNorm(online.params(), s.maxGradNorm());
        optimizer.step();
        updates++;

        if (buffer.prioritized()) {
            for (int b = 0; b < batch; b++) buffer.updatePriority(indices[b], tdErrors[b], s.prioritized().epsilon());
        }
        return new StepStats(loss, meanQ / batch);
    }

    /**
     * The TD targets y_i = R_i + discount_i Q_target(s'_i, a*_i), where a*_i maximises Q_target
     * (DQN) or, when {@code qNextOnline} is given, Q_online (Double DQN).
     */
    static void targets(float[] rewards, float[] discounts, float[] qNextTarget, float[] qNextOnline, int batch, int actions, float[] y) {
        for (int b = 0; b < batch; b++) {
            int o = b * actions;
            int best = argmax(qNextOnline != null ? qNextOnline : qNextTarget, o, actions);
            y[b] = rewards[b] + discounts[b] * qNextTarget[o + best];
        }
    }

    /**
     * The weighted mean loss {@code (1/B) sum_i w_i l(p_i - y_i)} and its gradient with respect to
     * each p_i; tdErrors receives p_i - y_i. Huber (delta): 0.5 d^2 within delta, else
     * delta (|d| - 0.5 delta); squared error: d^2 (PyTorch's MSELoss).
     */
    static double loss(boolean huber, double delta, float[] pred, float[] y, float[] w, int batch, float[] grad, float[] tdErrors) {
        double total = 0;
        for (int b = 0; b < batch; b++) {
            double d = (double) pred[b] - y[b];
            tdErrors[b] = (float) d;
            double l, g;
            if (huber) {
                double ad = Math.abs(d);
                l = ad <= delta ? 0.5 * d * d : delta * (ad - 0.5 * delta);
                g = ad <= delta ? d : Math.copySign(delta, d);
            } else {
                l = d * d;
                g = 2 * d;
            }
            total += w[b] * l;
            grad[b] = (float) (w[b] * g / batch);
        }
        return total / batch;
    }

    /** Hard copy (tau = 1) or Polyak averaging of the online network into the target network. */
    @Override
    public void updateTarget() {
        if (s.tau() >= 1) target.copyFrom(online);
        else target.blendFrom(online, (float) (s.tau() * 1.0));
    }

    /** Linear epsilon: from start to end over the first {@code fraction} of the steps, then end. */
    public static double epsilon(DqnConfig.DqnSettings s, long step) {
        double span = s.explorationFraction() * s.totalSteps();
        if (span <= 0) return s.epsilonEnd();
        double f = Math.min(1.0, step / span);
        return s.epsilonStart() + f * (s.epsilonEnd() - s.epsilonStart());
    }

    /** Prioritized replay's beta, linear from beta_start to 1 over the run. */
    public static double beta(DqnConfig.DqnSettings s, long step) {
        if (s.prioritized() == null) return 1;
        double f = Math.min(1.0, step / (double) s.totalSteps());
        return s.prioritized().betaStart() + f * (1 - s.prioritized().betaStart());
    }

    /**
     * The update count, the exploration and replay streams, both networks, the optimizer's state,
     * the replay buffer, the n-step accumulator and, in an imitation run, the discriminator.
     */
    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        exploration.write(out);
        StateIO.writeLongs(out, replay.saveState());
        StateIO.writeParams(out, online.params());
        StateIO.writeParams(out, target.params());
        StateIO.writeOptimizer(out, optimizer);
        buffer.write(out);
        nStep.write(out);
        if (imitation != null) imitation.write(out);
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        updates = in.readLong();
        exploration.read(in);
        replay = Rng.restore(StateIO.readLongs(in));
        StateIO.readParams(in, online.params());
        StateIO.readParams(in, target.params());
        StateIO.readOptimizer(in, optimizer);
        buffer.read(in);
        nStep.read(in);
        if (imitation != null) imitation.read(in);
    }
}
