package dev.jgym.experiments.cli;

import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.experiments.run.ExperimentKinds;
import dev.jgym.core.config.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jgym play <run-dir | checkpoint.jgc | model.jgm>}: evaluate a trained agent headless,
 * optionally recording its episodes. The run's kind (found from its {@code config.json}, as
 * {@code jgym train} finds it) plays it ({@link dev.jgym.agents.run.ExperimentKind#play}). {@code --view} and {@code --human} open a window, so the launcher runs them
 * ({@code --view}: this command with {@code --record}, then the viewer on the replays;
 * {@code --human}: the desktop module's {@code HumanPlayMain}).
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play a trained run's deterministic policy (DQN, PPO/A2C, SAC/TD3/DDPG: its checkpoint.jgc) headless: mean return with a 95%% interval,",
                "success rate and mean length; --record writes every episode as a .jgr replay; --view then shows them in the viewer.",
                "jgym play --human <env-id> [--episodes N] [--seed S] [--record DIR] [--option KEY=VALUE] [--opponent SPEC [--second]]: play an env",
                "yourself with the keyboard in a window (a board game against any agent with --opponent), recording each finished episode",
                "(see `jgym play --human --help`)."})
final class PlayCommand implements Callable<Integer> {
    private final Main main;

    @Parameters(paramLabel = "<run-dir | checkpoint.jgc | model.jgm>", description = "the folder of a `jgym train` run (dqn, pg or offpolicy), or its checkpoint or model file")
    Path run;

    @Option(names = "--episodes", paramLabel = "N", description = "episodes to play, 1 to 100000 (default: 100)")
    int episodes = 100;

    @Option(names = "--seed", paramLabel = "N", description = "the episodes' root seed (default: the run's config seed)")
    Long seed;

    @Option(names = "--record", paramLabel = "DIR", description = "write one .jgr replay per episode into DIR")
    Path record;

    @Option(names = "--threads", paramLabel = "N", description = "threads of the network's backend (default: 1)")
    int threads = 1;

    @Option(names = "--view", description = "show the episodes in the viewer afterwards (needs a display; records into a fresh folder unless --record)")
    boolean view;

    @Option(names = "--human", description = "play an env yourself: jgym play --human <env-id> (needs a display)")
    boolean human;

    PlayCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        if (view || human) throw new UserError("play " + (human ? "--human" : "--view") + ": opens a window, so it runs through the launcher: ./jgym play ...");
        Limits.range("--episodes", episodes, 1, 100_000);
        Limits.threads("--threads", threads);
        Path dir = runFolder(run);
        PlayReport r = ExperimentKinds.forConfig(dir.resolve("config.json")).play(new PlayRequest(dir, episodes, seed, record, threads));
        String success = r.successReported() ? String.format(Locale.ROOT, "success rate %.3f", r.successRate()) : "no success rate (the env has no goal)";
        main.out.printf(Locale.ROOT, "%d episodes of %s: return %.2f +- %.2f (95%% interval), %s, mean length %.1f%n", episodes, dir,
                r.mean(), r.ci95(), success, r.meanLength());
        if (record != null) main.out.printf(Locale.ROOT, "replays in %s%n", record);
        return 0;
    }

    /** The run folder {@code path} names: itself, or the folder of its checkpoint or model file; anything else is one line. */
    static Path runFolder(Path path) {
        if (!Files.exists(path)) throw new UserError(path + ": no such run folder or file (expected the --out folder of `jgym train`)");
        Path dir = path;
        if (Files.isRegularFile(path)) {
            String name = path.getFileName().toString();
            if (!name.endsWith(".jgc") && !name.endsWith(".jgm")) {
                throw new UserError(path + ": expected a run folder of `jgym train`, its checkpoint.jgc or its model.jgm, found a file named " + name);
            }
            dir = path.toAbsolutePath().getParent();
        }
        if (!Files.isRegularFile(dir.resolve("config.json"))) {
            throw new UserError(dir + ": no config.json (expected the folder of a `jgym train` run, with config.json and checkpoint.jgc)");
        }
        return dir;
    }
}
