package dev.jgym.agents.dqn;

import dev.jgym.nn.io.StateIO;
import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.layers.Recurrent;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.nn.optim.GradClip;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import java.util.List;

/**
 * Deep recurrent Q-learning (DRQN, Hausknecht and Stone, 2015) with R2D2's burn-in (Kapturowski et
 * al., 2019): the {@link DqnLearner}'s algorithm on a {@link SequenceQNetwork}, trained on
 * sequences from a {@link SequenceReplay}. The core is a recurrent cell ({@link RecurrentQNetwork},
 * cell {@code lstm} or {@code gru}) or a causal Transformer over the last {@code burn_in + 1}
 * observations ({@link AttentionQNetwork}, cell {@code transformer}; its burn-in is context that
 * the gradient reaches, not a warm-up).
 * <pre>
 *   act:     (h_t, Q_t) = net(o_t, h_{t-1}), h_0 = 0 at every episode start;
 *            a_t = random with probability epsilon (or ez-greedy's held action), else argmax Q_t (the state moves on either way)
 *   sample:  N sequences: B burn-in steps, then T steps with loss (zero start state, padding masked)
 *   unroll:  both networks burn in from zero over the B steps (no gradient), then unroll s_p, s'_p, .., s'_{p+T-1}
 *   target:  y_k = r_k + discount_k Q_target(k+1, argmax_a Q_target(k+1, a))      DQN
 *            y_k = r_k + discount_k Q_target(k+1, argmax_a Q_online(k+1, a))      Double DQN
 *   loss:    L = mean over the unmasked steps k of l(Q_online(k, a_k) - y_k)  (Huber or squared error)
 * </pre>
 * The targets, the loss, the optimizer, the epsilon schedule and the target updates are
 * {@link DqnLearner}'s. Random numbers come from the same two streams: {@code explore} and
 * {@code replay} (one draw per sequence).
 */
public final class DrqnLearner implements Learner {
    private final DqnConfig.DqnSettings s;
    private final int actions, batch, length;
    final SequenceQNetwork online, target;
    final Optimizer optimizer;
    final SequenceReplay buffer;
    final SequenceQNetwork.Memory memory;
    final Exploration exploration;
    Rng replay;
    long updates;

    private final SequenceReplay.Batch sample;
    private final SequenceQNetwork.Pass trainPass, targetPass;
    private final float[] y, pred, tdErrors, grad, weights, nextTarget, nextOnline;

    public DrqnLearner(DqnConfig.DqnSettings settings, Backend backend, int obsDim, int actions, Rng seed) {
        this.s = settings;
        this.actions = actions;
        this.batch = settings.batchSize();
        DqnConfig.RecurrentSettings r = settings.recurrent();
        this.length = r.sequenceLength();
        this.online = network(settings, backend, obsDim, actions, seed.child("init"));
        this.target = network(settings, backend, obsDim, actions, seed.child("init"));
        target.copyFrom(online);
        this.optimizer = DqnLearner.optimizer(settings.optimizer(), online.params());
        this.buffer = new SequenceReplay(settings.bufferSize(), obsDim, settings.gamma());
        this.memory = online.memory();
        this.exploration = new Exploration(settings.exploration(), actions, seed.child("explore"));
        this.replay = seed.child("replay");
        this.sample = new SequenceReplay.Batch(batch, r.burnIn(), length, obsDim);
        this.trainPass = online.pass(batch);
        this.targetPass = target.pass(batch);
        int rows = batch * length;
        y = new float[rows];
        pred = new float[rows];
        tdErrors = new float[rows];
        grad = new float[rows];
        weights = new float[rows];
        nextTarget = new float[rows * actions];
        nextOnline = settings.doubleQ() ? new float[rows * actions] : null;
    }

    /** The core the settings name: a recurrent cell (LSTM, GRU) or a causal Transformer. */
    static SequenceQNetwork network(DqnConfig.DqnSettings s, Backend backend, int obsDim, int actions, Rng rng) {
        DqnConfig.RecurrentSettings r = s.recurrent();
        int[] mlp = s.network().hidden().stream().mapToInt(Integer::intValue).toArray();
        if (r.attention()) {
            return new AttentionQNetwork(backend, obsDim, mlp, s.network().activation(), r.hidden(), r.heads(), r.blocks(), r.mlp(), actions,
                    s.dueling(), Init.parse(s.network().init()), r.sequenceLength() + 1, r.burnIn(), rng);
        }
        return new RecurrentQNetwork(backend, obsDim, mlp, s.network().activation(), Recurrent.Cell.byId(r.cell()), r.hidden(), actions,
                s.dueling(), Init.parse(s.network().init()), r.sequenceLength() + 1, r.burnIn(), rng);
    }

    public SequenceQNetwork online() {
        return online;
    }

    public SequenceReplay buffer() {
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
    public List<Param> params() {
        return online.params();
    }

    /** Not a chain of layers: no model file (the checkpoint holds the network). */
    @Override
    public Sequential model() {
        return null;
    }

    @Override
    public void startEpisode() {
        memory.reset();
        exploration.endRun();
    }

    /** Epsilon-greedy or ez-greedy as {@link DqnLearner#act}; the memory takes in the observation whichever action wins. */
    @Override
    public int act(float[] observation, double epsilon) {
        float[] q = online.step(memory, observation);
        int a = exploration.next(epsilon);
        return a >= 0 ? a : DqnLearner.argmax(q, 0, actions);
    }

    @Override
    public void observe(float[] state, int action, double reward, float[] next, boolean terminated, boolean truncated) {
        buffer.add(state, action, reward, next, terminated, truncated);
    }

    @Override
    public Actor greedyActor() {
        SequenceQNetwork.Memory m = online.memory();
        float[] values = new float[actions];
        return new Actor() {
            @Override
            public void reset() {
                m.reset();
            }

            @Override
            public int greedy(float[] observation) {
                System.arraycopy(online.step(m, observation), 0, values, 0, actions);
                return DqnLearner.argmax(values, 0, actions);
            }

            @Override
            public float[] lastValues() {
                return values;
            }
        };
    }

    /** One gradient step on a minibatch of sequences; {@code beta} is unused (uniform replay). */
    @Override
    public StepStats trainStep(double beta) {
        SequenceReplay.Batch b = sample;
        buffer.sample(replay, b);
        int u = length + 1, rows = batch * length;

        // the target network first, then the online one, whose unroll backward uses
        float[] qt = target.forward(targetPass, b).data();
        float[] q = online.forward(trainPass, b).data();

        int valid = b.valid();
        double meanQ = 0;
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < length; k++) {
                int r = n * length + k, now = (n * u + k) * actions, then = (n * u + k + 1) * actions;
                System.arraycopy(qt, then, nextTarget, r * actions, actions);
                if (nextOnline != null) System.arraycopy(q, then, nextOnline, r * actions, actions);
                pred[r] = q[now + b.actions[r]];
                weights[r] = b.lossMask[r] * rows / (float) valid;
                meanQ += b.lossMask[r] * pred[r];
            }
        }
        DqnLearner.targets(b.rewards, b.discounts, nextTarget, nextOnline, rows, actions, y);
        double loss = DqnLearner.loss(s.loss().equals("huber"), s.huberDelta(), pred, y, weights, rows, grad, tdErrors);

        float[] dq = trainPass.dq().data();
        Arrays.fill(dq, 0f);
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < length; k++) dq[(n * u + k) * actions + b.actions[n * length + k]] = grad[n * length + k];
        }
        optimizer.zeroGrad();
        online.backward(trainPass);
        if (s.maxGradNorm() > 0) GradClip.byGlobalNorm(online.params(), s.maxGradNorm());
        optimizer.step();
        updates++;
        return new StepStats(loss, meanQ / valid);
    }

    @Override
    public void updateTarget() {
        if (s.tau() >= 1) target.copyFrom(online);
        else target.blendFrom(online, (float) (s.tau() * 1.0));
    }

    /** As {@link DqnLearner#write}, with the sequence replay and the training episode's memory (h and c, or the window and its mask). */
    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        exploration.write(out);
        StateIO.writeLongs(out, replay.saveState());
        StateIO.writeParams(out, online.params());
        StateIO.writeParams(out, target.params());
        StateIO.writeOptimizer(out, optimizer);
        buffer.write(out);
        float[][] hc = memory.saved();
        StateIO.writeFloats(out, hc[0]);
        StateIO.writeFloats(out, hc[1]);
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
        memory.restore(new float[][] {StateIO.readFloats(in), StateIO.readFloats(in)});
    }
}
