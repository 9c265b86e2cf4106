package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertFalse;

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
        // evaluations 0 and 1 (steps 300, 600) and the final one
        List<PlayableEpisode> episodes = DqnRunViewerTest.trainAndLoad(cfg, dir.resolve("run"), 3);
        for (PlayableEpisode e : episodes) assertFalse(e.frames().get(0).shapes().isEmpty(), "the Breakout grid is drawn: " + e.title());
        DqnRunViewerTest.assertGreedyBars(episodes, 3);
    }
}
