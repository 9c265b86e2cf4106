package dev.jgym.experiments.cli;

import dev.jgym.core.config.UserError;
import dev.jgym.core.space.Spaces;
import dev.jgym.replays.FrameExport;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayEpisode;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.ReplayVerifier;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import java.util.Locale;

/**
 * {@code jgym replay info | verify | export | record}: a replay's contents, its re-simulation check,
 * its frames as PNGs or a GIF drawn by the pure-Java raster renderer, and new replays of a trained
 * DQN's greedy policy (expert demonstrations for adversarial imitation). A verify that finds a difference
 * exits with 3 (the file no longer matches its env); damaged or foreign files are a user's
 * mistake (exit 2).
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = "Replays (.jgr): what one holds, its re-simulation check, its frames, new ones from a DQN run.")
final class ReplayCommand implements Callable<Integer> {
    /** Exit code of a verify that found a difference. */
    static final int DIVERGED = 3;

    private final Main main;

    private ReplayCommand(Main main) {
        this.main = main;
    }

    static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(new ReplayCommand(main));
        cl.addSubcommand("info", new Info(main));
        cl.addSubcommand("verify", new Verify(main));
        cl.addSubcommand("export", new Export(main));
        cl.addSubcommand("record", new Record(main));
        return cl;
    }

    @Override
    public Integer call() {
        throw new UserError("replay: expected info, verify, export or record (`jgym replay --help`)");
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "What a replay holds: header, episodes, returns.")
    static final class Info implements Callable<Integer> {
        private final Main main;

        @Parameters(paramLabel = "<file.jgr>", description = "a replay file")
        Path file;

        Info(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            PrintStream out = main.out;
            Replay r = ReplayReader.read(file);
            ReplayHeader h = r.header();
            out.printf(Locale.ROOT, "file          %s%n", file);
            out.printf(Locale.ROOT, "format        version %d, written by jgym %s on %s%n", h.formatVersion(), h.jgymVersion(), h.created());
            out.printf(Locale.ROOT, "env           %s %s%n", h.envId(), h.options().isEmpty() ? "" : h.options());
            if (h.spec() != null) {
                out.printf(Locale.ROOT, "spaces        action %s, observation %s%n", h.spec().path("action_space"), h.spec().path("observation_space"));
            }
            out.printf(Locale.ROOT, "seed          %d%s%n", h.seed(), h.run() == null ? "" : " (run " + h.run() + ")");
            out.printf(Locale.ROOT, "agent         %s%n", h.agent().isEmpty() ? "-" : h.agent());
            if (h.config() != null) out.printf(Locale.ROOT, "experiment    %s%n", h.config().path("name").asText());
            out.printf(Locale.ROOT, "episodes      %d, %d steps%n", r.episodes().size(), r.totalSteps());
            for (ReplayEpisode e : r.episodes()) {
                String end = e.length() == 0 ? "no steps" : e.terminated(e.length() - 1) ? "terminated" : e.truncated(e.length() - 1) ? "truncated" : "cut short";
                out.printf(Locale.ROOT, "  episode %-5d %6d steps, return %.6g, %s%s%n", e.index(), e.length(), e.returnUpTo(e.length()), end,
                        e.length() > 0 && !e.annotations(0).isEmpty() ? ", annotated " + e.annotations(0).vectors().keySet() : "");
                if (e.length() > 0 && e.length() <= 12) {
                    StringBuilder sb = new StringBuilder("    actions");
                    for (int i = 0; i < e.length(); i++) sb.append(' ').append(Spaces.format(e.action(i)));
                    out.println(sb);
                }
            }
            if (!r.complete()) main.err.println("jgym: replay " + file + ": " + r.problem());
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Re-simulate every step of a replay (or of every replay in a folder) and compare its checksum.",
                    "Exit status 3 when a replay no longer matches its env."})
    static final class Verify implements Callable<Integer> {
        private final Main main;

        @Parameters(paramLabel = "<file.jgr | dir>", description = "a replay file, or a folder searched for them")
        Path target;

        Verify(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            List<Path> files = Files.isDirectory(target) ? ReplayFiles.find(target) : List.of(target);
            if (files.isEmpty()) throw new UserError(target + ": no .jgr replays in this folder");
            int code = 0;
            for (Path f : files) {
                ReplayVerifier.Report report = ReplayVerifier.verify(f);
                if (report.ok()) {
                    main.out.println(report.summary());
                    if (!report.replay().complete()) code = Math.max(code, 2);
                } else {
                    main.err.println("jgym: " + report.summary());
                    code = DIVERGED;
                }
            }
            return code;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Draw a replay's frames as PNGs or one GIF (no display needed).")
    static final class Export implements Callable<Integer> {
        private final Main main;

        @Parameters(paramLabel = "<file.jgr>", description = "a replay file")
        Path file;

        @Option(names = "--png", paramLabel = "DIR", description = "write one PNG per frame into DIR")
        Path png;

        @Option(names = "--gif", paramLabel = "FILE", description = "write an animated GIF")
        Path gif;

        @Option(names = "--scale", paramLabel = "N", description = "the long side is 160 x N pixels, N in [1, 40] (default: 3)")
        int scale = 3;

        @Option(names = "--fps", paramLabel = "N", description = "GIF frames per second, 1 to 100 (default: 10)")
        int fps = 10;

        Export(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            if ((png == null) == (gif == null)) throw new UserError("replay export: expected exactly one of --png DIR or --gif FILE");
            Limits.range("--scale", scale, 1, 40);
            Limits.range("--fps", fps, 1, 100);
            Replay r = ReplayReader.read(file);
            if (!r.complete()) main.err.println("jgym: replay " + file + ": " + r.problem() + "; exporting what is there");
            int longSide = 160 * scale;
            int frames = png != null ? FrameExport.pngs(r, png, longSide) : FrameExport.gif(r, gif, longSide, fps);
            main.out.printf(Locale.ROOT, "%d frames (%d px on the long side) written to %s%n", frames, longSide, png != null ? png : gif);
            return 0;
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Greedy episodes of a DQN run's checkpoint, one .jgr each (expert demonstrations for adversarial imitation).")
    static final class Record implements Callable<Integer> {
        private final Main main;

        @Parameters(paramLabel = "<dqn-run-dir>", description = "the folder of a DQN run (with its checkpoint.jgc)")
        Path run;

        @Option(names = "--episodes", paramLabel = "N", description = "episodes to record, 1 to 100000 (default: 10)")
        int episodes = 10;

        @Option(names = "--seed", paramLabel = "N", description = "the first episode's seed (default: the run's evaluation seeds)")
        Long seed;

        @Option(names = "--out", paramLabel = "DIR", description = "where the replays go (default: <run-dir>/replays/expert)")
        Path dir;

        @Option(names = "--threads", paramLabel = "N", description = "threads of the network's backend (default: 1)")
        int threads = 1;

        Record(Main main) {
            this.main = main;
        }

        @Override
        public Integer call() {
            Limits.range("--episodes", episodes, 1, 100_000);
            Limits.threads("--threads", threads);
            Path out = dir == null ? dev.jgym.agents.dqn.ExpertReplays.defaultFolder(run) : dir;
            var row = dev.jgym.agents.dqn.ExpertReplays.record(run, episodes, seed, out, threads);
            main.out.printf(Locale.ROOT, "%d greedy episodes of %s recorded into %s: return %.1f +- %.1f (min %.0f, max %.0f)%n", episodes, run, out,
                    row.mean(), row.std(), row.min(), row.max());
            return 0;
        }
    }
}
