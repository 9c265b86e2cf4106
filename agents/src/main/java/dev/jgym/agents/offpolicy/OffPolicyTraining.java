package dev.jgym.agents.offpolicy;

import dev.jgym.agents.dqn.ReplayBuffer;
import dev.jgym.agents.pg.PgTraining;
import dev.jgym.agents.run.Diverged;
import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.agents.run.PolicyEpisodes;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Box;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.nn.io.StateIO;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * An off-policy actor-critic training run on one env: act, store the transition, learn from
 * minibatches of the replay buffer, evaluate the deterministic policy at intervals, checkpoint.
 *
 * <p>One env step t (counting from 0): the action in [-1, 1]^d is uniform while t <
 * {@code learning_starts} (drawn when t is a multiple of {@code warmup_hold}, held in between), else the learner's exploring action; the env gets it rescaled to the
 * Box's bounds, {@code low + (a + 1) (high - low) / 2}; the buffer gets (s, a, r, s', discount)
 * with discount 0 on termination and gamma otherwise, truncation included (the time limit is not
 * part of the state: the target bootstraps from the final observation). After the step, when
 * t + 1 > {@code learning_starts} and (t + 1) is a multiple of {@code train_freq},
 * {@code gradient_steps} updates on uniform minibatches. An episode's end writes its row
 * (return, length, the means of the update statistics during it) and resets the env; then
 * evaluation (every {@code evaluation.interval} steps) and checkpoint (likewise, and when asked to stop).
 *
 * <p>Seeding: training episode e starts from {@code Rng(seed).child("env").child(e)}; evaluation
 * k's episode j from {@code child("eval").child(k).child(j)}, the final evaluation's from
 * {@code child("final").child(j)}. The CPU backend gives the same bits for any thread count, so
 * the run does too.
 */
public final class OffPolicyTraining {

    /** One finished training episode, ending at env step {@code step}; the update statistics are means over the updates during it (NaN: none). */
    public record EpisodeRow(int episode, long step, double episodeReturn, int length, double q1Loss, double q2Loss, double actorLoss,
                             double alpha, double entropy) {}

    /** What a run did; {@code threshold} is the final mean that counts as solved (infinite when none). */
    public record Result(List<EpisodeRow> episodes, List<PgTraining.EvalRow> evaluations, PgTraining.EvalRow finalEvaluation, long steps, long gradientSteps,
                         double threshold, long parameters) {
        public boolean solved() {
            return finalEvaluation.mean() >= threshold;
        }
    }

    /** Progress for a bar: env steps done since the last call, and the latest episode's return (NaN before the first). */
    public interface Progress {
        void advance(long steps, double lastReturn);
    }

    /** Watches the evaluation episodes: evaluation {@code k} (-1 for the final one), its episode {@code j} of {@code episodes}. */
    public interface EvaluationObserver {
        SimulatorListener<float[], float[]> create(int k, int j, int episodes, long seed, Env<float[], float[]> env, Agent<float[], float[]> agent);
    }

    /** The env's sizes, checked: a one-dimensional Box observation and a bounded one-dimensional Box action space. */
    record Shape(int obsDim, Box actions, Double rewardThreshold) {
        int actDim() {
            return actions.size();
        }
    }

    private final OffPolicyConfig config;
    private final String source;
    private int threads = 1;
    private Progress progress = (n, r) -> { };
    private Path checkpointFile;
    private OffPolicyCheckpoint resumeFrom;
    private long stopAfter = Long.MAX_VALUE;
    private BooleanSupplier stopWhen = () -> false;
    private List<dev.jgym.agents.run.CsvStream<EpisodeRow>> streams = List.of();
    private EvaluationObserver observer;

    public OffPolicyTraining(OffPolicyConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    public OffPolicyTraining threads(int n) {
        this.threads = n;
        return this;
    }

    public OffPolicyTraining progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Where to write checkpoints (at the intervals, on a stop and at the end); null: none. */
    public OffPolicyTraining checkpointTo(Path file) {
        this.checkpointFile = file;
        return this;
    }

    public OffPolicyTraining resumeFrom(OffPolicyCheckpoint checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /** Streams {@code metrics.csv} and {@code episodes.csv} (the live viewer's curve) into {@code dir} while training. */
    public OffPolicyTraining streamTo(Path dir) {
        this.streams = OffPolicyOutput.streams(dir);
        return this;
    }

    public OffPolicyTraining observeEvaluations(EvaluationObserver o) {
        this.observer = o;
        return this;
    }

    /** Stop (as if interrupted, after writing a checkpoint) at this many env steps; for tests. */
    OffPolicyTraining stopAfter(long steps) {
        this.stopAfter = steps;
        return this;
    }

    /** Stop (after writing a checkpoint) at the first step where {@code stop} is true; {@link #run()} then returns null. */
    public OffPolicyTraining stopWhen(BooleanSupplier stop) {
        this.stopWhen = stop;
        return this;
    }

    @SuppressWarnings("unchecked")
    Env<float[], float[]> makeEnv() {
        try {
            return (Env<float[], float[]>) (Env<?, ?>) EnvRegistry.make(config.env().id(), config.env().options());
        } catch (UserError e) {
            throw e.in(source + ": $.env");
        }
    }

    /** Checks the config against its env before any work. */
    Shape validate() {
        try (Env<float[], float[]> env = makeEnv()) {
            String id = config.env().id();
            if (!(env.observationSpace() instanceof Box obs) || obs.shape().length != 1) {
                throw new UserError(source + ": $.env.id: the off-policy family reads one-dimensional Box observations, " + id + " has "
                        + env.observationSpace());
            }
            if (!(env.actionSpace() instanceof Box a) || a.shape().length != 1 || !a.isBounded()) {
                throw new UserError(source + ": $.env.id: SAC, TD3 and DDPG act in a bounded one-dimensional Box, " + id + " has "
                        + env.actionSpace() + (id.startsWith("LunarLander") ? " (set \"continuous\": true in $.env.options)" : ""));
            }
            try {
                Backends.create(config.backend(), 1, Backends.Use.CPU_ONLY, "the off-policy family").close();
            } catch (UserError e) {
                throw e.in(source + ": $.backend");
            }
            EnvSpec spec = env.spec();
            return new Shape(obs.size(), a, spec == null ? null : spec.rewardThreshold());
        }
    }

    static Learner learner(OffPolicyConfig.Settings s, Backend backend, Shape shape, Rng root) {
        return s.sac() ? new Sac(s, backend, shape.obsDim(), shape.actDim(), root) : new Td3(s, backend, shape.obsDim(), shape.actDim(), root);
    }

    /** The env's action for a in [-1, 1]^d: low + (a + 1) (high - low) / 2, kept inside the bounds. */
    static void rescale(float[] a, Box space, float[] out) {
        float[] low = space.low(), high = space.high();
        for (int j = 0; j < a.length; j++) {
            double v = low[j] + (a[j] + 1.0) * 0.5 * ((double) high[j] - low[j]);
            out[j] = (float) Math.min(Math.max(v, low[j]), high[j]);
        }
    }

    static long episodeSeed(Rng root, long episode) {
        return root.child("env").child(episode).nextLong();
    }

    /** Runs to the end (returns the result) or to a stop (writes a checkpoint, returns null). */
    public Result run() {
        Shape shape = validate();
        OffPolicyConfig.Settings s = config.offpolicy();
        PgEvaluation ev = new PgEvaluation(config.evaluation());
        Rng root = new Rng(config.seed());
        int d = shape.actDim(), obsDim = shape.obsDim(), batch = s.batchSize();
        double threshold = config.evaluation().threshold() != null ? config.evaluation().threshold()
                : shape.rewardThreshold() == null ? Double.POSITIVE_INFINITY : shape.rewardThreshold();
        try (Backend backend = Backends.create(config.backend(), threads, Backends.Use.CPU_ONLY, "the off-policy family");
             Env<float[], float[]> env = makeEnv()) {
            Learner learner = learner(s, backend, shape, root);
            ReplayBuffer buffer = ReplayBuffer.forBoxActions((int) Math.min(s.bufferSize(), s.totalSteps()), obsDim, d);
            RunState run = new RunState(root.child("explore"), root.child("replay"), d);
            float[] obs;
            if (resumeFrom != null) {
                resumeFrom.check(config, shape, source);
                resumeFrom.restore(in -> {
                    run.read(in);
                    learner.read(in);
                    buffer.read(in);
                });
                obs = env.reset(episodeSeed(root, run.episodes.size()), Map.of()).observation();
                for (float[] a : run.episodeActions) obs = env.step(a.clone()).observation();
            } else {
                obs = env.reset(episodeSeed(root, 0), Map.of()).observation();
            }
            for (var stream : streams) stream.start(run.episodes);
            float[] a = new float[d], envAction = new float[d];
            Learner.Batch b = new Learner.Batch(batch, new float[batch * obsDim], new float[batch * d], new float[batch], new float[batch * obsDim],
                    new float[batch]);
            int[] idx = new int[batch];
            float[] weights = new float[batch];
            double lastReturn = run.episodes.isEmpty() ? Double.NaN : run.episodes.get(run.episodes.size() - 1).episodeReturn();
            long reported = run.step;
            while (run.step < s.totalSteps()) {
                if (run.step < s.learningStarts()) {
                    if (run.step % s.warmupHold() == 0) {
                        for (int j = 0; j < d; j++) run.held[j] = (float) run.explore.uniform(-1, 1);
                    }
                    System.arraycopy(run.held, 0, a, 0, d);
                } else {
                    learner.explore(obs, run.explore, a);
                }
                rescale(a, shape.actions(), envAction);
                Step<float[]> st = env.step(envAction.clone());
                buffer.add(obs, a, (float) st.reward(), st.observation(), st.terminated() ? 0f : s.gamma().floatValue());
                run.step++;
                run.episodeReturn += st.reward();
                run.episodeActions.add(envAction.clone());
                obs = st.observation();
                if (run.step > s.learningStarts() && run.step % s.trainFreq() == 0) {
                    for (int g = 0; g < s.gradientSteps(); g++) {
                        buffer.sample(run.replay, batch, 0, idx, weights);
                        buffer.gather(idx, batch, b.obs(), b.actions(), b.rewards(), b.next(), b.discounts());
                        Learner.Stats stats = learner.update(b);
                        if (!stats.finite()) {
                            throw new Diverged(source + ": training diverged at step " + run.step + ": the critic losses are " + stats.q1Loss()
                                    + ", " + stats.q2Loss() + ", the actor loss " + stats.actorLoss() + " (try a lower $.offpolicy.optimizer.lr)");
                        }
                        run.add(stats);
                    }
                }
                if (st.done()) {
                    EpisodeRow row = run.endEpisode();
                    for (var stream : streams) stream.add(row);
                    lastReturn = row.episodeReturn();
                    obs = env.reset(episodeSeed(root, run.episodes.size()), Map.of()).observation();
                }
                if (run.step / ev.interval > run.evaluationMark) {
                    run.evaluationMark = run.step / ev.interval;
                    run.evaluations.add(evaluate(learner, shape, root.child("eval").child(run.evaluations.size()), ev.episodes, run.step,
                            run.evaluations.size()));
                }
                int every = config.checkpoint().interval();
                boolean checkpointNow = every > 0 && run.step / every > run.checkpointMark;
                if (checkpointNow) run.checkpointMark = run.step / every;
                boolean stopNow = run.step < s.totalSteps() && (run.step >= stopAfter || stopWhen.getAsBoolean());
                if (checkpointFile != null && (checkpointNow || stopNow)) checkpoint(shape, learner, buffer, run).write(checkpointFile);
                if (checkpointNow || stopNow) for (var stream : streams) stream.flush();
                if (run.step - reported >= 256) {
                    progress.advance(run.step - reported, lastReturn);
                    reported = run.step;
                }
                if (stopNow) return null;
            }
            progress.advance(run.step - reported, lastReturn);
            if (checkpointFile != null) checkpoint(shape, learner, buffer, run).write(checkpointFile);
            for (var stream : streams) stream.flush();
            PgTraining.EvalRow finalEval = evaluate(learner, shape, root.child("final"), ev.finalEpisodes, run.step, -1);
            long parameters = 0;
            for (var p : learner.params()) parameters += p.value().size();
            return new Result(List.copyOf(run.episodes), List.copyOf(run.evaluations), finalEval, run.step, learner.updates(), threshold, parameters);
        }
    }

    /** The evaluation settings read once. */
    private record PgEvaluation(int interval, int episodes, int finalEpisodes) {
        PgEvaluation(dev.jgym.agents.pg.PgConfig.EvaluationSettings e) {
            this(e.interval(), e.episodes(), e.finalEpisodes());
        }
    }

    private OffPolicyCheckpoint checkpoint(Shape shape, Learner learner, ReplayBuffer buffer, RunState run) {
        return OffPolicyCheckpoint.of(config, shape, out -> {
            run.write(out);
            learner.write(out);
            buffer.write(out);
        });
    }

    /** Deterministic episodes ({@link PolicyEpisodes}), episode j from {@code seeds.child(j)}; evaluation {@code k} (-1: the final one). */
    PgTraining.EvalRow evaluate(Learner learner, Shape shape, Rng seeds, int episodes, long atStep, int k) {
        try (Env<float[], float[]> env = makeEnv()) {
            DeterministicAgent agent = new DeterministicAgent(learner, shape.actions());
            PlayReport r = PolicyEpisodes.run(env, agent, seeds, episodes,
                    observer == null ? null : (j, seed) -> observer.create(k, j, episodes, seed, env, agent));
            return PgTraining.EvalRow.of(atStep, r.returns(), r.lengths());
        }
    }

    /**
     * {@code jgym play}: the deterministic policy of {@code checkpoint} (a run of this config)
     * played as {@code request} says, recorded with the {@code action_mean}/{@code action_std}
     * annotations.
     */
    public PlayReport play(OffPolicyCheckpoint checkpoint, PlayRequest request) {
        return play(checkpoint, request, request.seeds(config.seed()));
    }

    /** As {@link #play(OffPolicyCheckpoint, PlayRequest)}, episode j from {@code seeds.child(j)}. */
    PlayReport play(OffPolicyCheckpoint checkpoint, PlayRequest request, Rng seeds) {
        Shape shape = validate();
        checkpoint.check(config, shape, source);
        Rng root = new Rng(config.seed());
        try (Backend backend = Backends.create(config.backend(), threads, Backends.Use.CPU_ONLY, "the off-policy family");
             Env<float[], float[]> env = makeEnv()) {
            Learner learner = learner(config.offpolicy(), backend, shape, root);
            checkpoint.restore(in -> {
                new RunState(root.child("explore"), root.child("replay"), shape.actDim()).read(in);
                learner.read(in);
            });
            DeterministicAgent agent = new DeterministicAgent(learner, shape.actions());
            request.prepareRecording();
            return PolicyEpisodes.run(env, agent, seeds, request.episodes(), request.recorders(env, agent,
                    config.env().id(), config.env().options(), config.offpolicy().algorithm() + " " + config.name(), Json.MAPPER.valueToTree(config)));
        }
    }

    /**
     * The deterministic policy as a core {@link Agent}, its annotations the action taken
     * ({@code action_mean}, in the env's units) and the exploring policy's spread around it
     * ({@code action_std}: SAC's sigma before the squash, TD3's noise std, times the half range).
     */
    static final class DeterministicAgent implements Agent<float[], float[]> {
        private final Learner learner;
        private final Box space;
        private final float[] unit, action;

        DeterministicAgent(Learner learner, Box space) {
            this.learner = learner;
            this.space = space;
            this.unit = new float[space.size()];
            this.action = new float[space.size()];
        }

        @Override
        public float[] act(float[] observation) {
            learner.deterministic(observation, unit);
            rescale(unit, space, action);
            return action.clone();
        }

        @Override
        public void observe(Transition<float[], float[]> transition) {}

        @Override
        public Annotations annotations() {
            double[] mean = new double[action.length], std = learner.lastStd();
            for (int j = 0; j < mean.length; j++) {
                mean[j] = action[j];
                std[j] *= 0.5 * ((double) space.high()[j] - space.low()[j]);
            }
            return new Annotations(Map.of("action_mean", mean, "action_std", std), Map.of());
        }

        @Override
        public void save(Path file) {
            throw new UnsupportedOperationException("an off-policy run's networks are saved in its checkpoint.jgc");
        }

        @Override
        public void load(Path file) {
            throw new UnsupportedOperationException("an off-policy run's networks are restored from its checkpoint.jgc");
        }
    }

    /** The counters, rows and streams of a run in progress (what a checkpoint holds besides the learner and the buffer). */
    static final class RunState {
        long step, evaluationMark, checkpointMark;
        double episodeReturn;
        final List<float[]> episodeActions = new ArrayList<>();
        final List<EpisodeRow> episodes = new ArrayList<>();
        final List<PgTraining.EvalRow> evaluations = new ArrayList<>();
        Rng explore, replay;
        final float[] held; // the warm-up action being held
        private final double[] statSums = new double[5];
        private final int[] statCounts = new int[5];

        RunState(Rng explore, Rng replay, int actDim) {
            this.explore = explore;
            this.replay = replay;
            this.held = new float[actDim];
        }

        void add(Learner.Stats s) {
            double[] v = {s.q1Loss(), s.q2Loss(), s.actorLoss(), s.alpha(), s.entropy()};
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) continue;
                statSums[i] += v[i];
                statCounts[i]++;
            }
        }

        EpisodeRow endEpisode() {
            double[] m = new double[5];
            for (int i = 0; i < 5; i++) m[i] = statCounts[i] == 0 ? Double.NaN : statSums[i] / statCounts[i];
            EpisodeRow row = new EpisodeRow(episodes.size(), step, episodeReturn, episodeActions.size(), m[0], m[1], m[2], m[3], m[4]);
            episodes.add(row);
            episodeReturn = 0;
            episodeActions.clear();
            java.util.Arrays.fill(statSums, 0);
            java.util.Arrays.fill(statCounts, 0);
            return row;
        }

        void write(DataOutputStream out) throws IOException {
            out.writeLong(step);
            out.writeLong(evaluationMark);
            out.writeLong(checkpointMark);
            out.writeDouble(episodeReturn);
            StateIO.writeLongs(out, explore.saveState());
            StateIO.writeLongs(out, replay.saveState());
            StateIO.writeFloats(out, held);
            for (int i = 0; i < 5; i++) {
                out.writeDouble(statSums[i]);
                out.writeInt(statCounts[i]);
            }
            out.writeInt(episodeActions.size());
            for (float[] a : episodeActions) StateIO.writeFloats(out, a);
            out.writeInt(episodes.size());
            for (EpisodeRow e : episodes) {
                out.writeInt(e.episode());
                out.writeLong(e.step());
                out.writeInt(e.length());
                for (double v : new double[] {e.episodeReturn(), e.q1Loss(), e.q2Loss(), e.actorLoss(), e.alpha(), e.entropy()}) out.writeDouble(v);
            }
            out.writeInt(evaluations.size());
            for (PgTraining.EvalRow e : evaluations) e.write(out);
        }

        void read(DataInputStream in) throws IOException {
            step = in.readLong();
            evaluationMark = in.readLong();
            checkpointMark = in.readLong();
            episodeReturn = in.readDouble();
            explore = Rng.restore(StateIO.readLongs(in));
            replay = Rng.restore(StateIO.readLongs(in));
            float[] h = StateIO.readFloats(in);
            if (h == null || h.length != held.length) throw new IllegalArgumentException("a held action of the wrong size");
            System.arraycopy(h, 0, held, 0, held.length);
            for (int i = 0; i < 5; i++) {
                statSums[i] = in.readDouble();
                statCounts[i] = in.readInt();
            }
            for (int i = in.readInt(); i > 0; i--) episodeActions.add(StateIO.readFloats(in));
            for (int i = in.readInt(); i > 0; i--) {
                int episode = in.readInt();
                long at = in.readLong();
                int length = in.readInt();
                episodes.add(new EpisodeRow(episode, at, in.readDouble(), length, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble()));
            }
            for (int i = in.readInt(); i > 0; i--) evaluations.add(PgTraining.EvalRow.read(in));
        }
    }
}
