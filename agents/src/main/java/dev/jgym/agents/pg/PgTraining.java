package dev.jgym.agents.pg;

import dev.jgym.agents.dqn.EvaluationReplays;
import dev.jgym.agents.run.Diverged;
import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.agents.run.PolicyEpisodes;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.ActionMask;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.wrappers.FlattenObservation;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A policy-gradient training run: rollouts of {@code n_steps} on {@code n_envs} envs of a
 * {@link SyncVectorEnv} (same-step autoreset, so a truncated episode's final observation is there
 * to bootstrap from), an {@link ActorCritic} update after each, greedy evaluations at intervals,
 * checkpoints, and the rows that become {@code metrics.csv}, {@code updates.csv} and
 * {@code evaluations.csv}.
 *
 * <p>One iteration: for t = 1..n_steps: sample actions for the N observations, step the vector env,
 * store; for each env whose episode a time limit truncated, V of its final observation (recurrent:
 * from the critic's state after that step); then the ended episodes' recurrent states to zero. Then V of
 * the observations reached, GAE, the update; then evaluation (the first rollout boundary past each
 * multiple of {@code evaluation.interval}) and checkpoint (likewise, and when asked to stop).
 *
 * <p>Observations: a one-dimensional Box as it is; Discrete, MultiBinary, MultiDiscrete and other
 * Box observations through {@link FlattenObservation} (one-hot codes, flat values), as
 * Stable-Baselines3's {@code preprocess_obs} does. The evaluations play the env itself (so replays
 * record its own observations) and flatten what the policy reads.
 *
 * <p>Action masks ({@code pg.action_mask}): the vector env keeps each sub-env's info
 * {@code action_mask} (after an autoreset, the new episode's), each step's goes into the rollout
 * with it, and the greedy evaluations read the reset's and each step's info; a resumed run takes the
 * mask from the last info of the replayed episode.
 *
 * <p>Seeding: sub-env i's episode e starts from {@code Rng(seed).child("env").child(i).child(e)}
 * ({@link SeededEpisodes}); evaluation k's episode j from {@code child("eval").child(k).child(j)},
 * the final evaluation's from {@code child("final").child(j)}. Results do not depend on the thread
 * count: the envs write only their own slots and the CPU backend gives the same bits for any count.
 */
public final class PgTraining {

    /** One finished training episode of sub-env {@code env}, ending at env step {@code step} (all envs counted). */
    public record EpisodeRow(int episode, long step, int env, double episodeReturn, int length) {}

    /** One update, after the rollout that ended at env step {@code step}. */
    public record UpdateRow(long iteration, long step, double learningRate, double clipRange, double policyLoss, double valueLoss,
                            double entropy, double approxKl, double clipFraction, double explainedVariance, double std) {
        static UpdateRow of(long iteration, long step, ActorCritic.Stats s) {
            return new UpdateRow(iteration, step, s.learningRate(), s.clipRange(), s.policyLoss(), s.valueLoss(), s.entropy(), s.approxKl(),
                    s.clipFraction(), s.explainedVariance(), s.std());
        }
    }

    /** One greedy evaluation at env step {@code step} (also the off-policy family's deterministic evaluations). */
    public record EvalRow(long step, int episodes, double mean, double std, double min, double max, double meanLength) {
        /** The row of episodes with these returns and lengths, ended at env step {@code step}. */
        public static EvalRow of(long step, double[] returns, int[] lengths) {
            double sum = 0, sumSq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, total = 0;
            int episodes = returns.length;
            for (int j = 0; j < episodes; j++) {
                sum += returns[j];
                sumSq += returns[j] * returns[j];
                min = Math.min(min, returns[j]);
                max = Math.max(max, returns[j]);
                total += lengths[j];
            }
            double mean = sum / episodes;
            return new EvalRow(step, episodes, mean, Math.sqrt(Math.max(0, sumSq / episodes - mean * mean)), min, max, total / episodes);
        }

        public void write(DataOutputStream out) throws IOException {
            out.writeLong(step);
            out.writeInt(episodes);
            for (double v : new double[] {mean, std, min, max, meanLength}) out.writeDouble(v);
        }

        public static EvalRow read(DataInputStream in) throws IOException {
            return new EvalRow(in.readLong(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
        }
    }

    /** What a run did; {@code threshold} is the final mean that counts as solved (infinite when none). */
    public record Result(List<EpisodeRow> episodes, List<UpdateRow> updates, List<EvalRow> evaluations, EvalRow finalEvaluation, long steps,
                         long gradientSteps, double threshold, long parameters) {
        public boolean solved() {
            return finalEvaluation.mean() >= threshold;
        }
    }

    /** Progress for a bar: env steps done since the last call, and the latest episode's return (NaN before the first). */
    public interface Progress {
        void advance(long steps, double lastReturn);
    }

    /**
     * The env's sizes, checked: an observation space {@link FlattenObservation} takes ({@code obsDim}:
     * its flat size), a Discrete (from 0) or bounded one-dimensional Box action space; {@code
     * maskedActions}: n of the Discrete(n) actions under {@code action_mask}, else 0.
     */
    record Shape(int obsDim, Space<?> observationSpace, Space<?> actionSpace, Double rewardThreshold, int maskedActions) {
        boolean discrete() {
            return actionSpace instanceof Discrete;
        }

        /** Whether the network reads the env's own observation (a one-dimensional Box), not its flat copy. */
        boolean flatAlready() {
            return observationSpace instanceof Box b && b.shape().length == 1;
        }
    }

    private final PgConfig config;
    private final String source;
    private int threads = 1;
    private Progress progress = (n, r) -> { };
    private Path checkpointFile;
    private List<dev.jgym.agents.run.CsvStream<EpisodeRow>> streams = List.of();
    private EvaluationReplays replays;
    private PgCheckpoint resumeFrom;
    private long stopAfter = Long.MAX_VALUE;
    private BooleanSupplier stopWhen = () -> false;

    public PgTraining(PgConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    public PgTraining threads(int n) {
        this.threads = n;
        return this;
    }

    public PgTraining progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Where to write checkpoints (at the intervals, on a stop and at the end); null: none. */
    public PgTraining checkpointTo(Path file) {
        this.checkpointFile = file;
        return this;
    }

    /** Streams {@code metrics.csv} and {@code episodes.csv} into {@code dir} while training. */
    public PgTraining streamTo(Path dir) {
        this.streams = PgOutput.streams(dir);
        return this;
    }

    public PgTraining resumeFrom(PgCheckpoint checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /** Stop (as if interrupted, after writing a checkpoint) at the first rollout boundary at or past this many env steps; for tests. */
    PgTraining stopAfter(long steps) {
        this.stopAfter = steps;
        return this;
    }

    /** Stop (after writing a checkpoint) at the first rollout boundary where {@code stop} is true; {@link #run()} then returns null. */
    /** Records the greedy evaluations' episodes as {@code .jgr} replays, as {@code replays} says. */
    public PgTraining recordEvaluations(EvaluationReplays replays) {
        this.replays = replays;
        return this;
    }

    public PgTraining stopWhen(BooleanSupplier stop) {
        this.stopWhen = stop;
        return this;
    }

    /** The env as registered (evaluations and {@code jgym play} act in it, so replays record its own observations). */
    @SuppressWarnings("unchecked")
    Env<Object, Object> makeEnv() {
        try {
            return (Env<Object, Object>) (Env<?, ?>) EnvRegistry.make(config.env().id(), config.env().options());
        } catch (UserError e) {
            throw e.in(source + ": $.env");
        }
    }

    /** The env as the training's vector env steps it: its observation as the flat vector the networks read. */
    @SuppressWarnings("unchecked")
    private Env<float[], Object> makeFlatEnv(Shape shape) {
        Env<Object, Object> env = makeEnv();
        return shape.flatAlready() ? (Env<float[], Object>) (Env<?, ?>) env : new FlattenObservation<>(env);
    }

    /** Checks the config against its env before any work. */
    public Shape validate() {
        try (Env<Object, Object> env = makeEnv()) {
            String id = config.env().id();
            Space<?> obs = env.observationSpace();
            if (!FlattenObservation.flattens(obs)) {
                throw new UserError(source + ": $.env.id: the policy-gradient family reads Box, Discrete, MultiBinary or MultiDiscrete observations, "
                        + id + " has " + obs);
            }
            Space<?> a = env.actionSpace();
            boolean ok = a instanceof Discrete d ? d.start() == 0 : a instanceof Box b && b.shape().length == 1 && b.isBounded();
            if (!ok) {
                throw new UserError(source + ": $.env.id: expected a Discrete action space starting at 0 or a bounded one-dimensional Box, "
                        + id + " has " + a);
            }
            int masked = 0;
            if (config.pg().actionMask()) {
                if (!(a instanceof Discrete d)) {
                    throw new UserError(source + ": $.pg.action_mask: expected a Discrete action space (a mask over its actions), " + id + " has " + a);
                }
                Map<String, Object> info = env.reset(config.seed(), Map.of()).info();
                Object found = info.get(ActionMask.KEY);
                if (ActionMask.of(info, d.n()) == null) {
                    throw new UserError(source + ": $.pg.action_mask: expected " + id + "'s reset info to carry an \"action_mask\" of " + d.n()
                            + " bytes, found " + (found == null ? "none" : found.getClass().getSimpleName()));
                }
                masked = d.n();
            }
            EnvSpec spec = env.spec();
            try {
                Backends.create(config.backend(), 1, Backends.Use.CPU_ONLY, "the policy-gradient family").close();
            } catch (UserError e) {
                throw e.in(source + ": $.backend");
            }
            return new Shape(FlattenObservation.size(obs), obs, a, spec == null ? null : spec.rewardThreshold(), masked);
        }
    }

    static long seed(Rng root, String stream, long... path) {
        Rng r = root.child(stream);
        for (long p : path) r = r.child(p);
        return r.nextLong();
    }

    public Result run() {
        Shape shape = validate();
        PgConfig.PgSettings s = config.pg();
        PgConfig.EvaluationSettings ev = config.evaluation();
        Rng root = new Rng(config.seed());
        int n = s.nEnvs(), d = shape.obsDim();
        double threshold = ev.threshold() != null ? ev.threshold()
                : shape.rewardThreshold() == null ? Double.POSITIVE_INFINITY : shape.rewardThreshold();
        try (Backend backend = Backends.create(config.backend(), threads, Backends.Use.CPU_ONLY, "the policy-gradient family")) {
            ActorCritic learner = new ActorCritic(s, backend, d, shape.actionSpace(), root);
            Normalization norm = new Normalization(s.normalize(), n, d, s.gamma());
            List<SeededEpisodes> subEnvs = new ArrayList<>();
            SyncVectorEnv vec = new SyncVectorEnv(() -> {
                SeededEpisodes e = new SeededEpisodes(makeFlatEnv(shape), root.child("env").child(subEnvs.size()));
                subEnvs.add(e);
                return e;
            }, n, threads, AutoresetMode.SAME_STEP);
            int m = shape.maskedActions();
            if (m > 0) vec.trackActionMasks();
            try {
                RunState run = new RunState(n);
                float[] obs = new float[n * d];
                byte[] masks = m > 0 ? new byte[n * m] : null;
                if (resumeFrom != null) {
                    resumeFrom.check(config, shape, source);
                    resumeFrom.restore(in -> {
                        run.read(in);
                        learner.read(in);
                        norm.read(in);
                        for (int i = 0; i < n; i++) {
                            SeededEpisodes e = subEnvs.get(i);
                            System.arraycopy(e.restore(in, shape.discrete()), 0, obs, i * d, d);
                            if (masks != null) ActionMask.copy(e.lastInfo(), m, masks, i * m);
                        }
                    });
                    norm.normalize(obs);
                } else {
                    vec.reset(null);
                    System.arraycopy(vec.observations(), 0, obs, 0, n * d);
                    if (masks != null) System.arraycopy(vec.actionMasks(), 0, masks, 0, n * m);
                    norm.reset(obs);
                }
                return loop(s, ev, shape, root, threshold, learner, norm, vec, subEnvs, run, obs, masks);
            } finally {
                vec.close();
            }
        }
    }

    private Result loop(PgConfig.PgSettings s, PgConfig.EvaluationSettings ev, Shape shape, Rng root, double threshold, ActorCritic learner,
                        Normalization norm, SyncVectorEnv vec, List<SeededEpisodes> subEnvs, RunState run, float[] obs, byte[] masks) {
        int n = s.nEnvs(), d = shape.obsDim();
        Rollout r = new Rollout(s.nSteps(), n, d, learner.actionDim(), shape.discrete(), shape.maskedActions());
        int[] discrete = new int[n];
        float[] box = new float[n * learner.actionDim()];
        float[] finalValues = new float[n];
        float[] learnRewards = new float[n];
        float[] finalObs = new float[n * d];
        boolean[] done = new boolean[n];
        double lastReturn = run.episodes.isEmpty() ? Double.NaN : run.episodes.get(run.episodes.size() - 1).episodeReturn();
        long reported = run.step;
        for (var stream : streams) stream.start(run.episodes);
        while (run.iteration < s.iterations()) {
            for (int t = 0; t < s.nSteps(); t++) {
                learner.act(obs, masks, r, t, discrete, box);
                if (shape.discrete()) vec.step(discrete);
                else vec.step(box);
                double[] rewards = vec.rewards();
                boolean[] term = vec.terminated(), trunc = vec.truncated();
                System.arraycopy(vec.observations(), 0, obs, 0, n * d);
                if (masks != null) System.arraycopy(vec.actionMasks(), 0, masks, 0, masks.length);
                norm.step(obs, rewards, term, trunc, learnRewards);
                boolean anyTruncated = false;
                for (int i = 0; i < n; i++) anyTruncated |= trunc[i] && !term[i];
                if (anyTruncated) {
                    System.arraycopy(vec.finalObservations(), 0, finalObs, 0, n * d);
                    norm.normalize(finalObs);
                    learner.values(finalObs, finalValues);
                }
                for (int i = 0; i < n; i++) done[i] = term[i] || trunc[i];
                learner.episodesEnded(done);
                run.step += n;
                for (int i = 0; i < n; i++) {
                    int k = t * n + i;
                    r.rewards[k] = learnRewards[i];
                    r.terminated[k] = term[i];
                    r.truncated[k] = trunc[i] && !term[i];
                    r.finalValues[k] = r.truncated[k] ? finalValues[i] : 0f;
                    run.returns[i] += rewards[i];
                    run.lengths[i]++;
                    if (term[i] || trunc[i]) {
                        EpisodeRow row = new EpisodeRow(run.episodes.size(), run.step, i, run.returns[i], run.lengths[i]);
                        run.episodes.add(row);
                        for (var stream : streams) stream.add(row);
                        lastReturn = run.returns[i];
                        run.returns[i] = 0;
                        run.lengths[i] = 0;
                    }
                }
            }
            learner.values(obs, r.lastValues);
            double remaining = Math.max(0, 1 - run.step / (double) s.totalSteps());
            ActorCritic.Stats stats = learner.update(r, remaining);
            run.iteration++;
            if (!stats.finite()) {
                throw new Diverged(source + ": training diverged at step " + run.step + ": the policy loss is " + stats.policyLoss()
                        + ", the value loss " + stats.valueLoss() + " (try a lower learning rate or a smaller $.pg.max_grad_norm)");
            }
            run.updates.add(UpdateRow.of(run.iteration, run.step, stats));
            long mark = run.step / ev.interval();
            if (mark > run.evaluationMark) {
                run.evaluationMark = mark;
                run.evaluations.add(evaluate(shape, learner, norm, root.child("eval").child(run.evaluations.size()), ev.episodes(), run.step,
                        run.evaluations.size()));
            }
            int every = config.checkpoint().interval();
            boolean checkpointNow = every > 0 && run.step / every > run.checkpointMark;
            if (checkpointNow) run.checkpointMark = run.step / every;
            boolean stopNow = run.step >= stopAfter || stopWhen.getAsBoolean();
            if (checkpointFile != null && (checkpointNow || stopNow)) checkpoint(shape, learner, norm, run, subEnvs).write(checkpointFile);
            if (checkpointNow || stopNow) for (var stream : streams) stream.flush();
            if (run.step - reported >= 256 || run.iteration == s.iterations()) {
                progress.advance(run.step - reported, lastReturn);
                reported = run.step;
            }
            if (stopNow && run.iteration < s.iterations()) return null;
        }
        progress.advance(run.step - reported, lastReturn);
        if (checkpointFile != null) checkpoint(shape, learner, norm, run, subEnvs).write(checkpointFile);
        for (var stream : streams) stream.flush();
        EvalRow finalEval = evaluate(shape, learner, norm, root.child("final"), ev.finalEpisodes(), run.step, -1);
        long parameters = 0;
        for (var p : learner.params()) parameters += p.value().size();
        return new Result(List.copyOf(run.episodes), List.copyOf(run.updates), List.copyOf(run.evaluations), finalEval, run.step,
                learner.updates, threshold, parameters);
    }

    private PgCheckpoint checkpoint(Shape shape, ActorCritic learner, Normalization norm, RunState run, List<SeededEpisodes> subEnvs) {
        return PgCheckpoint.of(config, shape, out -> {
            run.write(out);
            learner.write(out);
            norm.write(out);
            for (SeededEpisodes e : subEnvs) e.write(out);
        });
    }

    /**
     * Greedy episodes ({@link PolicyEpisodes}: the most probable action, or the Gaussian's mean),
     * episode j from {@code seeds.child(j)}; observations normalized with the training statistics,
     * frozen. Evaluation {@code k} (-1: the final one) is recorded as {@link #recordEvaluations} says.
     */
    EvalRow evaluate(Shape shape, ActorCritic learner, Normalization norm, Rng seeds, int episodes, long atStep, int k) {
        try (Env<Object, Object> env = makeEnv()) {
            GreedyAgent agent = new GreedyAgent(learner, norm, shape);
            PlayReport r = PolicyEpisodes.run(env, agent, seeds, episodes,
                    replays == null ? null : (j, seed) -> replays.create(k, j, episodes, seed, env, agent));
            return EvalRow.of(atStep, r.returns(), r.lengths());
        }
    }

    /** {@code jgym play}: the greedy policy of {@code checkpoint} (a run of this config), with its frozen normalization, played as {@code request} says. */
    public PlayReport play(PgCheckpoint checkpoint, PlayRequest request) {
        return play(checkpoint, request, request.seeds(config.seed()));
    }

    /** As {@link #play(PgCheckpoint, PlayRequest)}, episode j from {@code seeds.child(j)}. */
    PlayReport play(PgCheckpoint checkpoint, PlayRequest request, Rng seeds) {
        Shape shape = validate();
        checkpoint.check(config, shape, source);
        PgConfig.PgSettings s = config.pg();
        try (Backend backend = Backends.create(config.backend(), threads, Backends.Use.CPU_ONLY, "the policy-gradient family");
             Env<Object, Object> env = makeEnv()) {
            ActorCritic learner = new ActorCritic(s, backend, shape.obsDim(), shape.actionSpace(), new Rng(config.seed()));
            Normalization norm = new Normalization(s.normalize(), s.nEnvs(), shape.obsDim(), s.gamma());
            checkpoint.restore(in -> {
                new RunState(s.nEnvs()).read(in);
                learner.read(in);
                norm.read(in);
            });
            GreedyAgent agent = new GreedyAgent(learner, norm, shape);
            request.prepareRecording();
            return PolicyEpisodes.run(env, agent, seeds, request.episodes(),
                    request.recorders(env, agent, config.env().id(), config.env().options(), s.algorithm() + " " + config.name(), Json.MAPPER.valueToTree(config)));
        }
    }

    /**
     * The greedy policy as a core {@link Agent} on the env's own observations: each flattened (when
     * the env's is not a flat Box) and normalized (a copy) with the frozen statistics; with an action
     * mask, the legal actions from the reset's and each step's info. Its annotations (what a replay
     * stores for the viewer): the policy's action probabilities (Discrete) or the action taken,
     * {@code action_mean} (Box).
     */
    private static final class GreedyAgent implements Agent<Object, Object> {
        private final ActorCritic learner;
        private final Normalization norm;
        private final Shape shape;
        private final float[] action, flat;
        private final byte[] mask;

        GreedyAgent(ActorCritic learner, Normalization norm, Shape shape) {
            this.learner = learner;
            this.norm = norm;
            this.shape = shape;
            this.action = learner.discrete() ? null : new float[learner.actionDim()];
            this.flat = shape.flatAlready() ? null : new float[shape.obsDim()];
            this.mask = shape.maskedActions() > 0 ? new byte[shape.maskedActions()] : null;
        }

        @Override
        public Object act(Object observation) {
            float[] x;
            if (flat != null) {
                FlattenObservation.flatten(shape.observationSpace(), observation, flat);
                x = flat;
            } else {
                x = (float[]) observation;
                if (norm.normalizesObservations()) x = x.clone();
            }
            if (norm.normalizesObservations()) norm.normalize(x);
            if (learner.discrete()) return learner.greedy(x, mask);
            learner.greedy(x, action);
            return action.clone();
        }

        /** A recurrent policy starts each episode from a zero state; a masked one reads the start's legal actions. */
        @Override
        public void onEpisodeStart(Object observation, Map<String, Object> info) {
            if (mask != null) ActionMask.copy(info, mask.length, mask, 0);
            learner.startEpisode();
        }

        /** A masked policy reads the legal actions of the next observation from the step's info (none after the last step). */
        @Override
        public void observe(Transition<Object, Object> transition) {
            if (mask != null && !transition.done()) ActionMask.copy(transition.info(), mask.length, mask, 0);
        }

        @Override
        public Annotations annotations() {
            if (learner.discrete()) return Annotations.vector(Annotations.ACTION_PROBABILITIES, learner.lastProbabilities());
            double[] mean = new double[action.length];
            for (int j = 0; j < mean.length; j++) mean[j] = action[j];
            return Annotations.vector("action_mean", mean);
        }

        @Override
        public void save(Path file) {
            throw new UnsupportedOperationException("a policy-gradient run's networks are saved in its checkpoint.jgc");
        }

        @Override
        public void load(Path file) {
            throw new UnsupportedOperationException("a policy-gradient run's networks are restored from its checkpoint.jgc");
        }
    }

    /** The counters and rows of a run in progress (what a checkpoint holds besides the learner and the envs). */
    static final class RunState {
        long step, iteration, evaluationMark, checkpointMark;
        final double[] returns;
        final int[] lengths;
        final List<EpisodeRow> episodes = new ArrayList<>();
        final List<UpdateRow> updates = new ArrayList<>();
        final List<EvalRow> evaluations = new ArrayList<>();

        RunState(int envs) {
            returns = new double[envs];
            lengths = new int[envs];
        }

        void write(DataOutputStream out) throws IOException {
            out.writeLong(step);
            out.writeLong(iteration);
            out.writeLong(evaluationMark);
            out.writeLong(checkpointMark);
            out.writeInt(returns.length);
            for (int i = 0; i < returns.length; i++) {
                out.writeDouble(returns[i]);
                out.writeInt(lengths[i]);
            }
            out.writeInt(episodes.size());
            for (EpisodeRow e : episodes) {
                out.writeInt(e.episode());
                out.writeLong(e.step());
                out.writeInt(e.env());
                out.writeDouble(e.episodeReturn());
                out.writeInt(e.length());
            }
            out.writeInt(updates.size());
            for (UpdateRow u : updates) {
                out.writeLong(u.iteration());
                out.writeLong(u.step());
                for (double v : new double[] {u.learningRate(), u.clipRange(), u.policyLoss(), u.valueLoss(), u.entropy(), u.approxKl(),
                        u.clipFraction(), u.explainedVariance(), u.std()}) out.writeDouble(v);
            }
            out.writeInt(evaluations.size());
            for (EvalRow e : evaluations) e.write(out);
        }

        void read(DataInputStream in) throws IOException {
            step = in.readLong();
            iteration = in.readLong();
            evaluationMark = in.readLong();
            checkpointMark = in.readLong();
            int n = in.readInt();
            if (n != returns.length) throw new IllegalArgumentException(n + " envs, the config has " + returns.length);
            for (int i = 0; i < n; i++) {
                returns[i] = in.readDouble();
                lengths[i] = in.readInt();
            }
            for (int i = in.readInt(); i > 0; i--) episodes.add(new EpisodeRow(in.readInt(), in.readLong(), in.readInt(), in.readDouble(), in.readInt()));
            for (int i = in.readInt(); i > 0; i--) {
                updates.add(new UpdateRow(in.readLong(), in.readLong(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                        in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            for (int i = in.readInt(); i > 0; i--) evaluations.add(EvalRow.read(in));
        }
    }
}
