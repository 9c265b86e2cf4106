package dev.jgym.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.sim.Agent;
import dev.jgym.envs.box2d.BipedalWalkerHeuristic;
import dev.jgym.envs.box2d.LunarLanderHeuristic;
import dev.jgym.replays.RecordReplay;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Box2D envs (issue 20) through the command line: a heuristic episode recorded as {@code .jgr},
 * {@code jgym replay verify} re-simulates it bit for bit, {@code jgym replay export} draws every
 * frame with the body's own colour (the lander's purple 0x8066e6, the walker's hull 0x7f33e5, as
 * Gymnasium draws them).
 */
class Box2DReplayTest {
    static final int STEPS = 60;

    @TempDir
    Path dir;

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"LunarLander-v3, false, 8066e6", "LunarLander-v3, true, 8066e6",
        "BipedalWalker-v3, false, 7f33e5", "BipedalWalkerHardcore-v3, false, 7f33e5"})
    @DisplayName("a heuristic episode's .jgr verifies bit for bit and exports one PNG per frame, the body in its colour on each")
    void recordVerifyExport(String id, boolean continuous, String colour) throws IOException {
        Map<String, Object> options = id.startsWith("LunarLander") && continuous ? Map.of("continuous", true) : Map.of();
        Agent agent = id.startsWith("LunarLander") ? new LunarLanderHeuristic(continuous) : new BipedalWalkerHeuristic();
        Path file = dir.resolve("e.jgr");
        int steps = 0;
        try (RecordReplay<Object, Object> env = new RecordReplay<>(EnvRegistry.make(id, options), file, "heuristic")) {
            Object obs = env.reset(7L, Map.of()).observation();
            agent.onEpisodeStart(obs);
            for (; steps < STEPS; ) {
                Step<Object> s = env.step(agent.act(obs));
                steps++;
                obs = s.observation();
                if (s.done()) break;
            }
        }
        MainTest.Outcome v = MainTest.jgym("replay", "verify", file.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains(": ok, " + steps + " steps in 1 episode(s)"), v.out());

        Path frames = dir.resolve("frames");
        MainTest.Outcome png = MainTest.jgym("replay", "export", file.toString(), "--png", frames.toString(), "--scale", "3");
        assertEquals(0, png.code(), png.err());
        try (var s = Files.list(frames)) {
            assertEquals(steps + 1, s.count(), "the reset and every step");
        }
        int rgb = Integer.parseInt(colour, 16);
        for (String name : new String[] {"e0000-s000000.png", String.format("e0000-s%06d.png", steps)}) {
            BufferedImage img = ImageIO.read(frames.resolve(name).toFile());
            assertEquals(480, Math.max(img.getWidth(), img.getHeight()));
            int body = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) body++;
            }
            assertTrue(body > 100, name + ": " + body + " pixels of the body's colour");
        }
        MainTest.Outcome gif = MainTest.jgym("replay", "export", file.toString(), "--gif", dir.resolve("e.gif").toString(), "--scale", "1");
        assertEquals(0, gif.code(), gif.err());
        assertTrue(Files.size(dir.resolve("e.gif")) > 10_000, "GIF of " + Files.size(dir.resolve("e.gif")) + " bytes");
    }
}
