package dev.jgym.agents.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.Agent;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayRecorder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code jgym play} asks of a kind ({@link ExperimentKind#play}): play the trained policy of
 * the run in {@code runDir} (its {@code config.json} and {@code checkpoint.jgc}) deterministically
 * for {@code episodes} episodes, episode j reset with a seed from
 * {@code Rng(seed).child("play").child(j)} ({@code seed} null: the run's config seed), recording
 * each as {@code recordTo/episode-j.jgr} when {@code recordTo} is set.
 *
 * @param threads the network backend's threads
 */
public record PlayRequest(Path runDir, int episodes, Long seed, Path recordTo, int threads) {
    /** The run's {@code config.json}. */
    public Path configFile() {
        return runDir.resolve("config.json");
    }

    /** The run's {@code checkpoint.jgc}. */
    public Path checkpointFile() {
        return runDir.resolve(Run.CHECKPOINT);
    }

    /** The episodes' seeds: episode j from {@code child(j)}. */
    public Rng seeds(long configSeed) {
        return new Rng(seed == null ? configSeed : seed).child("play");
    }

    /** Creates the recording folder, refusing one that already holds replays; nothing without {@code recordTo}. */
    public void prepareRecording() {
        if (recordTo == null) return;
        try {
            Files.createDirectories(recordTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + recordTo, e);
        }
        if (!ReplayFiles.find(recordTo).isEmpty()) {
            throw new UserError(recordTo + ": already holds .jgr replays (remove them, or record into another folder)");
        }
    }

    /**
     * The recorders of the played episodes ({@code null} without {@code recordTo}): episode j into
     * {@code recordTo/episode-j.jgr}, with the agent's annotations, its header naming the env, the
     * episode's seed, {@code agent} and the run's {@code config}.
     */
    public <O, A> PolicyEpisodes.Watcher<O, A> recorders(Env<O, A> env, Agent<O, A> agent, String envId, Map<String, ?> envOptions,
                                                         String label, JsonNode config) {
        if (recordTo == null) return null;
        return (j, episodeSeed) -> new ReplayRecorder<>(env, agent, ReplayHeader.of(envId, envOptions, env, episodeSeed, label, null, config),
                episode -> episode == 0, episode -> ReplayFiles.episodeFile(recordTo, j), null);
    }
}
