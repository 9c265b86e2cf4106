package dev.jgym.replays;

import dev.jgym.core.env.Env;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Records a {@link dev.jgym.core.sim.Simulator} run as replays: a listener that writes each
 * scheduled episode to its own file ({@code fileForEpisode}), with the agent's annotations at each
 * step when asked. It never changes what the run does: it reads the env's stream state (to let a
 * later episode re-simulate on its own) but draws nothing.
 *
 * <p>The simulator resets with its seed before episode 0 and without one later, so episode 0 is
 * stored with the seed and every later episode also with the env stream's state at the end of
 * the episode before it (which is its state before the unseeded reset).
 *
 * <p>Optionally it appends {@code episode,steps,return} for every episode (recorded or not) to
 * an episode log, flushed at each line, which the live viewer draws as the learning curve.
 */
public final class ReplayRecorder<O, A> implements SimulatorListener<O, A>, Closeable {
    private final Env<O, A> env;
    private final Agent<O, A> agent;
    private final ReplayHeader header;
    private final EpisodeSchedule schedule;
    private final IntFunction<Path> fileForEpisode;
    private final BufferedWriter log;
    private ReplayWriter writer;
    private long[] stateBeforeNext;
    private int episode;
    private int files;

    /**
     * @param env the env the simulator steps (wrappers included)
     * @param agent the agent whose annotations are recorded, or {@code null} for none
     * @param header the header of every file ({@code seed} must be the simulator's seed)
     * @param schedule which episodes to record
     * @param fileForEpisode the file of episode N
     * @param episodeLog a CSV file to log every episode to, or {@code null}
     */
    public ReplayRecorder(Env<O, A> env, Agent<O, A> agent, ReplayHeader header, EpisodeSchedule schedule,
                          IntFunction<Path> fileForEpisode, Path episodeLog) {
        this.env = env;
        this.agent = agent;
        this.header = header;
        this.schedule = schedule;
        this.fileForEpisode = fileForEpisode;
        if (episodeLog == null) {
            this.log = null;
        } else {
            try {
                Files.createDirectories(episodeLog.toAbsolutePath().getParent());
                this.log = Files.newBufferedWriter(episodeLog, StandardCharsets.UTF_8);
                log.write("episode,steps,return\n");
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + episodeLog, e);
            }
        }
    }

    @Override
    public void onEpisodeStart(int episodeIndex, O observation, java.util.Map<String, Object> info) {
        episode = episodeIndex;
        if (!schedule.records(episodeIndex)) return;
        writer = ReplayWriter.create(fileForEpisode.apply(episodeIndex), header);
        writer.beginEpisode(episodeIndex, header.seed(), episodeIndex == 0 ? null : stateBeforeNext, observation);
        files++;
    }

    @Override
    public void onStep(long step, Transition<O, A> t) {
        if (writer != null) {
            Annotations a = agent == null ? null : agent.annotations();
            writer.step(t.action(), t.reward(), t.terminated(), t.truncated(), t.next(), a);
        }
        if (t.done() && schedule.records(episode + 1)) {
            Rng rng = env.rng();
            stateBeforeNext = rng == null ? null : rng.saveState();
        }
    }

    @Override
    public void onEpisodeEnd(int episodeIndex, double episodeReturn, int length, boolean terminated) {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (log != null) {
            try {
                log.write(String.format(Locale.ROOT, "%d,%d,%s%n", episodeIndex, length, episodeReturn));
                log.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the episode log", e);
            }
        }
    }

    /** Files started so far. */
    public int files() {
        return files;
    }

    /** Closes an episode the budget cut short (its file ends complete, with the steps taken). */
    @Override
    public void close() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the episode log", e);
            }
        }
    }
}
