package dev.jgym.agents.dqn;

import dev.jgym.nn.io.StateIO;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.generative.Discriminator;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Layer;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.core.rng.Rng;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generative adversarial imitation learning (Ho &amp; Ermon 2016) with a DQN as the learner, the
 * off-policy way (Kostrikov et al. 2019, "Discriminator-Actor-Critic"): a discriminator
 * D(s, a) = sigmoid(MLP([s, onehot(a)])) learns to tell the expert's pairs from the learner's,
 * and the DQN's reward is computed from D, never from the env.
 * <pre>
 *   D update (every update_interval env steps):  the GAN discriminator step ({@link Discriminator}),
 *       minimise -mean log D(s_E, a_E) - mean log(1 - D(s, a))
 *       (s_E, a_E) uniform from the expert replays, (s, a) uniform from the newest learner_window
 *       transitions of the DQN's replay buffer
 *   reward (whenever the DQN samples a minibatch):  r_i = -log(1 - D(s_i, a_i)) = softplus(z_i)
 *       with z_i, D's logit, clamped to [-clip, clip]  (or r_i = z_i, the "logit" form)
 * </pre>
 * The reward is recomputed from the current D at every sampling, so old transitions never carry a
 * stale reward; this needs one-step returns (an n-step return would sum rewards of states the buffer
 * no longer holds). The env's reward never reaches the learner: the buffer stores NaN in its place.
 *
 * <p>Random numbers: D's weights from {@code seed.child("init")}, its minibatches from
 * {@code seed.child("sample")} (the run passes {@code root.child("imitation")}).
 */
public final class AdversarialImitation implements State {
    /** D's statistics averaged over {@link #ROW_UPDATES} updates. */
    public record Row(long updates, long step, double loss, double expertScore, double learnerScore, double meanReward) {}

    /** D updates per {@link Row}. */
    static final int ROW_UPDATES = 1000;

    private final ImitationSettings settings;
    private final ExpertDemonstrations expert;
    private final ReplayBuffer buffer;
    private final int obsDim, actions, batch;
    private final Discriminator discriminator;
    private final Tensor real, fake;
    private Tensor scored = Tensor.zeros(1, 1);
    Rng sample;
    long updates;
    final List<Row> rows = new ArrayList<>();
    // sums since the last row: loss, D(expert), D(learner) over updates; reward over relabelled transitions
    double lossSum, expertSum, learnerSum, rewardSum;
    long rewardCount;

    /**
     * @param buffer the DQN's replay buffer, where the learner's pairs come from
     * @param seed this component's stream ({@code root.child("imitation")} in a run)
     */
    public AdversarialImitation(ImitationSettings settings, ExpertDemonstrations expert, ReplayBuffer buffer, int actions, Backend backend, Rng seed) {
        this.settings = settings;
        this.expert = expert;
        this.buffer = buffer;
        this.obsDim = buffer.obsDim();
        this.actions = actions;
        ImitationSettings.DiscriminatorSettings d = settings.discriminator();
        this.batch = d.batchSize();
        Sequential net = network(backend, obsDim + actions, d.network(), seed.child("init"));
        this.discriminator = new Discriminator(backend, net, DqnLearner.optimizer(d.optimizer(), net.params()), d.labelSmoothing());
        this.real = Tensor.zeros(batch, obsDim + actions);
        this.fake = Tensor.zeros(batch, obsDim + actions);
        this.sample = seed.child("sample");
    }

    /** The MLP [s, onehot(a)] -> hidden layers -> one logit, from the NN core's layers. */
    static Sequential network(Backend backend, int inputs, DqnConfig.NetworkSettings n, Rng rng) {
        Init init = Init.parse(n.init());
        List<Layer> layers = new ArrayList<>();
        int width = inputs;
        for (int l = 0; l < n.hidden().size(); l++) {
            layers.add(new Dense(backend, width, n.hidden().get(l), init, Init.constant(0), rng.child("layer").child(l)));
            layers.add(new Activation(backend, ActivationKind.byId(n.activation())));
            width = n.hidden().get(l);
        }
        layers.add(new Dense(backend, width, 1, Init.xavierUniform(), Init.constant(0), rng.child("head")));
        return new Sequential(layers);
    }

    public Discriminator discriminator() {
        return discriminator;
    }

    public ExpertDemonstrations expert() {
        return expert;
    }

    public long updates() {
        return updates;
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /**
     * The learner's reward from D's logit: the logit is clamped to [-clip, clip], then
     * {@code gail}: -log(1 - sigmoid(z)) = softplus(z) = max(z, 0) + log(1 + e^-|z|) (stable form);
     * {@code logit}: z = log D - log(1 - D).
     */
    public static double reward(ImitationSettings.RewardSettings r, double logit) {
        double z = Math.max(-r.clip(), Math.min(r.clip(), logit));
        if (r.form().equals("logit")) return z;
        return Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z)));
    }

    /** Writes row {@code row} of {@code out} as [s, onehot(a)] from {@code obs} row {@code i}. */
    private void encode(float[] obs, int i, int action, float[] out, int row) {
        int w = obsDim + actions, o = row * w;
        System.arraycopy(obs, i * obsDim, out, o, obsDim);
        java.util.Arrays.fill(out, o + obsDim, o + w, 0f);
        out[o + obsDim + action] = 1f;
    }

    /** D(s, a) = sigmoid(logit) of one pair (for tests and viewers). */
    public double probability(float[] state, int action) {
        float[] x = new float[obsDim + actions];
        encode(state, 0, action, x, 0);
        double z = discriminator.logits(Tensor.of(x, 1, obsDim + actions)).data()[0];
        return 1 / (1 + Math.exp(-z));
    }

    /** At env step {@code step} (past learning_starts): the scheduled D updates. */
    void train(long step) {
        ImitationSettings.DiscriminatorSettings d = settings.discriminator();
        if (step % d.updateInterval() != 0 || buffer.size() == 0) return;
        for (int u = 0; u < d.updates(); u++) update(step);
    }

    /** One D update: a batch of expert pairs (label 1) against a batch of recent learner pairs (label 0). */
    Discriminator.StepLosses update(long step) {
        float[] r = real.data(), f = fake.data();
        for (int b = 0; b < batch; b++) {
            int e = sample.nextInt(expert.pairs());
            encode(expert.observations(), e, expert.actions()[e], r, b);
        }
        int window = Math.min(settings.discriminator().learnerWindow(), buffer.size());
        for (int b = 0; b < batch; b++) {
            int i = Math.floorMod(buffer.cursor() - 1 - sample.nextInt(window), buffer.capacity());
            encode(buffer.obs, i, buffer.actions[i], f, b);
        }
        Discriminator.StepLosses l = discriminator.step(real, fake);
        updates++;
        lossSum += l.total();
        expertSum += l.realScore();
        learnerSum += l.fakeScore();
        if (updates % ROW_UPDATES == 0) {
            rows.add(new Row(updates, step, lossSum / ROW_UPDATES, expertSum / ROW_UPDATES, learnerSum / ROW_UPDATES,
                    rewardCount == 0 ? Double.NaN : rewardSum / rewardCount));
            lossSum = expertSum = learnerSum = rewardSum = 0;
            rewardCount = 0;
        }
        return l;
    }

    /** Replaces the rewards of a sampled minibatch with D's reward for each (s_i, a_i). */
    void relabel(float[] states, int[] batchActions, int n, float[] rewards) {
        if (scored.rows() != n) scored = Tensor.zeros(n, obsDim + actions);
        float[] x = scored.data();
        for (int b = 0; b < n; b++) encode(states, b, batchActions[b], x, b);
        float[] z = discriminator.logits(scored).data();
        for (int b = 0; b < n; b++) {
            rewards[b] = (float) reward(settings.reward(), z[b]);
            rewardSum += rewards[b];
        }
        rewardCount += n;
    }

    /** For summary.json: the expert data and D's latest statistics. */
    ObjectNode summary() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("expert_episodes", expert.episodes());
        node.put("expert_pairs", expert.pairs());
        node.put("expert_mean_return", expert.meanReturn());
        node.put("reward", settings.reward().form());
        node.put("discriminator_updates", updates);
        if (!rows.isEmpty()) {
            Row last = rows.get(rows.size() - 1);
            node.put("last_expert_score", last.expertScore());
            node.put("last_learner_score", last.learnerScore());
            node.put("last_mean_reward", last.meanReward());
        }
        return node;
    }

    // ---- checkpoints: D's weights, its optimizer, the sampling stream, the counters and rows -----------

    @Override
    public void write(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        StateIO.writeLongs(out, sample.saveState());
        StateIO.writeParams(out, discriminator.network().params());
        StateIO.writeOptimizer(out, discriminator.optimizer());
        out.writeDouble(lossSum);
        out.writeDouble(expertSum);
        out.writeDouble(learnerSum);
        out.writeDouble(rewardSum);
        out.writeLong(rewardCount);
        out.writeInt(rows.size());
        for (Row r : rows) {
            out.writeLong(r.updates());
            out.writeLong(r.step());
            out.writeDouble(r.loss());
            out.writeDouble(r.expertScore());
            out.writeDouble(r.learnerScore());
            out.writeDouble(r.meanReward());
        }
    }

    @Override
    public void read(DataInputStream in) throws IOException {
        updates = in.readLong();
        sample = Rng.restore(StateIO.readLongs(in));
        StateIO.readParams(in, discriminator.network().params());
        StateIO.readOptimizer(in, discriminator.optimizer());
        lossSum = in.readDouble();
        expertSum = in.readDouble();
        learnerSum = in.readDouble();
        rewardSum = in.readDouble();
        rewardCount = in.readLong();
        rows.clear();
        for (int i = in.readInt(); i > 0; i--) {
            rows.add(new Row(in.readLong(), in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
    }
}
