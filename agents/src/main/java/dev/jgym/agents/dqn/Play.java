package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.Evaluation;
import dev.jgym.agents.run.PlayReport;
import dev.jgym.agents.run.PlayRequest;
import dev.jgym.core.config.Json;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import dev.jgym.replays.ReplayFiles;
import java.nio.file.Path;

/**
 * {@code jgym play <run-dir>} for a DQN run ({@link DqnKind#play}): the greedy policy of its
 * {@code checkpoint.jgc} played for some episodes through the run's own evaluation (observation
 * views, frame stacks), headless: each episode's return, length and success (the env's
 * {@code is_success}, {@link Evaluation#success}; none where the env has no goal), optionally recorded
 * as {@code .jgr} replays with the Q-values. The episodes' seeds come from
 * {@link PlayRequest#seeds}, so the same seed plays the same episodes.
 */
final class Play {
    private Play() {}

    /** Plays the request's episodes greedily from the run's checkpoint ({@link PlayRequest}: seeds, recording). */
    static PlayReport run(PlayRequest request) {
        request.prepareRecording();
        Path recordTo = request.recordTo();
        int episodes = request.episodes();
        try (ExpertReplays.Trained t = ExpertReplays.load(request.runDir(), request.threads())) {
            double[] returns = new double[episodes];
            int[] lengths = new int[episodes];
            Boolean[] successes = new Boolean[episodes];
            JsonNode configJson = Json.MAPPER.valueToTree(t.config());
            DqnTraining training = new DqnTraining(t.config(), t.source()).observeEvaluations(e -> {
                int j = e.episode();
                SimulatorListener<float[], Integer> score = new SimulatorListener<>() {
                    @Override
                    public void onStep(long step, Transition<float[], Integer> tr) {
                        if (tr.done()) successes[j] = Evaluation.success(tr.info());
                    }

                    @Override
                    public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
                        returns[j] = episodeReturn;
                        lengths[j] = length;
                    }
                };
                if (recordTo == null) return score;
                return new Both(score, DqnReplays.recorder(e, configJson, true, ReplayFiles.episodeFile(recordTo, j)));
            });
            training.validate();
            training.evaluate(t.learner(), request.seeds(t.config().seed()), episodes, t.learner().updates(), null, 0);
            return new PlayReport(returns, lengths, successes);
        }
    }

    /** Two listeners as one; closes the second (a replay recorder) when the episode ends. */
    private record Both(SimulatorListener<float[], Integer> a, SimulatorListener<float[], Integer> b)
            implements SimulatorListener<float[], Integer>, AutoCloseable {
        @Override
        public void onEpisodeStart(int episode, float[] observation, java.util.Map<String, Object> info) {
            a.onEpisodeStart(episode, observation, info);
            b.onEpisodeStart(episode, observation, info);
        }

        @Override
        public void onStep(long step, Transition<float[], Integer> t) {
            a.onStep(step, t);
            b.onStep(step, t);
        }

        @Override
        public void onEpisodeEnd(int episode, double episodeReturn, int length, boolean terminated) {
            a.onEpisodeEnd(episode, episodeReturn, length, terminated);
            b.onEpisodeEnd(episode, episodeReturn, length, terminated);
        }

        @Override
        public void close() throws Exception {
            if (b instanceof AutoCloseable c) c.close();
        }
    }
}
