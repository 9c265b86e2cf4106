package dev.jgym.desktop;

import dev.jgym.core.config.UserError;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import dev.jgym.replays.Divergence;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayEpisode;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.Resimulation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code .jgr} file or a folder of them into {@link PlayableEpisode}s by re-simulation.
 * Nothing here throws for a bad file: an unreadable, wrong-version, truncated or diverging replay
 * becomes an episode with a {@code problem} line (also printed on stderr), so the window shows
 * the message instead of crashing or drawing something false.
 */
public final class EpisodeLoader {
    private final PrintStream err;

    public EpisodeLoader(PrintStream err) {
        this.err = err;
    }

    /** Every episode of a file, or of every replay under a folder. */
    public List<PlayableEpisode> load(Path path) {
        List<PlayableEpisode> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> files = ReplayFiles.find(path);
            if (files.isEmpty()) out.add(report(PlayableEpisode.unreadable(path.toString(), path + ": no .jgr replays in this folder (yet)")));
            for (Path f : files) out.addAll(loadFile(f, path));
        } else {
            out.addAll(loadFile(path, path.getParent()));
        }
        return out;
    }

    private List<PlayableEpisode> loadFile(Path file, Path base) {
        String name = base == null ? file.toString() : base.relativize(file).toString();
        if (name.isEmpty()) name = file.getFileName().toString();
        Replay replay;
        try {
            replay = ReplayReader.salvage(file);
        } catch (UserError e) {
            return List.of(report(PlayableEpisode.unreadable(name, e.getMessage())));
        } catch (RuntimeException e) {
            return List.of(report(PlayableEpisode.unreadable(name, "replay " + file + ": cannot read (" + e + ")")));
        }
        List<PlayableEpisode> out = new ArrayList<>();
        for (int i = 0; i < replay.episodes().size(); i++) {
            ReplayEpisode e = replay.episodes().get(i);
            String problem = !replay.complete() && i == replay.episodes().size() - 1 ? "replay " + file + ": " + replay.problem() : null;
            out.add(episode(replay, e, name + " #" + e.index(), problem));
        }
        if (replay.episodes().isEmpty()) {
            out.add(report(PlayableEpisode.unreadable(name, "replay " + file + ": " + (replay.complete() ? "holds no episodes" : replay.problem()))));
        }
        return out;
    }

    /** Re-simulates one episode into frames, stopping at a divergence. */
    public PlayableEpisode episode(Replay replay, ReplayEpisode e, String title, String fileProblem) {
        List<Scene> frames = new ArrayList<>(e.length() + 1);
        Object[] actions = new Object[e.length()];
        double[] rewards = new double[e.length()];
        Annotations[] annotations = new Annotations[e.length()];
        String problem = fileProblem;
        List<String> names = List.of();
        try (Resimulation sim = new Resimulation(replay, e)) {
            Divergence d = sim.start();
            if (sim.env().spec() != null) names = sim.env().spec().actionNames();
            if (d == null) frames.add(sim.env().scene(Annotations.NONE));
            while (d == null && sim.hasNext()) {
                int i = sim.position();
                d = sim.step();
                if (d != null) break;
                actions[i] = e.action(i);
                rewards[i] = e.reward(i);
                annotations[i] = e.annotations(i);
                frames.add(sim.env().scene(annotations[i]));
            }
            if (d != null) {
                problem = "replay " + replay.file() + ": diverges at " + d.message() + "; showing the " + Math.max(0, frames.size() - 1)
                        + " steps before it";
            }
        } catch (UserError ex) {
            return report(PlayableEpisode.unreadable(title, ex.getMessage()));
        } catch (RuntimeException ex) {
            return report(PlayableEpisode.unreadable(title, "replay " + replay.file() + ": cannot re-simulate (" + ex + ")"));
        }
        return report(new PlayableEpisode(title, frames, actions, rewards, annotations, problem, names));
    }

    private PlayableEpisode report(PlayableEpisode p) {
        if (p.problem() != null) err.println("jgym: " + p.problem());
        return p;
    }
}
