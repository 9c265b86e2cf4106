package dev.jgym.agents.cli;

import dev.jgym.agents.AgentType;
import dev.jgym.agents.Agents;
import dev.jgym.agents.experiment.Experiment;
import dev.jgym.agents.experiment.ExperimentOutput;
import dev.jgym.agents.experiment.ExperimentResult;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.dqn.DqnOutput;
import dev.jgym.agents.experiment.SupervisedExperiment;
import dev.jgym.core.config.ExperimentConfig;
import dev.jgym.core.config.UserError;
import dev.jgym.core.nn.opencl.OpenClDevices;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.AnsiRenderer;
import dev.jgym.core.space.Spaces;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The headless command line: {@code jgym train | envs | agents | check}. A user's mistake prints
 * one line, {@code jgym: <what is wrong>}, and exits with 2; an internal failure prints its stack
 * trace and exits with 1.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "usage: jgym <command> [options]",
            "",
            "  train <config.json> [--out DIR] [--threads N] [--quiet]   run an experiment (bandits; supervised with \"model\"; DQN with \"dqn\"; shallow-and-wide with \"shallow\")",
            "        [--resume]                                          DQN: continue from DIR/checkpoint.jgc",
            "        [--backend auto|cpu|cpu:T|opencl|opencl:N]           the NN backend of a supervised run (default: cpu on --threads)",
            "  devices                                                   list the OpenCL platforms and devices (opencl:N)",
            "  envs                                                      list the registered envs",
            "  agents                                                    list the agent types",
            "  check <env-id>                                            check an env against the Env contract",
            "  show <env-id> [--seed N] [--steps N] [--width N]          play random actions, drawing each step in the terminal",
            "  replay info <file.jgr>                                    what a replay holds (header, episodes, returns)",
            "  replay verify <file.jgr|dir>                              re-simulate and compare every step's checksum",
            "  replay export <file.jgr> --png DIR | --gif FILE [--scale N] [--fps N]   draw its frames (no display needed)",
            "  replay record <dqn-run-dir> [--episodes N] [--seed N] [--out DIR]   greedy episodes of its checkpoint as .jgr (expert data for imitation)",
            "  view [--live] <file.jgr|run-dir>                          the desktop viewer (launcher only)",
            "  test [--learning]                                         run the test suite (launcher only)",
            "");

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    Main(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /** Runs a command and returns the exit code: 0 ok, 1 internal failure, 2 user mistake. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        try {
            return new Main(out, err, terminal).dispatch(new ArrayDeque<>(List.of(args)));
        } catch (UserError e) {
            err.println("jgym: " + e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            err.println("jgym: internal error (please report it with the trace below)");
            e.printStackTrace(err);
            return 1;
        }
    }

    private int dispatch(Deque<String> args) {
        if (args.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        String command = args.poll();
        switch (command) {
            case "train":
                return train(args);
            case "envs":
                noMoreArgs("envs", args);
                return envs();
            case "agents":
                noMoreArgs("agents", args);
                return agents();
            case "check":
                return check(args);
            case "show":
                return show(args);
            case "replay":
                return new ReplayCommand(out, err).run(args);
            case "devices":
                noMoreArgs("devices", args);
                return devices();
            case "help", "--help", "-h":
                out.print(USAGE);
                return 0;
            default:
                throw new UserError("unknown command \"" + command + "\" (expected train, envs, agents, check, show, replay or devices; `jgym help` shows usage)");
        }
    }

    private int train(Deque<String> args) {
        Path config = null, outDir = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean quiet = false, resume = false;
        String backend = null;
        while (!args.isEmpty()) {
            String a = args.poll();
            switch (a) {
                case "--resume" -> resume = true;
                case "--out" -> outDir = Path.of(Args.value(a, args));
                case "--backend" -> backend = Args.value(a, args);
                case "--threads" -> threads = Args.positiveInt(a, Args.value(a, args));
                case "--quiet", "-q" -> quiet = true;
                default -> {
                    if (a.startsWith("-")) throw new UserError("train: unknown option " + a + " (expected --out, --threads, --backend, --quiet or --resume)");
                    if (config != null) throw new UserError("train: one config file expected, found " + config + " and " + a);
                    config = Path.of(a);
                }
            }
        }
        if (config == null) throw new UserError("train: missing the config file (usage: jgym train <config.json> [--out DIR] [--threads N] [--quiet])");
        if (Files.isDirectory(config)) throw new UserError(config + ": is a folder, expected a JSON config file");
        if (DqnConfig.isDqn(config)) {
            if (backend != null) throw new UserError("train: --backend applies to supervised configs; a DQN config names its \"backend\" itself");
            return DqnOutput.runCli(config, outDir, threads, quiet, resume, out, err, terminal);
        }
        if (resume) throw new UserError("train: --resume is for DQN configs (a top-level \"dqn\" key); " + config + " has none");
        if (dev.jgym.agents.experiment.GenerativeExperiment.isGenerative(config)) {
            return dev.jgym.agents.experiment.GenerativeExperiment.runCli(config, outDir, threads, quiet, out, err, terminal);
        }
        boolean supervised = SupervisedExperiment.isSupervised(config);
        if (backend != null && !supervised) {
            throw new UserError("train: --backend applies to supervised configs (with a \"model\"); " + config + " has none");
        }
        if (supervised) return SupervisedExperiment.runCli(config, outDir, backend, threads, quiet, out, err, terminal);
        if (dev.jgym.agents.shallow.ShallowExperiment.isShallow(config)) {
            return dev.jgym.agents.shallow.ShallowExperiment.runCli(config, outDir, threads, quiet, out, err, terminal);
        }
        ExperimentConfig cfg = ExperimentConfig.read(config);
        Experiment experiment = new Experiment(cfg, config.toString());
        if (outDir == null) outDir = Path.of("runs", cfg.name());
        experiment.validate();

        long start = System.nanoTime();
        ExperimentResult result;
        if (quiet) {
            result = experiment.run(threads, n -> { }, outDir);
        } else {
            err.printf(Locale.ROOT, "jgym: %s: %d agents x %d runs x %d %s on %s, %d threads%n",
                    cfg.name(), cfg.agents().size(), cfg.runs(), cfg.points(), unit(cfg), cfg.env().id(), threads);
            try (ProgressBar bar = new ProgressBar(err, unit(cfg), experiment.totalSteps(), terminal)) {
                result = experiment.run(threads, bar::advance, outDir);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ExperimentOutput.write(outDir, config, cfg, result);
        if (!quiet) {
            printSummary(result);
            if (cfg.episodic()) {
                err.printf(Locale.ROOT, "jgym: %.2f s, %.1fk episodes/s; results in %s%n", seconds,
                        experiment.totalSteps() / seconds / 1e3, outDir);
            } else {
                err.printf(Locale.ROOT, "jgym: %.2f s, %.1fM steps/s; results in %s%n", seconds,
                        experiment.totalSteps() / seconds / 1e6, outDir);
            }
        }
        return 0;
    }

    private static String unit(ExperimentConfig cfg) {
        return cfg.episodic() ? "episodes" : "steps";
    }

    private void printSummary(ExperimentResult r) {
        out.printf(Locale.ROOT, "%s %d-%d, mean over %d runs:%n", r.episodic() ? "episodes" : "steps", r.windowStart() + 1, r.steps(), r.runs());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-24s", "agent"));
        for (String m : r.metrics()) header.append(String.format(Locale.ROOT, " %12s", m));
        out.println(header);
        for (ExperimentResult.AgentCurves a : r.agents()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-24s", a.label()));
            for (String m : r.metrics()) line.append(String.format(Locale.ROOT, " %12.4f", r.windowMean(a.label(), m)));
            out.println(line);
            if (a.evaluations() != null) {
                out.printf(Locale.ROOT, "  %-24s greedy policy: mean return %.4f, success rate %.4f%n", "",
                        r.evaluationReturn(a.label()), r.evaluationSuccessRate(a.label()));
            }
        }
    }

    private int envs() {
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"id", "action space", "observation space", "max steps", "threshold", "description"});
        for (EnvSpec spec : EnvRegistry.all()) {
            try (Env<?, ?> env = EnvRegistry.make(spec.id())) {
                rows.add(new String[] {spec.id(), env.actionSpace().toString(), env.observationSpace().toString(),
                        spec.maxEpisodeSteps() == null ? "-" : spec.maxEpisodeSteps().toString(),
                        spec.rewardThreshold() == null ? "-" : spec.rewardThreshold().toString(), spec.description()});
            }
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < width.length; c++) width[c] = Math.max(width[c], row[c].length());
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < width.length; c++) {
                String cell = c == 3 || c == 4 ? " ".repeat(width[c] - row[c].length()) + row[c] : row[c] + " ".repeat(width[c] - row[c].length());
                line.append(cell).append("  ");
            }
            out.println(line.append(row[5]).toString());
        }
        return 0;
    }

    /** The OpenCL devices, numbered as {@code --backend opencl:N} takes them, and what {@code auto} picks. */
    private int devices() {
        List<OpenClDevices.Info> list = OpenClDevices.list();
        if (list.isEmpty()) {
            out.println("no OpenCL device: " + OpenClDevices.whyNone());
        } else {
            for (OpenClDevices.Info d : list) out.println("opencl:" + d.describe() + ", " + d.platformVersion().trim());
        }
        boolean gpu = list.stream().anyMatch(OpenClDevices.Info::isGpu);
        out.println("auto: " + (gpu ? "the first OpenCL GPU" : "cpu (no OpenCL GPU; on an OpenCL CPU device the Java backend is faster)"));
        return 0;
    }

    private int agents() {
        for (AgentType<?> t : Agents.all()) out.printf(Locale.ROOT, "%-22s %s%n", t.name(), t.description());
        return 0;
    }

    private int check(Deque<String> args) {
        if (args.size() != 1) throw new UserError("check: expected one env id (usage: jgym check <env-id>)");
        String id = args.poll();
        EnvRegistry.spec(id);
        List<String> problems = EnvChecker.check(id);
        if (problems.isEmpty()) {
            out.println(id + ": ok (spaces, seeding, determinism, action sampling, close)");
            return 0;
        }
        err.println(id + ": " + problems.size() + " problem(s):");
        problems.forEach(p -> err.println("  - " + p));
        return 1;
    }

    /** Random play, each step's scene drawn with ANSI colours: a quick look at an env. */
    private int show(Deque<String> args) {
        String id = null;
        long seed = 0;
        int steps = 5, width = 60;
        while (!args.isEmpty()) {
            String a = args.poll();
            switch (a) {
                case "--seed" -> seed = Args.parseLong(a, Args.value(a, args));
                case "--steps" -> steps = Args.positiveInt(a, Args.value(a, args));
                case "--width" -> width = Args.positiveInt(a, Args.value(a, args));
                default -> {
                    if (a.startsWith("-") || id != null) throw new UserError("show: unexpected argument " + a + " (usage: jgym show <env-id> [--seed N] [--steps N] [--width N])");
                    id = a;
                }
            }
        }
        if (id == null) throw new UserError("show: expected an env id (usage: jgym show <env-id> [--seed N] [--steps N] [--width N])");
        AnsiRenderer renderer = new AnsiRenderer(width);
        try (Env<Object, Object> env = EnvRegistry.make(id)) {
            env.reset(seed, java.util.Map.of());
            out.print(renderer.render(env.scene()));
            for (int i = 0; i < steps; i++) {
                Object action = env.sampleAction();
                Step<Object> step = env.step(action);
                out.printf(Locale.ROOT, "step %d: action %s, reward %.4g%s%n", i + 1, Spaces.format(action), step.reward(),
                        step.terminated() ? ", terminated" : step.truncated() ? ", truncated" : "");
                out.print(renderer.render(env.scene()));
                if (step.done()) env.reset();
            }
        }
        return 0;
    }


    private static void noMoreArgs(String command, Deque<String> args) {
        if (!args.isEmpty()) throw new UserError(command + ": unexpected argument " + args.peek());
    }


}
