package dev.jgym.experiments;

import dev.jgym.agents.Evaluation;
import dev.jgym.agents.AgentContext;
import dev.jgym.agents.Agents;
import dev.jgym.agents.GreedyPolicy;
import dev.jgym.agents.tabular.ValueEstimates;
import dev.jgym.experiments.ExperimentConfig.AgentConfig;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.Simulator;
import dev.jgym.replays.EpisodeSchedule;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayRecorder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Runs an {@link ExperimentConfig}: every agent for {@code runs} independent runs of
 * {@code steps} steps, on a thread pool, with results that do not depend on the thread count.
 *
 * <p>Seeds: run r of every agent resets its env with {@code root.child("env").child(r)}, so all
 * agents face the same problem instances (common random numbers); the agent labelled L draws
 * from {@code root.child("agent").child(L).child(r)}.
 *
 * <p>Determinism across thread counts: the runs are cut into fixed blocks of
 * {@value #BLOCK_RUNS} (independent of the thread count); each block sums its runs' metrics in run
 * order, and blocks are added up in block order. Which thread ran which block changes nothing.
 *
 * <p>Streaming: the points (steps or episodes) are cut into about {@value #CHUNKS} chunks. A block
 * advances all its runs to the end of a chunk, one run after the other (the simulator pauses and
 * goes on, {@link Simulator#runUntil}), before any goes further; the pool takes the earliest agent,
 * then the earliest chunk first. Once every block of an agent is past a chunk, the means over runs
 * of that chunk's points are final and go to {@link #onRows} (on the calling thread, in agent and
 * point order): what {@code metrics.csv} streams. Every point's sum is still added in run order
 * within a block and in block order across blocks, so the numbers are those of runs played one
 * after the other.
 *
 * <p>Metrics with {@code curve: "step"} (the default): {@code reward}, then {@code episodes} (episodes
 * completed by each step) with {@code count_episodes}, then every boolean or numeric entry of the
 * env's step info, found by one probe step of run 0 (for bandits: {@code optimal} and
 * {@code regret}). With {@code curve: "episode"}: {@code return} and {@code length} of each episode;
 * a run plays {@code episodes} episodes (and fails with a {@link UserError} if it reaches the
 * optional {@code steps} cap first).
 *
 * <p>Evaluation: with {@code evaluation}, each run's agent then plays its greedy policy
 * ({@link GreedyPolicy}) for the given episodes on a fresh env reset with
 * {@code root.child("evaluation").child(r)}; see {@link Evaluation}.
 *
 * <p>Values: after each run, an agent with tabular value estimates ({@link ValueEstimates}) adds
 * its V and Q to the sums that become {@link FinalValues} (means over runs, in {@code values.csv}).
 * With {@code true_values}, every agent must have estimates, and the curves gain
 * {@code value_rms} and {@code value_mse} ({@link ValueErrors}), read after every step (episode).
 * With {@code values_at}, the same sums after those episodes ({@link ExperimentResult.AgentCurves#valuesAt}).
 *
 * <p>Replays: given an output folder, the runs named by the config's {@code replays} (run 0 by
 * default) are recorded by a {@link ReplayRecorder} on its schedule (capped cubic by default) into
 * {@code replays/<agent-label-slug>/episode-N.jgr}, with {@code episodes.csv} beside them. Recording
 * reads but never draws from any stream, so metrics are the same with and without it.
 */
public final class Experiment {
    /** Runs per block: the unit of work and of summation order. */
    static final int BLOCK_RUNS = 16;
    /** About how many chunks the points are cut into: the cadence at which an agent's rows become final. */
    static final int CHUNKS = 20;

    /** Final means over runs of a stretch of one agent's curves: {@code curves[m][k]} is metric m at point {@code from + k}. */
    public record Rows(String label, int from, double[][] curves) {}

    private final ExperimentConfig config;
    private final String source;
    private Path replayRoot;
    /** Told each stretch of rows as soon as it is final, in agent and point order (on the calling thread). */
    private Consumer<Rows> rowsDone = r -> { };
    /** The config's true values as table rows (set by {@link #validate()}), or null without them. */
    private ValueErrors valueErrors;

    /** @param source where the config came from (a file name), for error messages */
    public Experiment(ExperimentConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    public static Experiment read(Path file) {
        return new Experiment(ExperimentConfig.read(file), file.toString());
    }

    public ExperimentConfig config() {
        return config;
    }

    /**
     * Tells {@code listener} each chunk of an agent's curves as soon as every run of the agent is
     * past it, in config order of agents and in point order (on the thread that called
     * {@link #run}): what {@code metrics.csv} streams.
     */
    public Experiment onRows(Consumer<Rows> listener) {
        this.rowsDone = listener;
        return this;
    }

    /** Total steps (episodes, with {@code curve: "episode"}) over all agents and runs, for progress. */
    public long totalSteps() {
        return config.agents().size() * (long) config.runs() * config.points();
    }

    /**
     * Checks everything that can be wrong before any work starts (env id, env options, agent
     * types and settings) and returns the metric names. Mistakes are {@link UserError}s naming
     * the file and JSON path.
     */
    public List<String> validate() {
        String id = config.env().id();
        try {
            EnvRegistry.spec(id);
        } catch (UserError e) {
            throw e.in(source + ": $.env.id");
        }
        List<String> metrics = new ArrayList<>();
        if (config.episodic()) metrics.addAll(config.trueValues() == null ? EpisodeMetrics.NAMES : EpisodeMetrics.NAMES_WITH_ERRORS);
        else metrics.add(StepMetrics.REWARD);
        if (config.countEpisodes()) metrics.add(StepMetrics.EPISODES);
        try (Env<Object, Object> env = makeEnv()) {
            Rng root = new Rng(config.seed());
            for (int a = 0; a < config.agents().size(); a++) {
                Agent<Object, Object> agent = makeAgent(a, env, root, 0);
                if (config.evaluation() != null && !(agent instanceof GreedyPolicy)) {
                    throw new UserError(source + ": $.evaluation: agent type \"" + config.agents().get(a).type()
                            + "\" (agents[" + a + "]) has no greedy policy to evaluate");
                }
                if (config.trueValues() != null) {
                    if (!(agent instanceof ValueEstimates estimates)) {
                        throw new UserError(source + ": $.true_values: agent type \"" + config.agents().get(a).type()
                                + "\" (agents[" + a + "]) keeps no table of value estimates to compare");
                    }
                    valueErrors = valueErrors(estimates);
                }
            }
            if (config.valueMap() != null) {
                config.valueMap().check(env.observationSpace(), EnvRegistry.spec(id).actionNames(),
                        (Object) env.actionSpace() instanceof dev.jgym.core.space.Discrete d ? d.n() : 0, source + ": $.value_map");
            }
            if (config.evaluation() != null) makeEvaluationEnv().close();
            if (config.episodic()) return List.copyOf(metrics);
            env.reset(envSeed(root, 0), Map.of());
            Step<Object> probe = env.step(env.sampleAction());
            TreeSet<String> keys = new TreeSet<>();
            probe.info().forEach((k, v) -> {
                if (StepMetrics.isMetric(v) && !metrics.contains(k) && !k.equals(Env.IS_SUCCESS)) keys.add(k);
            });
            metrics.addAll(keys);
            if (config.trueValues() != null) {
                metrics.add(ValueErrors.RMS);
                metrics.add(ValueErrors.MSE);
            }
        }
        return List.copyOf(metrics);
    }

    /** The config's true values as rows of an agent's table; a state not in the env's space is one line naming it. */
    private ValueErrors valueErrors(ValueEstimates estimates) {
        ExperimentConfig.TrueValues tv = config.trueValues();
        int[] rows = new int[tv.states().size()];
        double[] truth = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            try {
                rows[i] = estimates.states().index(tv.observation(i));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new UserError(source + ": $.true_values.states[" + i + "]: expected an observation of "
                        + estimates.states().space() + ", found " + tv.states().get(i));
            }
            truth[i] = tv.values().get(i);
        }
        return new ValueErrors(rows, truth);
    }

    private Env<Object, Object> makeEnv() {
        try {
            return EnvRegistry.make(config.env().id(), config.env().options());
        } catch (UserError e) {
            throw e.in(source + ": $.env.options");
        }
    }

    /** The evaluation env: the config's env, with the evaluation's time limit when it gives one. */
    private Env<Object, Object> makeEvaluationEnv() {
        Map<String, Object> options = new java.util.TreeMap<>(config.env().options());
        if (config.evaluation().maxSteps() != null) options.put("max_episode_steps", config.evaluation().maxSteps());
        try {
            return EnvRegistry.make(config.env().id(), options);
        } catch (UserError e) {
            throw e.in(source + ": $.evaluation.max_steps");
        }
    }

    @SuppressWarnings("unchecked")
    private Agent<Object, Object> makeAgent(int index, Env<Object, Object> env, Rng root, int run) {
        AgentConfig a = config.agents().get(index);
        Rng rng = root.child("agent").child(a.label()).child(run);
        AgentContext context = new AgentContext(a.type(), env.observationSpace(), env.actionSpace(), rng);
        try {
            return (Agent<Object, Object>) Agents.create(a.type(), a.settings(), source, "$.agents[" + index + "].settings", context);
        } catch (UserError e) {
            if (e.getMessage().startsWith(source)) throw e;
            throw e.in(source + ": $.agents[" + index + "].type");
        }
    }

    private static long envSeed(Rng root, int run) {
        return root.child("env").child(run).seed();
    }

    /**
     * Runs the experiment on {@code threads} threads. {@code progress} receives step counts as
     * blocks finish (from worker threads).
     */
    public ExperimentResult run(int threads, LongConsumer progress) {
        return run(threads, progress, null);
    }

    /**
     * As {@link #run(int, LongConsumer)}, recording replays into {@code outDir/replays/} as the
     * config's {@code replays} says ({@code outDir == null}: nothing is recorded).
     */
    public ExperimentResult run(int threads, LongConsumer progress, Path outDir) {
        this.replayRoot = outDir == null || config.replays().off() ? null : outDir.resolve(ReplayFiles.FOLDER);
        if (threads <= 0) throw new IllegalArgumentException("threads must be positive, was " + threads);
        List<String> metrics = validate();
        int runs = config.runs();
        int blocks = (runs + BLOCK_RUNS - 1) / BLOCK_RUNS;
        int agents = config.agents().size();
        int points = Math.toIntExact(config.points());
        int chunk = Math.max(1, (points + CHUNKS - 1) / CHUNKS);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new PriorityBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "jgym-experiment");
            t.setDaemon(true);
            return t;
        });
        List<Block> work = new ArrayList<>();
        try {
            for (int a = 0; a < agents; a++) {
                for (int b = 0; b < blocks; b++) {
                    Block block = new Block(a, b, chunk, metrics, progress, pool);
                    work.add(block);
                    pool.execute(block);
                }
            }
            List<ExperimentResult.AgentCurves> curves = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                List<Block> mine = work.subList(a * blocks, (a + 1) * blocks);
                double[][] mean = new double[metrics.size()][points];
                for (int from = 0, c = 0; from < points; from += chunk, c++) {
                    int to = Math.min(points, from + chunk);
                    for (Block b : mine) Futures.join(b.done.get(c));
                    double[][] rows = new double[metrics.size()][to - from];
                    for (int m = 0; m < metrics.size(); m++) {
                        for (Block b : mine) { // block order: the summation order is fixed
                            for (int t = from; t < to; t++) mean[m][t] += b.metrics.sums[m][t];
                        }
                        for (int t = from; t < to; t++) rows[m][t - from] = mean[m][t] /= runs;
                    }
                    rowsDone.accept(new Rows(config.agents().get(a).label(), from, rows));
                }
                curves.add(combine(a, mean, mine.stream().map(b -> b.metrics).toList(), metrics.size()));
            }
            return config.episodic()
                    ? new ExperimentResult(metrics, curves, points, points - config.summaryWindow(), runs, ExperimentConfig.EPISODE)
                    : new ExperimentResult(metrics, curves, config.steps(), config.steps() - config.summaryWindow(), runs);
        } finally {
            // blocks still queued are closed here; a running one closes itself when it cannot queue its next chunk
            for (Runnable queued : pool.shutdownNow()) ((Block) queued).close();
        }
    }

    /** The agent's value estimates, or null when it keeps none. */
    private static ValueEstimates estimates(Agent<Object, Object> agent) {
        return agent instanceof ValueEstimates e ? e : null;
    }

    @SuppressWarnings("unchecked")
    private Evaluation.Result evaluate(Agent<Object, Object> agent, Rng root, int run) {
        GreedyPolicy<Object, Object> policy = (GreedyPolicy<Object, Object>) agent;
        try (Env<Object, Object> env = makeEvaluationEnv()) {
            return Evaluation.run(env, policy::greedyAction, config.evaluation().episodes(), root.child("evaluation").child(run).seed());
        }
    }

    /**
     * One block of one agent's runs, advanced a chunk of points at a time on the pool: each
     * execution takes every run of the block, in run order, to the chunk's end, says so
     * ({@link #done}) and puts the block back in the queue for the next chunk. The queue serves the
     * earliest agent, then the earliest chunk, then the earliest block. A run that reaches the end
     * is finished at once (window means, value estimates, greedy evaluation, replays closed).
     */
    private final class Block implements Runnable, Comparable<Block> {
        final int agent, block, first, last, chunk;
        final BlockMetrics metrics;
        /** done.get(c): every run of this block is past chunk c (or the exception that stopped it). */
        final List<CompletableFuture<Void>> done = new ArrayList<>();
        private final LongConsumer progress;
        private final ThreadPoolExecutor pool;
        private final List<LiveRun> live = new ArrayList<>();
        private int next;

        Block(int agent, int block, int chunk, List<String> names, LongConsumer progress, ThreadPoolExecutor pool) {
            this.agent = agent;
            this.block = block;
            this.chunk = chunk;
            this.first = block * BLOCK_RUNS;
            this.last = Math.min(config.runs(), first + BLOCK_RUNS);
            this.metrics = config.episodic() ? new EpisodeMetrics(config.episodes(), config.summaryWindow(), last - first, valueErrors, config.valuesAt())
                    : new StepMetrics(names, config.steps(), config.summaryWindow(), last - first, config.countEpisodes(), valueErrors);
            if (config.evaluation() != null) metrics.evaluations = new Evaluation.Result[last - first];
            for (long p = 0; p < config.points(); p += chunk) done.add(new CompletableFuture<>());
            this.progress = progress;
            this.pool = pool;
        }

        @Override
        public int compareTo(Block o) {
            if (agent != o.agent) return Integer.compare(agent, o.agent);
            if (next != o.next) return Integer.compare(next, o.next);
            return Integer.compare(block, o.block);
        }

        @Override
        public void run() {
            try {
                if (next == 0) start();
                int to = (int) Math.min(config.points(), (long) (next + 1) * chunk), from = next * chunk;
                boolean end = next == done.size() - 1;
                for (LiveRun r : live) {
                    r.advance(to);
                    if (end) r.finish();
                }
                progress.accept((long) (to - from) * live.size());
                done.get(next++).complete(null);
                if (!end) pool.execute(this);
            } catch (Throwable e) {
                for (int c = next; c < done.size(); c++) done.get(c).completeExceptionally(e);
                close();
            }
        }

        private void start() {
            Rng root = new Rng(config.seed());
            for (int run = first; run < last; run++) live.add(new LiveRun(this, root, run));
        }

        /** Closes what a failed or abandoned block still holds. */
        void close() {
            for (LiveRun r : live) r.close();
        }
    }

    /** One run in progress: its env, agent and simulator (and its recorder when the config records it), paused between chunks. */
    private final class LiveRun {
        private final Block block;
        private final Rng root;
        private final int run;
        private final Env<Object, Object> env;
        private final Agent<Object, Object> agent;
        private final Simulator<Object, Object> sim;
        private final ReplayRecorder<Object, Object> recorder;
        private boolean closed;

        LiveRun(Block block, Rng root, int run) {
            this.block = block;
            this.root = root;
            this.run = run;
            this.env = makeEnv();
            this.agent = makeAgent(block.agent, env, root, run);
            long seed = envSeed(root, run);
            Simulator.Builder<Object, Object> b = Simulator.builder(env, agent).seed(seed)
                    .listener(block.metrics.listener(run - block.first, estimates(agent)));
            if (config.episodic()) b.maxEpisodes(config.episodes()).maxSteps(config.steps() == null ? Long.MAX_VALUE : config.steps());
            else b.maxSteps(config.steps());
            this.recorder = recorder(block.agent, run, env, agent, seed);
            if (recorder != null) b.listener(recorder);
            this.sim = b.build();
        }

        /** Plays on to point {@code to} (a step, or an episode with {@code curve: "episode"}); a run that hits the step cap first is the user's mistake. */
        void advance(int to) {
            if (!config.episodic()) {
                sim.runUntil(to, Integer.MAX_VALUE);
                return;
            }
            Simulator.Result r = sim.runUntil(Long.MAX_VALUE, to);
            if (r.episodes() < to) {
                throw new UserError(source + ": $.steps: run " + run + " of \"" + config.agents().get(block.agent).label()
                        + "\" reached the cap of " + config.steps() + " steps after " + r.episodes() + " of " + config.episodes()
                        + " episodes (raise steps, or give the env a max_episode_steps)");
            }
        }

        /** The run is done: its window means, its estimates added to the block's (run order), its greedy evaluation; then closed. */
        void finish() {
            close();
            int i = run - block.first;
            block.metrics.finishRun(i);
            if (agent instanceof ValueEstimates e) block.metrics.values = FinalValues.add(block.metrics.values, e, valueErrors);
            if (block.metrics.evaluations != null) block.metrics.evaluations[i] = evaluate(agent, root, run);
        }

        void close() {
            if (closed) return;
            closed = true;
            try {
                if (recorder != null) recorder.close();
            } finally {
                env.close();
            }
        }
    }

    /** The recorder of a run the config asks to record, or {@code null}. */
    private ReplayRecorder<Object, Object> recorder(int agent, int run, Env<Object, Object> env, Agent<Object, Object> a, long seed) {
        if (replayRoot == null || !config.replays().runs().contains(run)) return null;
        AgentConfig ac = config.agents().get(agent);
        ExperimentConfig.Replays r = config.replays();
        Path dir = replayRoot.resolve(agentFolder(agent));
        if (r.runs().size() > 1) dir = dir.resolve("run-" + run);
        Path agentDir = dir;
        ReplayHeader header = ReplayHeader.of(config.env().id(), config.env().options(), env, seed, ac.label(), run,
                dev.jgym.core.config.Json.MAPPER.valueToTree(config));
        return new ReplayRecorder<>(env, r.annotations() ? a : null, header, EpisodeSchedule.named(r.schedule(), r.every()),
                n -> ReplayFiles.episodeFile(agentDir, n), agentDir.resolve(ReplayFiles.EPISODE_LOG));
    }

    /** The agent's replay folder: its label's slug, with its index when two labels share a slug. */
    String agentFolder(int agent) {
        String slug = ReplayFiles.slug(config.agents().get(agent).label());
        for (int other = 0; other < config.agents().size(); other++) {
            if (other != agent && ReplayFiles.slug(config.agents().get(other).label()).equals(slug)) return slug + "-" + agent;
        }
        return slug;
    }

    /** An agent's result: its curves (means over runs), and per run (in block order) the window means, totals and evaluations; the blocks' value estimates. */
    private ExperimentResult.AgentCurves combine(int agent, double[][] curves, List<BlockMetrics> blocks, int metricCount) {
        int runs = config.runs();
        double[][] windowMeans = new double[metricCount][runs];
        double[][] totals = new double[metricCount][runs];
        Evaluation.Result[] evaluations = config.evaluation() == null ? null : new Evaluation.Result[runs];
        List<FinalValues> blockValues = new ArrayList<>();
        List<List<FinalValues>> snapshots = new ArrayList<>();
        for (int k = 0; k < config.valuesAt().size(); k++) snapshots.add(new ArrayList<>());
        int offset = 0;
        for (BlockMetrics b : blocks) { // block order
            int n = b.windowMeans[0].length;
            for (int m = 0; m < metricCount; m++) {
                System.arraycopy(b.windowMeans[m], 0, windowMeans[m], offset, n);
                System.arraycopy(b.totals[m], 0, totals[m], offset, n);
            }
            if (evaluations != null) System.arraycopy(b.evaluations, 0, evaluations, offset, n);
            if (b.values != null) blockValues.add(b.values);
            if (b instanceof EpisodeMetrics e) {
                for (int k = 0; k < e.valuesAt.length; k++) if (e.valuesAt[k] != null) snapshots.get(k).add(e.valuesAt[k]);
            }
            offset += n;
        }
        FinalValues values = blockValues.isEmpty() ? null : FinalValues.mean(blockValues);
        AgentConfig ac = config.agents().get(agent);
        ExperimentResult.AgentCurves combined = new ExperimentResult.AgentCurves(ac.label(), ac.type(), curves, windowMeans, totals, evaluations, values);
        if (values != null && !snapshots.isEmpty()) combined = combined.withValuesAt(snapshots.stream().map(FinalValues::mean).toList());
        return combined;
    }

}
