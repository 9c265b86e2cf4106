package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.replays.EpisodeSchedule;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayHeader;
import dev.jgym.replays.ReplayRecorder;
import java.nio.file.Path;

/**
 * Records a DQN run's greedy evaluation episodes as {@code .jgr} replays, as its config's
 * {@code replays} says:
 *
 * <pre>
 * runs/&lt;name&gt;/replays/final-evaluation.jgr          the final evaluation's last episode
 * runs/&lt;name&gt;/replays/evaluation/episode-K.jgr      periodic evaluation K's last episode (K from 0,
 *                                                   at env step (K+1) * evaluation.interval),
 *                                                   for K on the schedule (capped cubic: 0, 1, 8, 27, ...)
 * </pre>
 *
 * <p>Each file holds one episode that began with {@code reset(seed)}: the header carries the env id
 * and options, that seed, the agent label {@code "dqn <name>"} and the DQN config, and each step
 * the greedy agent's Q-values as the {@code action_values} annotation (the viewer's bars), so
 * {@code jgym replay verify} re-simulates it bit for bit and {@code jgym view} draws it.
 *
 * <p>Recording reads the Q-values the greedy agent computed to act and draws nothing from any
 * random stream: {@code metrics.csv} and {@code summary.json} are the same with it on or off.
 */
public final class DqnReplays implements DqnTraining.EvaluationObserver {
    /** The final evaluation's replay, in the replays folder. */
    public static final String FINAL_FILE = ReplayFiles.FINAL_EVALUATION;
    /** The folder of periodic evaluations' replays, in the replays folder. */
    public static final String EVALUATION_FOLDER = "evaluation";

    private final Path replays;
    private final DqnConfig.ReplaySettings settings;
    private final EpisodeSchedule schedule;
    private final JsonNode configJson;

    /** Records under {@code runDir/replays/} as {@code config.replays()} says. */
    public DqnReplays(Path runDir, DqnConfig config) {
        this.replays = runDir.resolve(ReplayFiles.FOLDER);
        this.settings = config.replays();
        this.schedule = EpisodeSchedule.named(settings.schedule(), settings.every());
        this.configJson = Json.MAPPER.valueToTree(config);
    }

    /** The final evaluation's replay in a run folder. */
    public static Path finalFile(Path runDir) {
        return runDir.resolve(ReplayFiles.FOLDER).resolve(FINAL_FILE);
    }

    /** Periodic evaluation K's replay in a run folder. */
    public static Path evaluationFile(Path runDir, int evaluation) {
        return ReplayFiles.episodeFile(runDir.resolve(ReplayFiles.FOLDER).resolve(EVALUATION_FOLDER), evaluation);
    }

    @Override
    public SimulatorListener<float[], Integer> create(DqnTraining.EvaluationEpisode e) {
        if (!e.last()) return null;
        Path file;
        if (e.isFinal()) {
            if (!settings.finalEvaluation()) return null;
            file = replays.resolve(FINAL_FILE);
        } else {
            if (!schedule.records(e.evaluation())) return null;
            file = ReplayFiles.episodeFile(replays.resolve(EVALUATION_FOLDER), e.evaluation());
        }
        return recorder(e, configJson, settings.annotations(), file);
    }

    /** A recorder of one greedy episode into {@code file} (with the agent's Q-values when {@code annotations}). */
    static SimulatorListener<float[], Integer> recorder(DqnTraining.EvaluationEpisode e, JsonNode configJson, boolean annotations, Path file) {
        ReplayHeader header = ReplayHeader.of(e.envId(), e.options(), e.env(), e.seed(), e.agentLabel(), null, configJson);
        // the simulator runs this one episode as its episode 0, from reset(seed)
        return new ReplayRecorder<>(e.env(), annotations ? e.agent() : null, header, episode -> episode == 0, episode -> file, null);
    }
}
