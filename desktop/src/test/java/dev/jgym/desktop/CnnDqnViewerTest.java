package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.agents.cli.Main;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Scene;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CNN-DQN run on a MinAtar grid in the viewer (no OpenGL): its replays load as MinAtar scenes with three Q-values a step. */
class CnnDqnViewerTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("jgym view <MinAtar CNN-DQN run>: the evaluation replays re-simulate into Breakout scenes (cells drawn) with 3 Q-values per step")
    void minatarRunInTheViewer() throws Exception {
        Path cfg = dir.resolve("dqn.json");
        Files.writeString(cfg, "{\"name\": \"v\", \"seed\": 5, \"env\": {\"id\": \"MinAtar/Breakout-v1\"},"
                + "\"dqn\": {\"total_steps\": 600, \"buffer_size\": 500, \"batch_size\": 16, \"learning_starts\": 200,"
                + "\"network\": {\"encoder\": [{\"type\": \"conv2d\", \"out_channels\": 4, \"kernel\": 3}, {\"type\": \"relu\"}, {\"type\": \"flatten\"}],"
                + " \"hidden\": [16], \"observation\": {\"layout\": \"hwc\"}}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + "\"evaluation\": {\"interval\": 300, \"episodes\": 1, \"final_episodes\": 1}}");
        Path run = dir.resolve("run");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"train", cfg.toString(), "--out", run.toString(), "--quiet"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        ByteArrayOutputStream loaderErr = new ByteArrayOutputStream();
        List<PlayableEpisode> episodes = new EpisodeLoader(new PrintStream(loaderErr, true, StandardCharsets.UTF_8)).load(run);
        assertEquals(3, episodes.size(), "evaluations 0 and 1 and the final one: " + episodes.stream().map(PlayableEpisode::title).toList());
        assertEquals("", loaderErr.toString(StandardCharsets.UTF_8));
        for (PlayableEpisode e : episodes) {
            assertNull(e.problem(), e.title());
            assertTrue(e.steps() > 0, e.title());
            Scene first = e.frames().get(0);
            assertFalse(first.shapes().isEmpty(), "the Breakout grid is drawn");
        }
        ViewerModel model = new ViewerModel();
        model.setEpisodes(episodes);
        model.control(ViewerModel.Control.STEP_FORWARD);
        double[] q = model.annotations().get(Annotations.ACTION_VALUES);
        assertNotNull(q, "the Q-value bars have values");
        assertEquals(3, q.length, "no-op, left, right");
        int action = (Integer) model.action();
        for (double v : q) assertTrue(q[action] >= v, "the highlighted (chosen) action is the greedy one");
    }
}
