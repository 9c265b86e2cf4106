package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.env.Env;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.replays.EpisodeSchedule;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayRecorder;
import java.nio.file.Path;
import java.util.Map;

/**
 * Records a run's deterministic evaluation episodes as {@code .jgr} replays, in the DQN runs'
 * layout ({@link DqnReplays#finalFile}, {@link DqnReplays#evaluationFile}): the final evaluation's
 * last episode and, on the config's schedule ({@link DqnConfig.ReplaySettings}), periodic
 * evaluation K's last episode, with the agent's annotations when the settings ask. The
 * policy-gradient and off-policy families record with it. Recording draws nothing from any random
 * stream.
 */
public final class EvaluationReplays {
    private final Path runDir;
    private final String envId, label;
    private final Map<String, ?> envOptions;
    private final JsonNode config;
    private final DqnConfig.ReplaySettings settings;
    private final EpisodeSchedule schedule;

    /** @param label the replays' agent (the algorithm and the run's name); @param config the run's config, stored in each header */
    public EvaluationReplays(Path runDir, String envId, Map<String, ?> envOptions, String label, JsonNode config, DqnConfig.ReplaySettings settings) {
        this.runDir = runDir;
        this.envId = envId;
        this.envOptions = envOptions;
        this.label = label;
        this.config = config;
        this.settings = settings;
        this.schedule = EpisodeSchedule.named(settings.schedule(), settings.every());
    }

    /**
     * The recorder of evaluation {@code k}'s (-1: the final one's) episode {@code j} of {@code episodes},
     * reset with {@code seed}, or null when it is not recorded.
     */
    public <O, A> SimulatorListener<O, A> create(int k, int j, int episodes, long seed, Env<O, A> env, Agent<O, A> agent) {
        if (j != episodes - 1) return null;
        Path file;
        if (k < 0) {
            if (!settings.finalEvaluation()) return null;
            file = DqnReplays.finalFile(runDir);
        } else {
            if (!schedule.records(k)) return null;
            file = DqnReplays.evaluationFile(runDir, k);
        }
        ReplayHeader header = ReplayHeader.of(envId, envOptions, env, seed, label, null, config);
        // the simulator runs this one episode as its episode 0, from reset(seed)
        return new ReplayRecorder<>(env, settings.annotations() ? agent : null, header, episode -> episode == 0, episode -> file, null);
    }
}
