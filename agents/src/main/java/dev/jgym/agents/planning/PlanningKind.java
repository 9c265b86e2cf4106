package dev.jgym.agents.planning;

import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.agents.run.Progress;
import dev.jgym.agents.run.Run;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.rng.Rng;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Planning as an experiment kind (a config with a top-level {@code "planning"}, {@link PlanningConfig}):
 *
 * <ul>
 *   <li>{@code policy_evaluation}: synchronous sweeps of the equiprobable policy on the env's
 *       model; writes {@code values.csv} (state, v_k for each kept k, v_inf) and, with a
 *       {@code grid}, {@code evaluation.png} (each v_k and its greedy policy: Figure 4.1).
 *   <li>{@code policy_iteration}: on the env's model from a start policy; writes
 *       {@code policies.csv} (state, the action of every policy π0, π1, ..., the last one's value)
 *       and, with a {@code grid}, {@code policies.png} (Figure 4.2).
 *   <li>{@code value_iteration}: writes {@code values.csv} (state, v*, a greedy action).
 *   <li>{@code expected_vs_sample}: {@link ExpectedVsSample}; writes {@code errors.csv} (b, t,
 *       the sample updates' RMS error, the expected update's, the book's curve) and {@code errors.png}
 *       (Figure 8.7).
 *   <li>{@code trajectory_sampling}: {@link TrajectorySampling}; writes {@code start-values.csv}
 *       (states, b, updates, uniform, on-policy) and one {@code trajectory-sampling-N.png} per
 *       panel (Figure 8.8). Its random tasks run on the worker threads, summed in task order, so
 *       the bytes do not depend on the thread count.
 *   <li>{@code updates_until_optimal}: {@link UpdatesUntilOptimal} on the config's maze at each
 *       resolution; writes {@code updates.csv} (agent, resolution, states, shortest path, the
 *       longest greedy path accepted, run, updates, episodes, reached) and {@code updates.png}
 *       (Example 8.4: the mean updates against the maze's states, log scale). Its runs go on the
 *       worker threads, each one independent, so the bytes do not depend on the thread count.
 * </ul>
 */
public final class PlanningKind implements ExperimentKind {
    @Override
    public String name() {
        return "planning";
    }

    @Override
    public String description() {
        return "dynamic programming on an env's model (policy and value iteration) and chapter 8's studies of updates";
    }

    @Override
    public String key() {
        return "planning";
    }

    @Override
    public Run prepare(Path configFile, RunOptions options) {
        PlanningConfig cfg = PlanningConfig.read(configFile);
        PlanningConfig.Method m = cfg.planning();
        if (m.policyEvaluation() != null || m.policyIteration() != null || m.valueIteration() != null) return dynamicProgramming(configFile, cfg);
        if (m.updatesUntilOptimal() != null) return updatesUntilOptimal(configFile, cfg, options.threads());
        if (m.expectedVsSample() != null) {
            ExpectedVsSample.Settings s = m.expectedVsSample();
            return run(cfg, "planning: expected vs sample updates, b = " + s.branching() + ", " + s.runs() + " runs each",
                    "sample updates", ExpectedVsSample.work(s), (dir, progress) -> {
                        List<ExpectedVsSample.Curve> curves = new ArrayList<>();
                        for (int b : s.branching()) curves.add(ExpectedVsSample.run(b, s.runs(), new Rng(cfg.seed()), progress::advance));
                        StringBuilder csv = new StringBuilder("branching,computations,sample_rms,expected_rms,theory\n");
                        for (ExpectedVsSample.Curve c : curves) {
                            for (int t = 0; t <= 2 * c.branching(); t++) {
                                csv.append(c.branching()).append(',').append(t).append(',').append(c.sample()[t]).append(',')
                                        .append(c.expected(t)).append(',').append(t == 0 ? "" : Double.toString(c.theory(t))).append('\n');
                            }
                        }
                        write(dir.resolve("errors.csv"), csv);
                        PlanningCharts.expectedVsSample(dir.resolve("errors.png"),
                                "S&B Figure 8.7: expected vs sample updates (" + s.runs() + " runs per b)", curves);
                        return out -> {
                            out.println("RMS error of sample updates after b and 2b computations (the book's sqrt((b-1)/(bt)) in brackets):");
                            for (ExpectedVsSample.Curve c : curves) {
                                int b = c.branching();
                                out.printf(Locale.ROOT, "  b = %-6d %.4f (%.4f)   %.4f (%.4f)%n", b, c.sample()[b], c.theory(b), c.sample()[2 * b], c.theory(2 * b));
                            }
                        };
                    });
        }
        TrajectorySampling.Settings s = m.trajectorySampling();
        long work = s.panels().stream().mapToLong(TrajectorySampling::work).sum();
        int threads = options.threads();
        return run(cfg, "planning: trajectory sampling vs uniform expected updates, " + s.panels().size() + " panels, "
                + threads + " thread(s)", "expected updates", work, (dir, progress) -> {
                    List<List<TrajectorySampling.Curve>> panels = curves(s, new Rng(cfg.seed()), threads, progress);
                    StringBuilder csv = new StringBuilder("states,branching,updates,uniform,on_policy\n");
                    for (int p = 0; p < panels.size(); p++) {
                        for (TrajectorySampling.Curve c : panels.get(p)) {
                            for (int i = 0; i < c.updates().length; i++) {
                                csv.append(c.states()).append(',').append(c.branching()).append(',').append(c.updates()[i]).append(',')
                                        .append(c.uniform()[i]).append(',').append(c.onPolicy()[i]).append('\n');
                            }
                        }
                        TrajectorySampling.Panel panel = s.panels().get(p);
                        PlanningCharts.trajectorySampling(dir.resolve("trajectory-sampling-" + panel.states() + ".png"),
                                "S&B Figure 8.8: " + panel.states() + " states, " + panel.tasks() + " tasks", panels.get(p));
                    }
                    write(dir.resolve("start-values.csv"), csv);
                    return out -> {
                        out.println("v(start) of the greedy policy, mean over tasks: uniform / on-policy, after 10%, 50%, 100% of the updates:");
                        for (List<TrajectorySampling.Curve> panel : panels) {
                            for (TrajectorySampling.Curve c : panel) {
                                int last = c.updates().length - 1;
                                out.printf(Locale.ROOT, "  %d states, b = %-3d %.3f / %.3f   %.3f / %.3f   %.3f / %.3f%n", c.states(), c.branching(),
                                        c.uniform()[last / 10], c.onPolicy()[last / 10], c.uniform()[last / 2], c.onPolicy()[last / 2],
                                        c.uniform()[last], c.onPolicy()[last]);
                            }
                        }
                    };
                });
    }

    /** Every panel's curves, one random task a job on {@code threads} threads, summed in task order. */
    static List<List<TrajectorySampling.Curve>> curves(TrajectorySampling.Settings s, Rng root, int threads, Progress progress) {
        List<Callable<double[][]>> jobs = new ArrayList<>();
        for (TrajectorySampling.Panel p : s.panels()) {
            for (int b : p.branching()) {
                for (int i = 0; i < p.tasks(); i++) {
                    int task = i;
                    jobs.add(() -> TrajectorySampling.task(p, b, task, s.epsilon(), root, progress::advance));
                }
            }
        }
        List<double[][]> results = inOrder(jobs, threads);
        List<List<TrajectorySampling.Curve>> out = new ArrayList<>();
        int next = 0;
        for (TrajectorySampling.Panel p : s.panels()) {
            List<TrajectorySampling.Curve> curves = new ArrayList<>();
            for (int b : p.branching()) {
                curves.add(TrajectorySampling.average(p, b, results.subList(next, next + p.tasks())));
                next += p.tasks();
            }
            out.add(curves);
        }
        return out;
    }

    /** Example 8.4: every agent's runs on every resolution of the maze, on {@code threads} threads. */
    private static Run updatesUntilOptimal(Path configFile, PlanningConfig cfg, int threads) {
        UpdatesUntilOptimal.Settings s = cfg.planning().updatesUntilOptimal();
        String id = cfg.env().id(), source = configFile.toString(), at = "$.planning.updates_until_optimal.agents[";
        Map<String, Object> envOptions = cfg.env().options();
        if (envOptions.containsKey("resolution")) {
            throw new UserError(configFile + ": $.env.options.resolution: expected none (the study sets it from $.planning.updates_until_optimal.resolutions), found "
                    + envOptions.get("resolution"));
        }
        List<UpdatesUntilOptimal.Maze> mazes = new ArrayList<>();
        try {
            for (int k : s.resolutions()) mazes.add(UpdatesUntilOptimal.maze(id, envOptions, k, s.tolerance()));
        } catch (UserError e) {
            throw new UserError(configFile + ": $.env: " + e.getMessage());
        }
        try (Env<Object, Object> env = EnvRegistry.make(id, UpdatesUntilOptimal.withResolution(envOptions, 1))) {
            for (int i = 0; i < s.agents().size(); i++) UpdatesUntilOptimal.agent(s.agents().get(i), env, new Rng(0), source, at + i + "]");
        }
        int nA = s.agents().size(), nK = mazes.size(), runs = s.runs();
        return run(cfg, "planning: updates until a greedy path within " + Math.round(100 * s.tolerance()) + "% of the shortest on " + id + " at resolutions "
                + s.resolutions() + ", " + runs + " runs per agent", "runs", (long) nA * nK * runs, (dir, progress) -> {
                    Rng root = new Rng(cfg.seed());
                    List<Callable<UpdatesUntilOptimal.Count>> jobs = new ArrayList<>();
                    for (int a = 0; a < nA; a++) {
                        for (UpdatesUntilOptimal.Maze maze : mazes) {
                            for (int r = 0; r < runs; r++) {
                                int agent = a, run = r;
                                jobs.add(() -> {
                                    UpdatesUntilOptimal.Count c = UpdatesUntilOptimal.run(id, envOptions, maze, s.agents().get(agent), run, root, s.maxEpisodes(),
                                            source, at + agent + "]");
                                    progress.advance(1);
                                    return c;
                                });
                            }
                        }
                    }
                    List<UpdatesUntilOptimal.Count> counts = inOrder(jobs, threads);
                    StringBuilder csv = new StringBuilder("agent,resolution,states,shortest_path,limit,run,updates,episodes,reached\n");
                    double[][] means = new double[nA][nK];
                    int[][] reached = new int[nA][nK];
                    for (int a = 0, i = 0; a < nA; a++) {
                        for (int k = 0; k < nK; k++) {
                            UpdatesUntilOptimal.Maze maze = mazes.get(k);
                            double sum = 0;
                            for (int r = 0; r < runs; r++, i++) {
                                UpdatesUntilOptimal.Count c = counts.get(i);
                                csv.append(s.agents().get(a).label()).append(',').append(maze.resolution()).append(',').append(maze.states()).append(',')
                                        .append(maze.shortestPath()).append(',').append(maze.limit()).append(',').append(r).append(',').append(c.updates())
                                        .append(',').append(c.episodes()).append(',').append(c.reached()).append('\n');
                                if (c.reached()) {
                                    sum += c.updates();
                                    reached[a][k]++;
                                }
                            }
                            means[a][k] = reached[a][k] == 0 ? Double.NaN : sum / reached[a][k];
                        }
                    }
                    write(dir.resolve("updates.csv"), csv);
                    List<String> labels = s.agents().stream().map(UpdatesUntilOptimal.AgentSpec::label).toList();
                    PlanningCharts.updatesUntilOptimal(dir.resolve("updates.png"), "S&B Example 8.4: updates until a greedy path within "
                            + Math.round(100 * s.tolerance()) + "% of the shortest, " + runs + " runs", labels, mazes, means);
                    return out -> {
                        out.println("mean updates until a greedy path within " + Math.round(100 * s.tolerance()) + "% of the shortest (runs that got there in "
                                + s.maxEpisodes() + " episodes):");
                        for (int k = 0; k < nK; k++) {
                            UpdatesUntilOptimal.Maze maze = mazes.get(k);
                            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  k = %d, %5d states, path %3d (<= %3d):", maze.resolution(),
                                    maze.states(), maze.shortestPath(), maze.limit()));
                            for (int a = 0; a < nA; a++) {
                                line.append(String.format(Locale.ROOT, "  %s %.0f (%d/%d)", labels.get(a), means[a][k], reached[a][k], runs));
                            }
                            if (nA == 2) line.append(String.format(Locale.ROOT, "  ratio %.1f", means[1][k] / means[0][k]));
                            out.println(line);
                        }
                    };
                });
    }

    /** The jobs' results in submission order, run on {@code threads} threads. */
    private static <T> List<T> inOrder(List<Callable<T>> jobs, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) futures.add(pool.submit(job));
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Policy or value iteration on the env's model. */
    private static Run dynamicProgramming(Path configFile, PlanningConfig cfg) {
        FlatModel model;
        String id = cfg.env().id();
        try (Env<Object, Object> env = EnvRegistry.make(id, cfg.env().options())) {
            model = new FlatModel(FlatModel.of(env));
        } catch (UserError e) {
            throw new UserError(configFile + ": $.env: " + e.getMessage());
        }
        PlanningConfig.PolicyEvaluationSettings pe = cfg.planning().policyEvaluation();
        if (pe != null) return policyEvaluation(configFile, cfg, model, pe);
        PlanningConfig.PolicyIterationSettings pi = cfg.planning().policyIteration();
        if (pi == null) {
            PlanningConfig.ValueIterationSettings vi = cfg.planning().valueIteration();
            return run(cfg, "planning: value iteration on " + id + " (" + model.states() + " states, gamma " + vi.gamma() + ")", "solves", 1,
                    (dir, progress) -> {
                        Solution sol = ValueIteration.solve(model, new ValueIteration.Settings(vi.gamma(), vi.theta(), vi.maxSweeps()));
                        StringBuilder csv = new StringBuilder("state,value,action\n");
                        for (int s = 0; s < model.states(); s++) csv.append(s).append(',').append(sol.value(s)).append(',').append(sol.policy()[s]).append('\n');
                        write(dir.resolve("values.csv"), csv);
                        progress.advance(1);
                        return out -> out.printf(Locale.ROOT, "value iteration on %s: %d sweeps; v* from %.4f to %.4f%n", id, sol.iterations(),
                                min(sol.values()), max(sol.values()));
                    });
        }
        if (pi.startAction() >= model.actions()) {
            throw new UserError(configFile + ": $.planning.policy_iteration.start_action: expected an action of " + id + " (0-"
                    + (model.actions() - 1) + "), found " + pi.startAction());
        }
        PlanningConfig.Grid grid = checkGrid(configFile, cfg, pi.grid(), model);
        return run(cfg, "planning: policy iteration on " + id + " (" + model.states() + " states, " + model.actions() + " actions, gamma " + pi.gamma() + ")",
                "policies", 1, (dir, progress) -> {
                    int[] start = new int[model.states()];
                    java.util.Arrays.fill(start, pi.startAction());
                    List<int[]> policies = new ArrayList<>();
                    List<double[]> values = new ArrayList<>();
                    PolicyIteration.solve(model, pi.gamma(), pi.theta(), pi.maxImprovements(), start, (policy, v) -> {
                        policies.add(policy);
                        values.add(v);
                    });
                    double[] last = values.get(values.size() - 1);
                    StringBuilder csv = new StringBuilder("state");
                    for (int k = 0; k < policies.size(); k++) csv.append(",pi_").append(k);
                    csv.append(",value\n");
                    for (int s = 0; s < model.states(); s++) {
                        csv.append(s);
                        for (int[] p : policies) csv.append(',').append(p[s]);
                        csv.append(',').append(last[s]).append('\n');
                    }
                    write(dir.resolve("policies.csv"), csv);
                    int k = policies.size() - 1;
                    if (grid != null) {
                        PlanningCharts.policiesAndValues(dir.resolve("policies.png"),
                                cfg.name() + ": policy iteration, the policies π0 to π" + k + " and v of π" + k, grid, policies, last);
                    }
                    progress.advance(1);
                    return out -> {
                        out.printf(Locale.ROOT, "policy iteration on %s: policies pi_0..pi_%d, pi_%d stable (optimal); v from %.2f to %.2f%n",
                                id, k, k, min(last), max(last));
                        if (grid != null) {
                            out.println("pi_" + k + " (" + grid.rowTitle() + " down the side, top row " + (grid.rows() - 1) + "; " + grid.columnTitle() + " across):");
                            for (int r = grid.rows() - 1; r >= 0; r--) {
                                StringBuilder line = new StringBuilder();
                                for (int c = 0; c < grid.columns(); c++) line.append(String.format(Locale.ROOT, "%3d", policies.get(k)[r * grid.columns() + c] + grid.actionOffset()));
                                out.println(line);
                            }
                        }
                    };
                });
    }

    /** The grid (or null), checked against the model's states. */
    private static PlanningConfig.Grid checkGrid(Path configFile, PlanningConfig cfg, PlanningConfig.Grid grid, FlatModel model) {
        if (grid != null && grid.rows() * grid.columns() != model.states()) {
            throw new UserError(configFile + ": $.planning." + cfg.planning().key() + ".grid: expected rows x columns = " + model.states()
                    + " (the states of " + cfg.env().id() + "), found " + grid.rows() + " x " + grid.columns());
        }
        return grid;
    }

    /**
     * Figure 4.1: synchronous sweeps of the equiprobable policy from v_0 = 0; {@code values.csv}
     * holds (state, v_k for every kept k, v_inf), {@code evaluation.png} each v_k and its greedy policy.
     */
    private static Run policyEvaluation(Path configFile, PlanningConfig cfg, FlatModel model, PlanningConfig.PolicyEvaluationSettings pe) {
        PlanningConfig.Grid grid = checkGrid(configFile, cfg, pe.grid(), model);
        String id = cfg.env().id();
        return run(cfg, "planning: iterative policy evaluation of the equiprobable policy on " + id + " (" + model.states() + " states, gamma "
                + pe.gamma() + ")", "evaluations", 1, (dir, progress) -> {
                    double[] pi = PolicyEvaluation.uniform(model);
                    List<double[]> kept = new ArrayList<>();
                    List<String> names = new ArrayList<>(), labels = new ArrayList<>();
                    double[] v = new double[model.states()];
                    int k = 0;
                    for (int target : pe.sweeps()) {
                        for (; k < target; k++) v = PolicyEvaluation.sweep(model, pi, v, pe.gamma());
                        kept.add(v);
                        names.add("v_" + k);
                        labels.add("v_k, k = " + k);
                    }
                    for (double delta = Double.POSITIVE_INFINITY; delta > pe.theta(); k++) {
                        if (k >= pe.maxSweeps()) {
                            throw new UserError(configFile + ": $.planning.policy_evaluation.max_sweeps: no limit within " + k
                                    + " sweeps (changes still above theta " + pe.theta() + "); raise max_sweeps or theta");
                        }
                        double[] next = PolicyEvaluation.sweep(model, pi, v, pe.gamma());
                        delta = 0;
                        for (int s = 0; s < next.length; s++) delta = Math.max(delta, Math.abs(next[s] - v[s]));
                        v = next;
                    }
                    kept.add(v);
                    names.add("v_inf");
                    labels.add("v_k, k = inf (" + k + " sweeps)");
                    StringBuilder csv = new StringBuilder("state");
                    for (String n : names) csv.append(',').append(n);
                    csv.append('\n');
                    for (int s = 0; s < model.states(); s++) {
                        csv.append(s);
                        for (double[] values : kept) csv.append(',').append(values[s]);
                        csv.append('\n');
                    }
                    write(dir.resolve("values.csv"), csv);
                    if (grid != null) {
                        PlanningCharts.evaluation(dir.resolve("evaluation.png"), cfg.name() + ": iterative policy evaluation of the equiprobable random policy",
                                grid, model, pe.gamma(), names, kept, labels, EnvRegistry.spec(id).actionNames());
                    }
                    progress.advance(1);
                    int sweeps = k;
                    double[] limit = v;
                    return out -> {
                        out.printf(Locale.ROOT, "policy evaluation on %s: v_k kept for k = %s; the limit after %d sweeps, from %.4f to %.4f%n", id,
                                pe.sweeps(), sweeps, min(limit), max(limit));
                        if (grid != null) {
                            out.println("v_inf (rows as drawn):");
                            for (int r = 0; r < grid.rows(); r++) {
                                int row = grid.firstRow().equals("top") ? r : grid.rows() - 1 - r;
                                StringBuilder line = new StringBuilder();
                                for (int c = 0; c < grid.columns(); c++) line.append(String.format(Locale.ROOT, "%8.1f", limit[row * grid.columns() + c]));
                                out.println(line);
                            }
                        }
                    };
                });
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static void write(Path file, StringBuilder text) {
        Json.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The work of a run: writes its files into the folder and returns its summary. */
    private interface Work {
        Consumer<PrintStream> run(Path dir, Progress progress);
    }

    private static Run run(PlanningConfig cfg, String banner, String unit, long total, Work work) {
        return Run.of(cfg.name(), threads -> cfg.name() + ": " + banner, unit, total, (dir, progress, stop) -> Run.finished(total, work.run(dir, progress)));
    }
}
