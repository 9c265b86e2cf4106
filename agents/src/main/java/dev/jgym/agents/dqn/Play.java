package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.agents.Evaluation;
import dev.jgym.agents.Stats;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.sim.SimulatorListener;
import dev.jgym.core.sim.Transition;
import dev.jgym.replays.ReplayFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jgym play <run-dir>}: the greedy policy of a trained DQN run (its {@code checkpoint.jgc})
 * played for some episodes, headless: each episode's return, length and success (the env's
 * {@code is_success}, else a terminated episode with a positive last reward), optionally recorded
 * as {@code .jgr} replays. The episodes' seeds come from {@code Rng(seed).child("play")}, so the
 * same seed plays the same episodes.
 */
public final class Play {
    private Play() {}

    /** What the episodes gave. */
    public record Report(double[] returns, int[] lengths, boolean[] successes) {
        public double mean() {
            return Stats.mean(returns);
        }

        /** The half-width of the 95% interval of the mean return. */
        public double ci95() {
            return Stats.ci95(returns);
        }

        public double successRate() {
            int n = 0;
            for (boolean s : successes) if (s) n++;
            return (double) n / successes.length;
        }

        public double meanLength() {
            double sum = 0;
            for (int l : lengths) sum += l;
            return sum / lengths.length;
        }
    }

    /**
     * Plays {@code episodes} greedy episodes of the run in {@code runDir}.
     *
     * @param seed the episodes' root seed (null: the run's config seed)
     * @param recordTo a folder for one {@code .jgr} per episode, or null
     */
    public static Report run(Path runDir, int episodes, Long seed, Path recordTo, int threads) {
        if (recordTo != null) {
            try {
                Files.createDirectories(recordTo);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + recordTo, e);
            }
            if (!ReplayFiles.find(recordTo).isEmpty()) {
                throw new UserError(recordTo + ": already holds .jgr replays (remove them, or record into another folder)");
            }
        }
        try (ExpertReplays.Trained t = ExpertReplays.load(runDir, threads)) {
            double[] returns = new double[episodes];
            int[] lengths = new int[episodes];
            boolean[] successes = new boolean[episodes];
            JsonNode configJson = Json.MAPPER.valueToTree(t.config());
            DqnTraining training = new DqnTraining(t.config(), t.source()).observeEvaluations(e -> {
                int j = e.episode();
                SimulatorListener<float[], Integer> score = new SimulatorListener<>() {
                    @Override
                    public void onStep(long step, Transition<float[], Integer> tr) {
                        if (tr.done()) successes[j] = Evaluation.success(tr.terminated(), tr.reward(), tr.info());
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
            training.evaluate(t.learner(), new Rng(seed == null ? t.config().seed() : seed).child("play"), episodes, t.learner().updates(), null, 0);
            return new Report(returns, lengths, successes);
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
