package dev.jgym.agents.cli;

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
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * {@code jgym replay info | verify | export | record}: a replay's contents, its re-simulation check,
 * its frames as PNGs or a GIF drawn by the pure-Java raster renderer, and new replays of a trained
 * DQN's greedy policy (expert demonstrations for adversarial imitation). A verify that finds a difference
 * exits with 3 (the file no longer matches its env); damaged or foreign files are a user's
 * mistake (exit 2).
 */
final class ReplayCommand {
    static final String USAGE = "usage: jgym replay info <file.jgr> | verify <file.jgr|dir> | export <file.jgr> --png DIR | --gif FILE [--scale N] [--fps N]"
            + " | record <dqn-run-dir> [--episodes N] [--seed N] [--out DIR]";
    /** Exit code of a verify that found a difference. */
    static final int DIVERGED = 3;

    private final PrintStream out;
    private final PrintStream err;

    ReplayCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Deque<String> args) {
        String sub = args.poll();
        if (sub == null) throw new UserError("replay: expected info, verify, export or record (" + USAGE + ")");
        switch (sub) {
            case "info":
                return info(oneFile("info", args));
            case "verify":
                return verify(oneFile("verify", args));
            case "export":
                return export(args);
            case "record":
                return record(args);
            default:
                throw new UserError("replay: unknown subcommand \"" + sub + "\" (expected info, verify, export or record)");
        }
    }

    private static Path oneFile(String sub, Deque<String> args) {
        if (args.size() != 1) throw new UserError("replay " + sub + ": expected one file (" + USAGE + ")");
        return Path.of(args.poll());
    }

    private int info(Path file) {
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
        if (!r.complete()) err.println("jgym: replay " + file + ": " + r.problem());
        return 0;
    }

    private int verify(Path target) {
        List<Path> files = Files.isDirectory(target) ? ReplayFiles.find(target) : List.of(target);
        if (files.isEmpty()) throw new UserError(target + ": no .jgr replays in this folder");
        int code = 0;
        for (Path f : files) {
            ReplayVerifier.Report report = ReplayVerifier.verify(f);
            if (report.ok()) {
                out.println(report.summary());
                if (!report.replay().complete()) code = Math.max(code, 2);
            } else {
                err.println("jgym: " + report.summary());
                code = DIVERGED;
            }
        }
        return code;
    }

    private int export(Deque<String> args) {
        Path file = null, png = null, gif = null;
        int scale = 3, fps = 10;
        while (!args.isEmpty()) {
            String a = args.poll();
            switch (a) {
                case "--png" -> png = Path.of(Args.value(a, args));
                case "--gif" -> gif = Path.of(Args.value(a, args));
                case "--scale" -> scale = Args.positiveInt(a, Args.value(a, args));
                case "--fps" -> fps = Args.positiveInt(a, Args.value(a, args));
                default -> {
                    if (a.startsWith("-") || file != null) throw new UserError("replay export: unexpected argument " + a + " (" + USAGE + ")");
                    file = Path.of(a);
                }
            }
        }
        if (file == null) throw new UserError("replay export: expected a .jgr file (" + USAGE + ")");
        if ((png == null) == (gif == null)) throw new UserError("replay export: expected exactly one of --png DIR or --gif FILE");
        if (scale > 40) throw new UserError("--scale: expected an integer in [1, 40], found " + scale);
        Replay r = ReplayReader.read(file);
        if (!r.complete()) err.println("jgym: replay " + file + ": " + r.problem() + "; exporting what is there");
        int longSide = 160 * scale;
        int frames = png != null ? FrameExport.pngs(r, png, longSide) : FrameExport.gif(r, gif, longSide, fps);
        out.printf(Locale.ROOT, "%d frames (%d px on the long side) written to %s%n", frames, longSide, png != null ? png : gif);
        return 0;
    }

    /** {@code replay record <run-dir>}: greedy episodes of a DQN run's checkpoint, one .jgr each. */
    private int record(Deque<String> args) {
        Path run = null, dir = null;
        int episodes = 10, threads = 1;
        Long seed = null;
        while (!args.isEmpty()) {
            String a = args.poll();
            switch (a) {
                case "--episodes" -> episodes = Args.positiveInt(a, Args.value(a, args));
                case "--seed" -> seed = Args.parseLong(a, Args.value(a, args));
                case "--out" -> dir = Path.of(Args.value(a, args));
                case "--threads" -> threads = Args.positiveInt(a, Args.value(a, args));
                default -> {
                    if (a.startsWith("-") || run != null) throw new UserError("replay record: unexpected argument " + a + " (" + USAGE + ")");
                    run = Path.of(a);
                }
            }
        }
        if (run == null) throw new UserError("replay record: expected the folder of a DQN run (" + USAGE + ")");
        if (dir == null) dir = dev.jgym.agents.dqn.ExpertReplays.defaultFolder(run);
        var row = dev.jgym.agents.dqn.ExpertReplays.record(run, episodes, seed, dir, threads);
        out.printf(Locale.ROOT, "%d greedy episodes of %s recorded into %s: return %.1f +- %.1f (min %.0f, max %.0f)%n", episodes, run, dir,
                row.mean(), row.std(), row.min(), row.max());
        return 0;
    }
}
