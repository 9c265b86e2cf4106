package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.cli.Main;
import dev.jgym.core.scene.Annotations;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DQN run folder in the viewer (no OpenGL): its evaluation replays load with Q-values for the bars. */
class DqnRunViewerTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("jgym view <dqn run>: final + capped-cubic evaluation replays re-simulate into frames with two Q-values per step; --live ends on the final evaluation")
    void dqnRunInTheViewer() throws Exception {
        Path cfg = dir.resolve("dqn.json");
        Files.writeString(cfg, "{\"name\": \"v\", \"seed\": 5, \"env\": {\"id\": \"CartPole-v1\"},"
                + "\"dqn\": {\"total_steps\": 1200, \"buffer_size\": 1000, \"batch_size\": 16, \"learning_starts\": 200,"
                + "\"network\": {\"hidden\": [16]}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + "\"evaluation\": {\"interval\": 400, \"episodes\": 1, \"final_episodes\": 2}}");
        Path run = dir.resolve("run");
        // evaluations 0, 1, 2 at steps 400, 800, 1200: 0 and 1 are on the capped-cubic schedule, plus the final one
        List<PlayableEpisode> episodes = trainAndLoad(cfg, run, 3);
        assertGreedyBars(episodes, 2);

        Path newest = new LiveFollower(run).newReplay();
        assertEquals(run.resolve("replays/final-evaluation.jgr"), newest, "a finished run: the live view follows to the final evaluation");
        // the live curve of a DQN run: its training episodes, as many as metrics.csv has rows
        double[] curve = new LiveFollower(run).curves().lines().get("training");
        assertNotNull(curve, "the live view finds the DQN run's training curve");
        assertEquals(java.nio.file.Files.readAllLines(run.resolve("metrics.csv")).size() - 1, curve.length);
    }

    /** Trains {@code cfg} into {@code run} with {@code jgym train} and loads its replays as the viewer does: {@code count} playable episodes. */
    static List<PlayableEpisode> trainAndLoad(Path cfg, Path run, int count) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", cfg.toString(), "--out", run.toString(), "--quiet"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream loaderErr = new ByteArrayOutputStream();
        List<PlayableEpisode> episodes = new EpisodeLoader(new PrintStream(loaderErr, true, StandardCharsets.UTF_8)).load(run);
        assertEquals(count, episodes.size(), episodes.stream().map(PlayableEpisode::title).toList().toString());
        assertEquals("", loaderErr.toString(StandardCharsets.UTF_8));
        for (PlayableEpisode e : episodes) {
            assertNull(e.problem(), e.title());
            assertTrue(e.steps() > 0, e.title());
            assertEquals(e.steps() + 1, e.frameCount());
        }
        return episodes;
    }

    /** After one step the viewer shows {@code actions} Q-value bars and the chosen action has the largest. */
    static void assertGreedyBars(List<PlayableEpisode> episodes, int actions) {
        ViewerModel model = new ViewerModel();
        model.setEpisodes(episodes);
        model.control(ViewerModel.Control.STEP_FORWARD);
        double[] q = model.annotations().get(Annotations.ACTION_VALUES);
        assertNotNull(q, "the Q-value bars have values");
        assertEquals(actions, q.length);
        int action = (Integer) model.action();
        for (double v : q) assertTrue(q[action] >= v, "the highlighted (chosen) action is the greedy one");
    }
}
