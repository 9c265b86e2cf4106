package dev.jgym.agents.dqn;

import java.io.IOException;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import dev.jgym.agents.run.Diverged;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Step;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Backends;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import dev.jgym.core.space.Discrete;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A DQN training run: the env loop around a {@link Learner} (a {@link DqnLearner}, or a
 * {@link DrqnLearner} when the config has a {@code recurrent} block: its memory is reset at every
 * episode start), greedy evaluations at intervals, checkpoints, and the rows that become
 * {@code metrics.csv} and {@code evaluations.csv}.
 *
 * <p>Seeding: training episode e starts from {@code reset(seed_e)} with seed_e drawn from
 * {@code Rng(seed).child("env").child(e)}, so the env's state at any step follows from the
 * episode's seed and its actions so far; a checkpoint stores those actions and a resumed run
 * replays them, giving exactly the uninterrupted run (for any env that passes the EnvChecker).
 * Evaluation k's episode j starts from {@code child("eval").child(k).child(j)}, the final
 * evaluation's from {@code child("final").child(j)}.
 *
 * <p>Order in a step t (t counts env steps from 1): act, env step, store; when
 * {@code t > learning_starts}: the discriminator's updates of an imitation run (see {@link AdversarialImitation}),
 * every {@code train_frequency} steps {@code gradient_steps} updates,
 * every {@code target_update_interval} steps the target update; then the episode bookkeeping,
 * evaluation (every {@code evaluation.interval}) and checkpoint (every {@code checkpoint.interval}).
 */
public final class DqnTraining {

    /** One finished training episode; loss and meanQ are the means over its updates (NaN without updates). */
    public record EpisodeRow(int episode, long step, double episodeReturn, int length, double epsilon, double loss, double meanQ) {}

    /** One greedy evaluation at env step {@code step}. */
    public record EvalRow(long step, int episodes, double mean, double std, double min, double max, double meanLength) {}

    /** What a run did. */
    public record Result(List<EpisodeRow> episodes, List<EvalRow> evaluations, EvalRow finalEvaluation, long steps,
                         long updates, long solvedAtStep, Learner learner) {
        public boolean solved() {
            return solvedAtStep >= 0;
        }
    }

    /** Progress for a bar: env steps done since the last call, and the latest episode's return (NaN before the first). */
    public interface Progress {
        void advance(long steps, double lastReturn);
    }

    /**
     * Makes a listener for the final evaluation's last episode, run through the {@link Simulator}:
     * the hook where the replay issue records a {@code .jgr} (env id, options, seed and agent label
     * are what a replay needs to re-simulate it). May return null.
     */
    public interface FinalEpisodeObserver {
        SimulatorListener<float[], Integer> create(String envId, Map<String, Object> options, long seed, String agentLabel);
    }

    /**
     * One greedy evaluation episode about to run through the {@link Simulator}.
     *
     * @param evaluation the periodic evaluation's index (from 0), or {@link #FINAL} for the final evaluation
     * @param atStep the env step of training the evaluation belongs to
     * @param episode the episode's index in its evaluation (from 0)
     * @param episodes the evaluation's episode count
     * @param seed the episode's reset seed (its only reset: the simulator resets with it)
     * @param agentLabel {@code "dqn <name>"}
     * @param env the env the simulator steps (made as {@code EnvRegistry.make(envId, options)}); its
     *     observations are its own (int[] for MultiBinary grids, whatever the type parameter says), so
     *     listeners pass them on without looking (as the replay recorder does)
     * @param agent the greedy agent; its {@code annotations()} hold the last step's Q-values
     */
    public record EvaluationEpisode(int evaluation, long atStep, int episode, int episodes, String envId, Map<String, Object> options,
                                    long seed, String agentLabel, Env<float[], Integer> env, Agent<float[], Integer> agent) {
        /** The {@code evaluation} of the final evaluation. */
        public static final int FINAL = -1;

        public boolean isFinal() {
            return evaluation == FINAL;
        }

        /** The evaluation's last episode. */
        public boolean last() {
            return episode == episodes - 1;
        }
    }

    /**
     * Watches greedy evaluation episodes, periodic and final (not the extra check that decides
     * "solved"): may return a listener for an episode, or null. A listener that is
     * {@link AutoCloseable} is closed when its episode ends. Listeners must draw no random number.
     */
    public interface EvaluationObserver {
        SimulatorListener<float[], Integer> create(EvaluationEpisode episode);
    }

    private final DqnConfig config;
    private final String source;
    private int threads = 1;
    private Progress progress = (n, r) -> { };
    private Path checkpointFile;
    private Checkpoint resumeFrom;
    private long stopAfter = Long.MAX_VALUE;
    private java.util.function.BooleanSupplier stopWhen = () -> false;
    private Path streamDir;
    private final List<FinalEpisodeObserver> observers = new ArrayList<>();
    private final List<EvaluationObserver> evaluationObservers = new ArrayList<>();

    public DqnTraining(DqnConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    public DqnConfig config() {
        return config;
    }

    public DqnTraining threads(int n) {
        this.threads = n;
        return this;
    }

    public DqnTraining progress(Progress p) {
        this.progress = p;
        return this;
    }

    /** Where to write checkpoints (every {@code checkpoint.interval} steps and at the end); null: none. */
    public DqnTraining checkpointTo(Path file) {
        this.checkpointFile = file;
        return this;
    }

    /** Continue from this checkpoint (read with {@link Checkpoint#read}). */
    public DqnTraining resumeFrom(Checkpoint checkpoint) {
        this.resumeFrom = checkpoint;
        return this;
    }

    /** Stop (as if interrupted, after writing a checkpoint) once this many env steps are done; for tests. */
    DqnTraining stopAfter(long steps) {
        this.stopAfter = steps;
        return this;
    }

    /**
     * Stop (after writing a checkpoint) at the first step boundary where {@code stop} is true: how
     * Ctrl-C ends a run that {@code --resume} continues; {@link #run()} then returns null.
     */
    public DqnTraining stopWhen(java.util.function.BooleanSupplier stop) {
        this.stopWhen = stop;
        return this;
    }

    /** Streams {@code metrics.csv} and the training curve into {@code dir} while training ({@link EpisodeStream}). */
    public DqnTraining streamTo(Path dir) {
        this.streamDir = dir;
        return this;
    }

    public DqnTraining observeFinalEpisode(FinalEpisodeObserver observer) {
        observers.add(observer);
        return this;
    }

    /** Offers every greedy evaluation episode (periodic and final) to {@code observer}; see {@link DqnReplays}. */
    public DqnTraining observeEvaluations(EvaluationObserver observer) {
        evaluationObservers.add(observer);
        return this;
    }

    /** The env's sizes, checked: observations the network can read (see {@link ObservationView}), a Discrete action space. */
    record Shape(int obsDim, int actions, Double rewardThreshold) {}

    /** How the network reads observations (set by {@link #validate}). */
    private ObservationView view;

    @SuppressWarnings("unchecked")
    Env<float[], Integer> makeEnv() {
        try {
            return (Env<float[], Integer>) (Env<?, ?>) EnvRegistry.make(config.env().id(), config.env().options());
        } catch (UserError e) {
            throw e.in(source + ": $.env");
        }
    }

    /** How the network reads the env's observations (set by {@link #validate()}). */
    ObservationView view() {
        if (view == null) throw new IllegalStateException("validate() first");
        return view;
    }

    /**
     * Checks the config against its env before any work (spaces, how the network reads the
     * observation, the encoder's shapes, output size).
     */
    public Shape validate() {
        Env<?, ?> env = makeEnv();
        try {
            view = ObservationView.of(config.dqn().network(), env.observationSpace(), config.env().id(), source);
            if (config.dqn().recurrent() != null && config.dqn().network().encoder() != null) {
                throw new UserError(source + ": $.dqn.recurrent: the recurrent core reads the observation vector; expected no "
                        + "$.dqn.network.encoder with it, found an encoder of " + config.dqn().network().encoder().size() + " layers");
            }
            if (config.dqn().network().encoder() != null) Encoder.check(config.dqn().network().encoder(), view.shape(), source, "$.dqn.network.encoder");
            if (!(env.actionSpace() instanceof Discrete d) || d.start() != 0) {
                throw new UserError(source + ": $.env.id: DQN needs a Discrete action space starting at 0, " + config.env().id() + " has " + env.actionSpace());
            }
            Integer outputs = config.dqn().network().outputs();
            if (outputs != null && outputs != d.n()) {
                throw new UserError(source + ": $.dqn.network.outputs: expected " + d.n() + " (the actions of " + config.env().id() + "), found " + outputs);
            }
            EnvSpec spec = env.spec();
            Shape shape = new Shape(view.size(), d.n(), spec == null ? null : spec.rewardThreshold());
            if (config.imitation() != null) loadExpert(shape);
            return shape;
        } finally {
            env.close();
        }
    }

    /** The expert pairs of an imitation run, read (and every replay verified) once. */
    private ExpertDemonstrations expert;

    private void loadExpert(Shape shape) {
        if (config.dqn().nStep() != 1) {
            throw new UserError(source + ": $.dqn.n_step: adversarial imitation recomputes each sampled transition's reward from the current "
                    + "discriminator, so it needs one-step returns (n_step 1), found " + config.dqn().nStep());
        }
        if (config.dqn().recurrent() != null) {
            throw new UserError(source + ": $.dqn.recurrent: adversarial imitation relabels the feed-forward replay's transitions; "
                    + "expected no recurrent block with an imitation block, found " + config.dqn().recurrent().cell());
        }
        if (expert == null) {
            ImitationSettings im = config.imitation();
            expert = ExpertDemonstrations.load(im.expert(), im.episodes(), config.env().id(), config.env().options(), shape.obsDim(), source);
        }
    }

    private double threshold(Shape shape) {
        if (config.evaluation().threshold() != null) return config.evaluation().threshold();
        return shape.rewardThreshold() == null ? Double.POSITIVE_INFINITY : shape.rewardThreshold();
    }

    static long episodeSeed(Rng root, String stream, long... path) {
        Rng r = root.child(stream);
        for (long p : path) r = r.child(p);
        return r.nextLong();
    }

    public Result run() {
        Shape shape = validate();
        DqnConfig.DqnSettings s = config.dqn();
        DqnConfig.EvaluationSettings ev = config.evaluation();
        Rng root = new Rng(config.seed());
        double threshold = threshold(shape);
        try (Backend backend = backend()) {
            Learner learner = Learners.create(s, backend, view, shape.actions(), root, source,
                    config.imitation() == null ? null : new Learners.Imitation(config.imitation(), expert, root.child("imitation")));
            AdversarialImitation imitation = learner.imitation();
            Run run = new Run();
            Env<?, Integer> env = makeEnv();
            ObservationView sees = view.on(env);
            float[] obs = new float[shape.obsDim()], nextObs = new float[shape.obsDim()];
            if (resumeFrom != null) {
                resumeFrom.check(config, shape, source);
                resumeFrom.restoreInto(learner, run);
                Object o = env.reset(episodeSeed(root, "env", run.episode), Map.of()).observation();
                for (int i = 0; i < run.episodeActions.size(); i++) o = env.step(run.episodeActions.get(i)).observation();
                sees.read(o, obs);
            } else {
                sees.read(env.reset(episodeSeed(root, "env", 0), Map.of()).observation(), obs);
                learner.startEpisode();
            }
            EpisodeStream stream = streamDir == null ? null : new EpisodeStream(streamDir);
            if (stream != null) stream.start(run.episodes);
            double lastReturn = run.episodes.isEmpty() ? Double.NaN : run.episodes.get(run.episodes.size() - 1).episodeReturn();
            long reported = run.step;
            while (run.step < s.totalSteps() && run.solvedAt < 0) {
                double epsilon = DqnLearner.epsilon(s, run.step);
                int action = learner.act(obs, epsilon);
                Step<?> step = env.step(action);
                sees.read(step.observation(), nextObs);
                // imitation: the learner never sees the env's reward (NaN would poison any loss that read it)
                learner.observe(obs, action, imitation == null ? step.reward() : Double.NaN, nextObs, step.terminated(), step.truncated());
                run.step++;
                run.episodeActions.add(action);
                run.episodeReturn += step.reward();
                long t = run.step;
                if (t > s.learningStarts()) {
                    if (imitation != null) imitation.train(t);
                    if (t % s.trainFrequency() == 0 && learner.stored() >= s.batchSize()) {
                        for (int g = 0; g < s.gradientSteps(); g++) {
                            Learner.StepStats st = learner.trainStep(DqnLearner.beta(s, t));
                            if (!Double.isFinite(st.loss())) {
                                throw new Diverged(source + ": training diverged at step " + t + ": the loss is " + st.loss()
                                        + " (try a lower learning rate or a smaller $.dqn.max_grad_norm)");
                            }
                            run.lossSum += st.loss();
                            run.qSum += st.meanQ();
                            run.updatesInEpisode++;
                        }
                    }
                    if (t % s.targetUpdateInterval() == 0) learner.updateTarget();
                }
                if (step.done()) {
                    int n = run.updatesInEpisode;
                    EpisodeRow row = new EpisodeRow(run.episode, t, run.episodeReturn, run.episodeActions.size(), epsilon,
                            n == 0 ? Double.NaN : run.lossSum / n, n == 0 ? Double.NaN : run.qSum / n);
                    run.episodes.add(row);
                    if (stream != null) stream.episode(row);
                    lastReturn = run.episodeReturn;
                    run.episode++;
                    run.startEpisode();
                    sees.read(env.reset(episodeSeed(root, "env", run.episode), Map.of()).observation(), obs);
                    learner.startEpisode();
                } else {
                    float[] t0 = obs;
                    obs = nextObs;
                    nextObs = t0;
                }
                if (t % ev.interval() == 0) {
                    EvalRow row = evaluate(learner, root.child("eval").child(run.evaluations.size()), ev.episodes(), t, null, run.evaluations.size());
                    run.evaluations.add(row);
                    if (ev.stopWhenSolved() && row.mean() >= threshold) {
                        EvalRow full = ev.finalEpisodes() == ev.episodes() ? row
                                : evaluate(learner, root.child("solve").child(run.evaluations.size() - 1), ev.finalEpisodes(), t, null, NOT_OBSERVED);
                        if (full.mean() >= threshold) run.solvedAt = t;
                    }
                }
                boolean checkpointNow = config.checkpoint().interval() > 0 && t % config.checkpoint().interval() == 0;
                boolean stopNow = t >= stopAfter || stopWhen.getAsBoolean();
                if (checkpointFile != null && (checkpointNow || stopNow)) {
                    if (stream != null) stream.flush();
                    Checkpoint.of(config, shape, learner, run).write(checkpointFile);
                }
                if (t - reported >= 256 || run.step >= s.totalSteps()) {
                    progress.advance(t - reported, lastReturn);
                    reported = t;
                }
                if (stopNow) {
                    env.close();
                    return null;
                }
            }
            progress.advance(run.step - reported, lastReturn);
            env.close();
            if (stream != null) stream.flush();
            if (checkpointFile != null) Checkpoint.of(config, shape, learner, run).write(checkpointFile);
            EvalRow finalEval = evaluate(learner, root.child("final"), ev.finalEpisodes(), run.step, observers, EvaluationEpisode.FINAL);
            return new Result(List.copyOf(run.episodes), List.copyOf(run.evaluations), finalEval, run.step, learner.updates(), run.solvedAt, learner);
        }
    }

    /** The config's backend on {@link #threads}: the CPU backend (DQN's step reads host arrays between kernels). */
    Backend backend() {
        try {
            return Backends.create(config.backend(), threads, Backends.Use.CPU_ONLY, "DQN (its training step reads host arrays between kernels)");
        } catch (UserError e) {
            throw e.in(source + ": $.backend");
        }
    }

    /** The counters and rows of a run in progress (what a checkpoint holds besides the learner). */
    static final class Run implements State {
        long step;
        int episode;
        long solvedAt = -1;
        double episodeReturn, lossSum, qSum;
        int updatesInEpisode;
        final List<Integer> episodeActions = new ArrayList<>();
        final List<EpisodeRow> episodes = new ArrayList<>();
        final List<EvalRow> evaluations = new ArrayList<>();

        /** The counters, the current episode's actions (replayed from its seed on resume) and the rows so far. */
        @Override
        public void write(DataOutputStream out) throws IOException {
            out.writeLong(step);
            out.writeInt(episode);
            out.writeLong(solvedAt);
            out.writeDouble(episodeReturn);
            out.writeDouble(lossSum);
            out.writeDouble(qSum);
            out.writeInt(updatesInEpisode);
            out.writeInt(episodeActions.size());
            for (int a : episodeActions) out.writeInt(a);
            out.writeInt(episodes.size());
            for (EpisodeRow r : episodes) {
                out.writeInt(r.episode());
                out.writeLong(r.step());
                out.writeDouble(r.episodeReturn());
                out.writeInt(r.length());
                out.writeDouble(r.epsilon());
                out.writeDouble(r.loss());
                out.writeDouble(r.meanQ());
            }
            out.writeInt(evaluations.size());
            for (EvalRow r : evaluations) {
                out.writeLong(r.step());
                out.writeInt(r.episodes());
                out.writeDouble(r.mean());
                out.writeDouble(r.std());
                out.writeDouble(r.min());
                out.writeDouble(r.max());
                out.writeDouble(r.meanLength());
            }
        }

        @Override
        public void read(DataInputStream in) throws IOException {
            step = in.readLong();
            episode = in.readInt();
            solvedAt = in.readLong();
            episodeReturn = in.readDouble();
            lossSum = in.readDouble();
            qSum = in.readDouble();
            updatesInEpisode = in.readInt();
            episodeActions.clear();
            for (int i = in.readInt(); i > 0; i--) episodeActions.add(in.readInt());
            episodes.clear();
            for (int i = in.readInt(); i > 0; i--) {
                episodes.add(new EpisodeRow(in.readInt(), in.readLong(), in.readDouble(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            evaluations.clear();
            for (int i = in.readInt(); i > 0; i--) {
                evaluations.add(new EvalRow(in.readLong(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
        }

        void startEpisode() {
            episodeReturn = 0;
            lossSum = 0;
            qSum = 0;
            updatesInEpisode = 0;
            episodeActions.clear();
        }
    }

    /** The {@code evaluation} index of an evaluation no {@link EvaluationObserver} sees. */
    private static final int NOT_OBSERVED = -2;

    /**
     * Greedy episodes through the {@link Simulator}, episode j from {@code seeds.child(j)};
     * final-episode observers (if any) watch the last one, evaluation observers every one unless
     * {@code evaluation} is {@link #NOT_OBSERVED}.
     */
    EvalRow evaluate(Learner learner, Rng seeds, int episodes, long atStep, List<FinalEpisodeObserver> lastEpisodeObservers,
                     int evaluation) {
        double sum = 0, sumSq = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, lengths = 0;
        Env<float[], Integer> env = makeEnv();
        GreedyAgent agent = new GreedyAgent(learner, view.on(env));
        for (int j = 0; j < episodes; j++) {
            long seed = seeds.child(j).nextLong();
            double[] ret = new double[1];
            int[] len = new int[1];
            Simulator.Builder<float[], Integer> b = Simulator.builder(env, agent.asFloatAgent()).seed(seed).maxEpisodes(1)
                    .listener(new SimulatorListener<>() {
                        @Override
                        public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                            ret[0] = episodeReturn;
                            len[0] = length;
                        }
                    });
            if (lastEpisodeObservers != null && j == episodes - 1) {
                for (FinalEpisodeObserver o : lastEpisodeObservers) {
                    SimulatorListener<float[], Integer> l = o.create(config.env().id(), config.env().options(), seed, "dqn " + config.name());
                    if (l != null) b.listener(l);
                }
            }
            List<AutoCloseable> toClose = new ArrayList<>();
            if (evaluation != NOT_OBSERVED) {
                for (EvaluationObserver o : evaluationObservers) {
                    SimulatorListener<float[], Integer> l = o.create(new EvaluationEpisode(evaluation, atStep, j, episodes, config.env().id(),
                            config.env().options(), seed, "dqn " + config.name(), env, agent.asFloatAgent()));
                    if (l == null) continue;
                    b.listener(l);
                    if (l instanceof AutoCloseable c) toClose.add(c);
                }
            }
            try {
                b.build().run();
            } finally {
                for (AutoCloseable c : toClose) close(c);
            }
            sum += ret[0];
            sumSq += ret[0] * ret[0];
            min = Math.min(min, ret[0]);
            max = Math.max(max, ret[0]);
            lengths += len[0];
        }
        env.close();
        double mean = sum / episodes;
        double std = Math.sqrt(Math.max(0, sumSq / episodes - mean * mean));
        return new EvalRow(atStep, episodes, mean, std, min, max, lengths / episodes);
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot close an evaluation listener", e);
        }
    }

    /**
     * The greedy policy of a learner as a core {@link Agent} (for the simulator and viewers), with its
     * own memory (a recurrent learner's state, reset at every episode start). It takes the env's own
     * observations (float[] for Box envs, int[] for MultiBinary ones) and reads them through the
     * run's {@link ObservationView}.
     */
    public static final class GreedyAgent implements Agent<Object, Integer> {
        private final Learner learner;
        private final Learner.Actor actor;
        private final ObservationView view;
        private final float[] input;
        private double[] lastValues = new double[0];

        /** Over one-dimensional Box observations. */
        public GreedyAgent(Learner learner) {
            this(learner, null);
        }

        /** Reading observations through {@code view} (bound to the env the agent plays; null: float vectors as they are). */
        public GreedyAgent(Learner learner, ObservationView view) {
            this.learner = learner;
            this.actor = learner.greedyActor();
            this.view = view;
            this.input = view == null ? null : new float[view.size()];
        }

        /**
         * This agent typed for the DQN's {@code Env<float[], Integer>} hooks ({@link EvaluationEpisode},
         * the simulator); observations of MultiBinary envs are int[] all the same: the simulator and
         * the replay recorder pass them on without looking.
         */
        @SuppressWarnings("unchecked")
        public Agent<float[], Integer> asFloatAgent() {
            return (Agent<float[], Integer>) (Agent<?, ?>) this;
        }

        @Override
        public void onEpisodeStart(Object observation) {
            actor.reset();
        }

        @Override
        public Integer act(Object observation) {
            float[] x = view == null ? (float[]) observation : input;
            if (view != null) view.read(observation, input);
            int a = actor.greedy(x);
            float[] q = actor.lastValues();
            if (lastValues.length != q.length) lastValues = new double[q.length];
            for (int i = 0; i < q.length; i++) lastValues[i] = q[i];
            return a;
        }

        @Override
        public void observe(Transition<Object, Integer> transition) {}

        @Override
        public dev.jgym.core.scene.Annotations annotations() {
            return dev.jgym.core.scene.Annotations.vector(dev.jgym.core.scene.Annotations.ACTION_VALUES, lastValues.clone());
        }

        @Override
        public void save(Path file) {
            dev.jgym.nn.io.ModelFile.save(file, model());
        }

        @Override
        public void load(Path file) {
            dev.jgym.nn.io.ModelFile.loadInto(file, model());
        }

        private dev.jgym.nn.layers.Sequential model() {
            dev.jgym.nn.layers.Sequential m = learner.model();
            if (m == null) throw new UnsupportedOperationException("this Q-network is not a chain of layers (dueling or recurrent): its checkpoint holds it");
            return m;
        }
    }
}
