package dev.jgym.experiments.cli;

import dev.jgym.agents.AgentType;
import dev.jgym.agents.Agents;
import dev.jgym.agents.run.ExperimentKind;
import dev.jgym.experiments.run.ExperimentKinds;
import dev.jgym.experiments.run.CommandLines;
import dev.jgym.agents.run.RunOptions;
import dev.jgym.experiments.run.Runner;
import dev.jgym.experiments.sweep.LocalSweepRunner;
import dev.jgym.experiments.sweep.SweepCommand;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvChecker;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.EnvSpec;
import dev.jgym.core.env.Step;
import dev.jgym.nn.opencl.OpenClDevices;
import dev.jgym.core.scene.AnsiRenderer;
import dev.jgym.core.space.Spaces;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The headless command line, on picocli: {@code jgym <command> [options]}, {@code --help} on every
 * command and subcommand, a suggestion for a mistyped one. A user's mistake prints one line,
 * {@code jgym: <what is wrong>}, and exits with 2; a run that cannot finish (a diverged loss, a full
 * disk) one line and 1; an interrupted run 130; an internal failure its stack trace and 1.
 */
@Command(name = "jgym", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = "A reinforcement-learning suite for the JVM: environments, agents, reproducible experiments.",
        commandListHeading = "%nCommands:%n",
        footer = {"", "`jgym <command> --help` shows a command's options. Exit status: 0 done, 1 failed, 2 a mistake in the command or config, 130 interrupted."})
public final class Main implements Callable<Integer> {
    /** Exit status of a mistake in the command line or the config. */
    public static final int MISUSE = CommandLines.MISUSE;

    final PrintStream out;
    final PrintStream err;
    final boolean terminal;
    final boolean handleSignals;

    private Main(PrintStream out, PrintStream err, boolean terminal, boolean handleSignals) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.handleSignals = handleSignals;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null, true));
    }

    /** Runs a command and returns the exit status (see the class comment); signals are left alone. */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        return run(args, out, err, terminal, false);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal, boolean handleSignals) {
        return CommandLines.execute(commandLine(new Main(out, err, terminal, handleSignals)), args, out, err);
    }

    /** The command tree on the process's own streams (what the help texts are built from). */
    static CommandLine commandLine() {
        return commandLine(new Main(System.out, System.err, false, false));
    }

    /** The command tree: one object per command, each sharing the streams. */
    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.addSubcommand("train", new Train(main));
        cl.addSubcommand("envs", new Envs(main));
        cl.addSubcommand("agents", new AgentsCommand(main));
        cl.addSubcommand("check", new Check(main));
        cl.addSubcommand("show", new Show(main));
        cl.addSubcommand("devices", new Devices(main));
        cl.addSubcommand("sample", new SampleCommand(main));
        cl.addSubcommand("replay", ReplayCommand.commandLine(main));
        cl.addSubcommand("play", new PlayCommand(main));
        cl.addSubcommand("solve", new GameCommands.Solve(main));
        cl.addSubcommand("arena", new GameCommands.ArenaCommand(main));
        cl.addSubcommand("sweep", new SweepCommand(main.out, main.err,
                Map.of("local", o -> new LocalSweepRunner(o.threads())))); // ./jgym sweep adds the Spark engine (sweeps module)
        for (Object launcherOnly : LauncherCommands.all()) cl.addSubcommand(launcherOnly);
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        return cl;
    }

    @Override
    public Integer call() {
        commandLine(this).usage(err);
        return MISUSE;
    }

    /** The version {@code --version} prints: the jar's, or "development" from class folders. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jgym " + (v == null ? "0.1.0-SNAPSHOT" : v) + ", Java " + System.getProperty("java.version")};
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Run an experiment from a JSON config: bandits and tabular agents, DQN, supervised, generative or shallow-and-wide.",
                    "The config's top-level key picks the kind (`jgym agents` lists them). The run folder must be new or empty."})
    static final class Train implements Callable<Integer> {
        private final Main main;

        @Parameters(index = "0", paramLabel = "<config.json>", description = "the experiment's config file")
        Path config;

        @Option(names = "--out", paramLabel = "DIR", description = "the run folder (default: runs/<name>)")
        Path out;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads; results do not depend on it (default: the CPU count)")
        Integer threads;

        @Option(names = {"-q", "--quiet"}, description = "no progress bar and no summary")
        boolean quiet;

        @Option(names = "--resume", description = "continue the checkpoint in the run folder (kinds that write one: dqn, pg, offpolicy, alphazero)")
        boolean resume;

        @Option(names = "--force", description = "clear a non-empty run folder first (deletes its files, checkpoint included)")
        boolean force;

        @Option(names = "--backend", paramLabel = "SPEC", description = "the NN backend of a supervised run: auto, cpu, cpu:T, opencl or opencl:N (default: cpu on --threads)")
        String backend;

        Train(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : Limits.threads("--threads", threads);
            return new Runner(main.out, main.err, main.terminal, main.handleSignals).train(config, out, force, quiet, new RunOptions(t, backend, resume));
        }
    }

    @Command(name = "envs", mixinStandardHelpOptions = true, description = "List the registered envs with their spaces, time limits and reward thresholds.")
    static final class Envs implements Callable<Integer> {
        private final Main main;

        Envs(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            List<String[]> rows = new ArrayList<>();
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
                    String pad = " ".repeat(width[c] - row[c].length());
                    line.append(c == 3 || c == 4 ? pad + row[c] : row[c] + pad).append("  ");
                }
                main.out.println(line.append(row[5]));
            }
            return 0;
        }
    }

    @Command(name = "agents", mixinStandardHelpOptions = true,
            description = "List the experiment kinds (what a config's top-level key selects) and the agent types an \"agents\" config names, with their settings.")
    static final class AgentsCommand implements Callable<Integer> {
        private final Main main;

        AgentsCommand(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            main.out.println("experiment kinds (the config's top-level key):");
            for (ExperimentKind k : ExperimentKinds.all()) {
                main.out.printf(Locale.ROOT, "  %-12s %-14s %s%n", k.name(), k.key() == null ? "\"agents\"" : "\"" + k.key() + "\"", k.description());
            }
            main.out.println();
            main.out.println("agent types of the \"agents\" kind (\"type\", then its \"settings\"):");
            int width = Agents.all().stream().mapToInt(t -> t.name().length()).max().orElse(10);
            String row = "  %-" + width + "s  %s%n";
            for (AgentType<?> t : Agents.all()) {
                main.out.printf(Locale.ROOT, row, t.name(), t.description());
                String settings = settings(t.settingsType());
                if (!settings.isEmpty()) main.out.printf(Locale.ROOT, row, "", "  settings: " + settings);
            }
            return 0;
        }

        /** A settings record's keys as a config spells them. */
        static String settings(Class<?> type) {
            if (type == null || !type.isRecord()) return "";
            List<String> names = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                com.fasterxml.jackson.annotation.JsonProperty p = c.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (p == null) {
                    try {
                        p = type.getDeclaredField(c.getName()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    } catch (NoSuchFieldException e) {
                        p = null;
                    }
                }
                names.add(p != null && !p.value().isEmpty() ? p.value() : snake(c.getName()));
            }
            return String.join(", ", names);
        }

        static String snake(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = "Check an env against the Env contract (spaces, seeding, determinism, action sampling, close).")
    static final class Check implements Callable<Integer> {
        private final Main main;

        @Parameters(paramLabel = "<env-id>", description = "a registered env id (`jgym envs`)")
        String id;

        Check(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            EnvRegistry.spec(id);
            List<String> problems = EnvChecker.check(id);
            if (problems.isEmpty()) {
                main.out.println(id + ": ok (spaces, seeding, determinism, action sampling, close)");
                return 0;
            }
            main.err.println(id + ": " + problems.size() + " problem(s):");
            problems.forEach(p -> main.err.println("  - " + p));
            return 1;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Play random actions in an env, drawing each step in the terminal.")
    static final class Show implements Callable<Integer> {
        private final Main main;

        @Parameters(paramLabel = "<env-id>", description = "a registered env id (`jgym envs`)")
        String id;

        @Option(names = "--seed", paramLabel = "N", description = "the reset seed (default: 0)")
        long seed;

        @Option(names = "--steps", paramLabel = "N", description = "random steps to play, 1 to " + Limits.SHOW_STEPS + " (default: 5)")
        int steps = 5;

        @Option(names = "--width", paramLabel = "N", description = "drawing width in characters, " + Limits.MIN_WIDTH + " to " + Limits.MAX_WIDTH + " (default: 60)")
        int width = 60;

        Show(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            Limits.range("--steps", steps, 1, Limits.SHOW_STEPS);
            Limits.range("--width", width, Limits.MIN_WIDTH, Limits.MAX_WIDTH);
            AnsiRenderer renderer = new AnsiRenderer(width);
            try (Env<Object, Object> env = EnvRegistry.make(id)) {
                env.reset(seed, Map.of());
                main.out.print(renderer.render(env.scene()));
                for (int i = 0; i < steps; i++) {
                    Object action = env.sampleAction();
                    Step<Object> step = env.step(action);
                    main.out.printf(Locale.ROOT, "step %d: action %s, reward %.4g%s%n", i + 1, Spaces.format(action), step.reward(),
                            step.terminated() ? ", terminated" : step.truncated() ? ", truncated" : "");
                    main.out.print(renderer.render(env.scene()));
                    if (step.done()) env.reset();
                }
            }
            return 0;
        }
    }

    @Command(name = "devices", mixinStandardHelpOptions = true, description = "List the OpenCL devices, numbered as `train --backend opencl:N` takes them, and what auto picks.")
    static final class Devices implements Callable<Integer> {
        private final Main main;

        Devices(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            List<OpenClDevices.Info> list = OpenClDevices.list();
            if (list.isEmpty()) {
                main.out.println("no OpenCL device: " + OpenClDevices.whyNone());
            } else {
                for (OpenClDevices.Info d : list) main.out.println("opencl:" + d.describe() + ", " + d.platformVersion().trim());
            }
            boolean gpu = list.stream().anyMatch(OpenClDevices.Info::isGpu);
            main.out.println("auto: " + (gpu ? "the first OpenCL GPU" : "cpu (no OpenCL GPU; on an OpenCL CPU device the Java backend is faster)"));
            return 0;
        }
    }
}
