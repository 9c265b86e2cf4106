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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * order, and blocks are added up in block order after all have finished. Which thread ran which
 * block changes nothing.
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

    private final ExperimentConfig config;
    private final String source;
    private Path replayRoot;
    /** Told each agent's curves, in config order, as soon as all its runs are done (on the calling thread). */
    private Consumer<ExperimentResult.AgentCurves> agentDone = a -> { };
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
     * Tells {@code listener} each agent's curves, in config order, as soon as all its runs are done
     * (on the thread that called {@link #run}): what {@code metrics.csv} streams.
     */
    public Experiment onAgentDone(Consumer<ExperimentResult.AgentCurves> listener) {
        this.agentDone = listener;
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
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jgym-experiment");
            t.setDaemon(true);
            return t;
        });
        if (config.episodic()) return runEpisodic(pool, metrics, progress);
        try {
            List<Future<StepMetrics>> futures = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                for (int b = 0; b < blocks; b++) {
                    int agent = a, block = b;
                    futures.add(pool.submit(() -> runBlock(agent, block, metrics, progress)));
                }
            }
            List<ExperimentResult.AgentCurves> curves = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                List<StepMetrics> parts = new ArrayList<>();
                for (int b = 0; b < blocks; b++) parts.add(Futures.join(futures.get(a * blocks + b)));
                AgentConfig ac = config.agents().get(a);
                List<double[][]> sums = new ArrayList<>(), windows = new ArrayList<>(), totals = new ArrayList<>();
                List<Evaluation.Result[]> evaluations = new ArrayList<>();
                List<FinalValues> values = new ArrayList<>();
                for (StepMetrics p : parts) {
                    sums.add(p.sums);
                    windows.add(p.windowMeans);
                    totals.add(p.totals);
                    evaluations.add(p.evaluations);
                    if (p.values != null) values.add(p.values);
                }
                curves.add(combine(ac.label(), ac.type(), sums, windows, totals, evaluations, values, metrics.size()));
                agentDone.accept(curves.get(a));
            }
            return new ExperimentResult(metrics, curves, config.steps(), config.steps() - config.summaryWindow(), runs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same partition into blocks, with per-episode metrics. */
    private ExperimentResult runEpisodic(ExecutorService pool, List<String> metrics, LongConsumer progress) {
        int runs = config.runs();
        int blocks = (runs + BLOCK_RUNS - 1) / BLOCK_RUNS;
        int agents = config.agents().size();
        try {
            List<Future<EpisodeMetrics>> futures = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                for (int b = 0; b < blocks; b++) {
                    int agent = a, block = b;
                    futures.add(pool.submit(() -> runEpisodeBlock(agent, block, progress)));
                }
            }
            List<ExperimentResult.AgentCurves> curves = new ArrayList<>();
            for (int a = 0; a < agents; a++) {
                List<double[][]> sums = new ArrayList<>(), windows = new ArrayList<>(), totals = new ArrayList<>();
                List<Evaluation.Result[]> evaluations = new ArrayList<>();
                List<FinalValues> values = new ArrayList<>();
                List<List<FinalValues>> snapshots = new ArrayList<>();
                for (int k = 0; k < config.valuesAt().size(); k++) snapshots.add(new ArrayList<>());
                for (int b = 0; b < blocks; b++) {
                    EpisodeMetrics p = Futures.join(futures.get(a * blocks + b));
                    sums.add(p.sums);
                    windows.add(p.windowMeans);
                    totals.add(p.totals);
                    evaluations.add(p.evaluations);
                    if (p.values != null) values.add(p.values);
                    for (int k = 0; k < p.valuesAt.length; k++) if (p.valuesAt[k] != null) snapshots.get(k).add(p.valuesAt[k]);
                }
                AgentConfig ac = config.agents().get(a);
                ExperimentResult.AgentCurves combined = combine(ac.label(), ac.type(), sums, windows, totals, evaluations, values, metrics.size());
                if (combined.values() != null && !snapshots.isEmpty()) {
                    combined = combined.withValuesAt(snapshots.stream().map(FinalValues::mean).toList());
                }
                curves.add(combined);
                agentDone.accept(curves.get(a));
            }
            long episodes = config.episodes();
            return new ExperimentResult(metrics, curves, episodes, episodes - config.summaryWindow(), runs, ExperimentConfig.EPISODE);
        } finally {
            pool.shutdownNow();
        }
    }

    private EpisodeMetrics runEpisodeBlock(int agent, int block, LongConsumer progress) {
        int first = block * BLOCK_RUNS, last = Math.min(config.runs(), first + BLOCK_RUNS);
        EpisodeMetrics sums = new EpisodeMetrics(config.episodes(), config.summaryWindow(), last - first, valueErrors, config.valuesAt());
        if (config.evaluation() != null) sums.evaluations = new Evaluation.Result[last - first];
        Rng root = new Rng(config.seed());
        for (int run = first; run < last; run++) {
            try (Env<Object, Object> env = makeEnv()) {
                Agent<Object, Object> a = makeAgent(agent, env, root, run);
                sums.startRun(run - first, estimates(a));
                long cap = config.steps() == null ? Long.MAX_VALUE : config.steps();
                simulate(Simulator.builder(env, a).seed(envSeed(root, run)).maxEpisodes(config.episodes()).maxSteps(cap).listener(sums),
                        agent, run, env, a, envSeed(root, run));
                if (sums.completed() < config.episodes()) {
                    throw new UserError(source + ": $.steps: run " + run + " of \"" + config.agents().get(agent).label()
                            + "\" reached the cap of " + cap + " steps after " + sums.completed() + " of " + config.episodes()
                            + " episodes (raise steps, or give the env a max_episode_steps)");
                }
                sums.finishRun();
                if (a instanceof ValueEstimates e) sums.values = FinalValues.add(sums.values, e, valueErrors);
                if (sums.evaluations != null) sums.evaluations[run - first] = evaluate(a, root, run);
            }
            progress.accept(config.episodes());
        }
        return sums;
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

    private StepMetrics runBlock(int agent, int block, List<String> metrics, LongConsumer progress) {
        int first = block * BLOCK_RUNS, last = Math.min(config.runs(), first + BLOCK_RUNS);
        StepMetrics sums = new StepMetrics(metrics, config.steps(), config.summaryWindow(), last - first, config.countEpisodes(), valueErrors);
        if (config.evaluation() != null) sums.evaluations = new Evaluation.Result[last - first];
        Rng root = new Rng(config.seed());
        for (int run = first; run < last; run++) {
            try (Env<Object, Object> env = makeEnv()) {
                Agent<Object, Object> a = makeAgent(agent, env, root, run);
                sums.startRun(run - first, estimates(a));
                simulate(Simulator.builder(env, a).seed(envSeed(root, run)).maxSteps(config.steps()).listener(sums), agent, run, env, a,
                        envSeed(root, run));
                sums.finishRun();
                if (a instanceof ValueEstimates e) sums.values = FinalValues.add(sums.values, e, valueErrors);
                if (sums.evaluations != null) sums.evaluations[run - first] = evaluate(a, root, run);
            }
            progress.accept(config.steps());
        }
        return sums;
    }

    /** Runs one simulation, recording it when the config asks for this run's replays. */
    private void simulate(Simulator.Builder<Object, Object> sim, int agent, int run, Env<Object, Object> env, Agent<Object, Object> a,
                          long seed) {
        ReplayRecorder<Object, Object> recorder = recorder(agent, run, env, a, seed);
        if (recorder != null) sim.listener(recorder);
        try {
            sim.build().run();
        } finally {
            if (recorder != null) recorder.close();
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

    private ExperimentResult.AgentCurves combine(String label, String type, List<double[][]> sums, List<double[][]> windows,
                                                 List<double[][]> blockTotals, List<Evaluation.Result[]> blockEvaluations,
                                                 List<FinalValues> blockValues, int metricCount) {
        int points = Math.toIntExact(config.points());
        int runs = config.runs();
        double[][] curves = new double[metricCount][points];
        double[][] windowMeans = new double[metricCount][runs];
        double[][] totals = new double[metricCount][runs];
        Evaluation.Result[] evaluations = config.evaluation() == null ? null : new Evaluation.Result[runs];
        int offset = 0;
        for (int b = 0; b < sums.size(); b++) { // block order: the summation order is fixed
            for (int m = 0; m < metricCount; m++) {
                for (int t = 0; t < points; t++) curves[m][t] += sums.get(b)[m][t];
                System.arraycopy(windows.get(b)[m], 0, windowMeans[m], offset, windows.get(b)[m].length);
                System.arraycopy(blockTotals.get(b)[m], 0, totals[m], offset, blockTotals.get(b)[m].length);
            }
            int n = windows.get(b)[0].length;
            if (evaluations != null) System.arraycopy(blockEvaluations.get(b), 0, evaluations, offset, n);
            offset += n;
        }
        for (double[] c : curves) {
            for (int t = 0; t < points; t++) c[t] /= runs;
        }
        FinalValues values = blockValues.isEmpty() ? null : FinalValues.mean(blockValues);
        return new ExperimentResult.AgentCurves(label, type, curves, windowMeans, totals, evaluations, values);
    }

}
