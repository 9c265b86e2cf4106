package dev.jgym.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import dev.jgym.replays.ReplayFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgym train} records replays by default; {@code jgym replay info | verify | export} read them. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    /** Figure 2.2's config, small: 3 agents, 20 runs, 1200 steps (two 1000-pull episodes, the second cut at 200). */
    private Path config(String name, String replays) throws IOException {
        String json = Files.readString(Configs.path("bandits/testbed-figure-2.2.json"))
                .replace("\"runs\": 2000", "\"runs\": 20").replace("\"steps\": 1000", "\"steps\": 1200")
                .replace("\"summary_window\": 100", "\"summary_window\": 100" + (replays == null ? "" : ", \"replays\": " + replays));
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    @DisplayName("train records run 0 of each agent; metrics.csv and summary.json are byte-identical with recording off and across thread counts")
    void trainRecordsWithoutChangingResults() throws IOException {
        Path on = config("on.json", null), off = config("off.json", "{\"schedule\": \"none\"}");
        assertEquals("", MainTest.jgym("train", on.toString(), "--out", dir.resolve("a").toString(), "--threads", "1", "--quiet").err());
        assertEquals("", MainTest.jgym("train", on.toString(), "--out", dir.resolve("b").toString(), "--threads", "2", "--quiet").err());
        assertEquals("", MainTest.jgym("train", off.toString(), "--out", dir.resolve("c").toString(), "--threads", "2", "--quiet").err());
        for (String f : new String[] {"metrics.csv", "summary.json"}) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("b").resolve(f)), f + ": 1 vs 2 threads");
            assertArrayEquals(a, Files.readAllBytes(dir.resolve("c").resolve(f)), f + ": recording on vs off");
        }
        List<Path> files = ReplayFiles.find(dir.resolve("a"));
        // episodes 0 and 1 of run 0 for each of the three agents (episode 1 is cut by the step budget)
        assertEquals(6, files.size(), files.toString());
        assertTrue(Files.exists(dir.resolve("a/replays/greedy/episode-1.jgr")), files.toString());
        assertTrue(ReplayFiles.find(dir.resolve("c")).isEmpty());
        for (int i = 0; i < files.size(); i++) {
            byte[] x = Files.readAllBytes(files.get(i));
            assertTrue(x.length < 40_000, files.get(i) + " is " + x.length + " bytes");
        }
        MainTest.Outcome v = MainTest.jgym("replay", "verify", dir.resolve("a").toString());
        assertEquals(0, v.code(), v.err());
        assertEquals(6, v.out().lines().filter(l -> l.contains(": ok, ")).count(), v.out());
        assertTrue(v.out().contains("ok, 1000 steps in 1 episode(s)"), v.out());
        assertEquals(List.of("episode,steps,return", "0,1000"),
                Files.readAllLines(dir.resolve("a/replays/greedy/episodes.csv")).stream().map(l -> l.replaceAll(",[^,]*$", "")).toList()
                        .subList(0, 2).stream().map(l -> l.equals("episode,steps") ? "episode,steps,return" : l).toList());
    }

    @Test
    @DisplayName("info shows header and episodes; export writes PNG frames and a GIF; bad arguments are one line, exit 2")
    void infoAndExport() throws IOException {
        Path cfg = config("on.json", "{\"schedule\": \"all\", \"annotations\": true}");
        assertEquals("", MainTest.jgym("train", cfg.toString(), "--out", dir.resolve("r").toString(), "--quiet").err());
        Path file = dir.resolve("r/replays/epsilon-0-1/episode-0.jgr");
        MainTest.Outcome info = MainTest.jgym("replay", "info", file.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("env           GaussianBandit-v0"), info.out());
        assertTrue(info.out().contains("agent         epsilon 0.1"), info.out());
        assertTrue(info.out().contains("1000 steps, return"), info.out());
        assertTrue(info.out().contains("annotated [action_values]"), info.out());

        // a short replay for export: the cut second episode would be 200 frames; use a 12-step FrozenLake file instead
        Path lake = dir.resolve("lake.jgr");
        try (var env = new dev.jgym.replays.RecordReplay<Object, Object>(dev.jgym.core.env.EnvRegistry.make("FrozenLake-v1",
                java.util.Map.of("is_slippery", false)), lake, "scripted")) {
            env.reset(3L, java.util.Map.of());
            for (int a : new int[] {2, 2, 1, 1, 1, 2}) env.step(a);
        }
        MainTest.Outcome png = MainTest.jgym("replay", "export", lake.toString(), "--png", dir.resolve("frames").toString(), "--scale", "1");
        assertEquals(0, png.code(), png.err());
        try (var s = Files.list(dir.resolve("frames"))) {
            assertEquals(7, s.count(), "the reset and six steps");
        }
        BufferedImage first = ImageIO.read(dir.resolve("frames/e0000-s000000.png").toFile());
        assertEquals(160, Math.max(first.getWidth(), first.getHeight()));
        MainTest.Outcome gif = MainTest.jgym("replay", "export", lake.toString(), "--gif", dir.resolve("lake.gif").toString(), "--fps", "5");
        assertEquals(0, gif.code(), gif.err());
        assertTrue(Files.size(dir.resolve("lake.gif")) > 1000);

        MainTest.Outcome bad = MainTest.jgym("replay", "export", lake.toString());
        assertEquals(2, bad.code());
        assertEquals("jgym: replay export: expected exactly one of --png DIR or --gif FILE\n", bad.err());
        MainTest.Outcome missing = MainTest.jgym("replay", "info", dir.resolve("nope.jgr").toString());
        assertEquals(2, missing.code());
        assertEquals("jgym: replay " + dir.resolve("nope.jgr") + ": no such file\n", missing.err());
        MainTest.Outcome badSchedule = MainTest.jgym("train", config("bad.json", "{\"schedule\": \"cubic\"}").toString(), "--quiet");
        assertEquals(2, badSchedule.code());
        assertTrue(badSchedule.err().contains("$.replays.schedule: expected one of capped_cubic, every, all, none, found \"cubic\""), badSchedule.err());
    }
}
