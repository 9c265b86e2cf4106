package dev.jgym.agents.offpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.dqn.DqnReplays;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.sim.Agent;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.replays.EpisodeSchedule;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayRecorder;
import java.nio.file.Path;

/**
 * Records an off-policy run's deterministic evaluation episodes as {@code .jgr} replays, in the
 * DQN runs' layout ({@link DqnReplays#finalFile}, {@link DqnReplays#evaluationFile}): the final
 * evaluation's last episode and, on the config's schedule, periodic evaluation K's last episode.
 * Each step carries the agent's {@code action_mean} and {@code action_std} annotations. Recording
 * draws nothing from any random stream.
 */
final class OffPolicyReplays implements OffPolicyTraining.EvaluationObserver {
    private final Path runDir;
    private final OffPolicyConfig config;
    private final DqnConfig.ReplaySettings settings;
    private final EpisodeSchedule schedule;
    private final JsonNode configJson;

    OffPolicyReplays(Path runDir, OffPolicyConfig config) {
        this.runDir = runDir;
        this.config = config;
        this.settings = config.replays();
        this.schedule = EpisodeSchedule.named(settings.schedule(), settings.every());
        this.configJson = Json.MAPPER.valueToTree(config);
    }

    @Override
    public SimulatorListener<float[], float[]> create(int k, int j, int episodes, long seed, Env<float[], float[]> env,
                                                      Agent<float[], float[]> agent) {
        if (j != episodes - 1) return null;
        Path file;
        if (k < 0) {
            if (!settings.finalEvaluation()) return null;
            file = DqnReplays.finalFile(runDir);
        } else {
            if (!schedule.records(k)) return null;
            file = DqnReplays.evaluationFile(runDir, k);
        }
        ReplayHeader header = ReplayHeader.of(config.env().id(), config.env().options(), env, seed,
                config.offpolicy().algorithm() + " " + config.name(), null, configJson);
        // the simulator runs this one episode as its episode 0, from reset(seed)
        return new ReplayRecorder<>(env, settings.annotations() ? agent : null, header, episode -> episode == 0, episode -> file, null);
    }
}
