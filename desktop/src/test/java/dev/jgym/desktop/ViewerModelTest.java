package dev.jgym.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.badlogic.gdx.Input;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.desktop.ViewerModel.Control;
import dev.jgym.replays.RecordReplay;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer's logic without OpenGL: timeline, speed, episode selection, key mapping, broken files. */
class ViewerModelTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final EpisodeLoader loader = new EpisodeLoader(new PrintStream(errBytes, true, StandardCharsets.UTF_8));

    /** A file with {@code episodes} full FrozenLake episodes of random play. */
    private Path lake(String name, int episodes) {
        Path file = dir.resolve(name);
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("FrozenLake-v1"), file, "random")) {
            env.reset(8L, Map.of());
            for (int e = 0; e < episodes; e++) {
                if (e > 0) env.reset();
                Step<Object> s;
                do {
                    s = env.step(env.sampleAction());
                } while (!s.done());
            }
        }
        return file;
    }

    @Test
    @DisplayName("the HUD writes a continuous action with 4 significant digits per component; discrete ones as they are")
    void continuousActionsAreShort() {
        assertEquals("[0.02535, 1, -0.1319]", ViewerModel.shortAction(new float[] {0.025349256f, 1f, -0.13191712f}));
        assertEquals("3", ViewerModel.shortAction(3));
    }

    @Test
    @DisplayName("play at 1x advances 10 steps a second and stops on the last frame; speeds double from 0.25x to 16x and clamp")
    void timelineAndSpeed() {
        ViewerModel m = new ViewerModel();
        m.setEpisodes(loader.load(lake("a.jgr", 1)));
        PlayableEpisode e = m.current();
        assertTrue(m.playing(), "a new replay starts playing");
        m.control(Control.PLAY_PAUSE);
        assertFalse(m.playing());
        m.update(1.0);
        assertEquals(0, m.frame(), "paused: time does not move the frame");
        m.control(Control.PLAY_PAUSE);
        m.update(0.25); // 2.5 steps: 2 now, the half step carried
        assertEquals(Math.min(2, e.steps()), m.frame());
        m.update(0.05);
        assertEquals(Math.min(3, e.steps()), m.frame());
        m.update(1000);
        assertEquals(e.steps(), m.frame());
        assertFalse(m.playing(), "stops at the end");
        m.control(Control.PLAY_PAUSE);
        assertEquals(0, m.frame(), "play at the end starts over");
        for (int i = 0; i < 10; i++) m.control(Control.FASTER);
        assertEquals(16, m.speed());
        for (int i = 0; i < 10; i++) m.control(Control.SLOWER);
        assertEquals(0.25, m.speed());
        m.control(Control.FASTER);
        assertEquals(0.5, m.speed());
    }

    @Test
    @DisplayName("step keys pause and clamp; scrubbing maps the timeline fraction to a frame; HUD shows step, action, reward, return")
    void stepsScrubAndHud() {
        ViewerModel m = new ViewerModel();
        m.setEpisodes(loader.load(lake("b.jgr", 1)));
        int last = m.current().steps();
        m.control(Control.STEP_BACK);
        assertFalse(m.playing());
        assertEquals(0, m.frame());
        m.control(Control.STEP_FORWARD);
        assertEquals(1, m.frame());
        assertNotNull(m.action());
        m.scrubTo(1.5);
        assertEquals(last, m.frame());
        m.scrubTo(0.5);
        assertEquals(Math.round(0.5 * last), m.frame());
        m.control(Control.FIRST_FRAME);
        assertNull(m.action());
        m.control(Control.LAST_FRAME);
        assertEquals(last, m.frame());
        List<String> hud = m.hud();
        assertTrue(hud.get(0).startsWith("episode 1/1  b.jgr #0"), hud.toString());
        assertTrue(hud.get(1).startsWith("step " + last + "/" + last + "   action "), hud.toString());
        assertTrue(hud.get(1).contains("return " + ViewerModel.number(m.current().returnAt(last))), hud.toString());
        m.control(Control.HELP);
        assertTrue(m.helpVisible());
        m.control(Control.HELP);
        assertFalse(m.helpVisible());
    }

    @Test
    @DisplayName("episode picker: a file of 4 episodes and a folder of 2 files; next/previous clamp and restart at frame 0")
    void episodes() throws IOException {
        ViewerModel m = new ViewerModel();
        m.setEpisodes(loader.load(lake("c.jgr", 4)));
        assertEquals(4, m.episodes().size());
        m.control(Control.STEP_FORWARD);
        m.control(Control.NEXT_EPISODE);
        assertEquals(1, m.episodeIndex());
        assertEquals(0, m.frame());
        for (int i = 0; i < 9; i++) m.control(Control.NEXT_EPISODE);
        assertEquals(3, m.episodeIndex());
        for (int i = 0; i < 9; i++) m.control(Control.PREVIOUS_EPISODE);
        assertEquals(0, m.episodeIndex());
        Path run = dir.resolve("run/replays/agent");
        Files.createDirectories(run);
        Files.move(lake("episode-8.jgr", 1), run.resolve("episode-8.jgr"));
        Files.move(lake("episode-1.jgr", 1), run.resolve("episode-1.jgr"));
        m.setEpisodes(loader.load(dir.resolve("run")));
        assertEquals(List.of("replays/agent/episode-1.jgr #0", "replays/agent/episode-8.jgr #0"),
                m.episodes().stream().map(PlayableEpisode::title).toList(), "episodes sorted by number, not by name");
    }

    @Test
    @DisplayName("keys: space, arrows, page up/down, home/end, F1 map to their controls")
    void keys() {
        assertEquals(Control.PLAY_PAUSE, ViewerApp.control(Input.Keys.SPACE));
        assertEquals(Control.STEP_FORWARD, ViewerApp.control(Input.Keys.RIGHT));
        assertEquals(Control.STEP_BACK, ViewerApp.control(Input.Keys.LEFT));
        assertEquals(Control.FASTER, ViewerApp.control(Input.Keys.UP));
        assertEquals(Control.SLOWER, ViewerApp.control(Input.Keys.DOWN));
        assertEquals(Control.NEXT_EPISODE, ViewerApp.control(Input.Keys.PAGE_DOWN));
        assertEquals(Control.PREVIOUS_EPISODE, ViewerApp.control(Input.Keys.PAGE_UP));
        assertEquals(Control.FIRST_FRAME, ViewerApp.control(Input.Keys.HOME));
        assertEquals(Control.LAST_FRAME, ViewerApp.control(Input.Keys.END));
        assertEquals(Control.HELP, ViewerApp.control(Input.Keys.F1));
        assertNull(ViewerApp.control(Input.Keys.A));
    }

    @Test
    @DisplayName("unreadable, truncated and diverging files become messages (window and stderr), never exceptions or false frames")
    void brokenFiles() throws IOException {
        Path junk = dir.resolve("junk.jgr");
        Files.writeString(junk, "not a replay");
        List<PlayableEpisode> j = loader.load(junk);
        assertEquals(1, j.size());
        assertEquals(0, j.get(0).frameCount());
        assertTrue(j.get(0).problem().contains("not a jgym replay"), j.get(0).problem());

        Path good = lake("d.jgr", 3);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.jgr");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 12));
        List<PlayableEpisode> c = loader.load(cut);
        assertTrue(c.get(c.size() - 1).problem().contains("truncated"), String.valueOf(c.get(c.size() - 1).problem()));

        // a replay recorded against a different slipperiness diverges: frames stop before the first difference
        Path other = dir.resolve("other.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("FrozenLake-v1", Map.of("is_slippery", false)), other, "x")) {
            env.reset(8L, Map.of());
            for (int a : new int[] {2, 2, 1, 1, 1, 2}) env.step(a);
        }
        var replay = dev.jgym.replays.ReplayReader.read(other);
        var header = replay.header();
        var edited = new dev.jgym.replays.ReplayHeader(header.formatVersion(), header.jgymVersion(), header.envId(),
                Map.of("is_slippery", true), header.spec(), header.seed(), header.agent(), header.run(), header.config(), header.created());
        PlayableEpisode d = loader.episode(new dev.jgym.replays.Replay(other, edited, replay.episodes(), null), replay.episodes().get(0), "x", null);
        assertNotNull(d.problem());
        assertTrue(d.problem().contains("diverges at episode 0, step "), d.problem());
        assertTrue(d.frameCount() < 7, "frames stop before the difference: " + d.frameCount());
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).contains("jgym: replay " + junk), errBytes.toString(StandardCharsets.UTF_8));
    }
}
