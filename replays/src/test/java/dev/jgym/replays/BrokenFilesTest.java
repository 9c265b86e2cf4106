package dev.jgym.replays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.sim.Simulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and foreign files each give their one clear line; the verifier names the edited step. */
class BrokenFilesTest {
    @TempDir
    Path dir;

    /** Three 1000-pull bandit episodes (3000 steps, about 30 KB compressed). */
    private Path banditReplay() {
        Path file = dir.resolve("bandit.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("GaussianBandit-v0"), file, "random")) {
            env.reset(5L, Map.of());
            for (int e = 0; e < 3; e++) {
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
    @DisplayName("a file cut at 60% of its bytes reads its prefix, says where it stops, and that prefix verifies")
    void truncated() throws IOException {
        Path file = banditReplay();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.jgr");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 6 / 10));
        Replay replay = ReplayReader.read(cut);
        assertFalse(replay.complete());
        assertTrue(replay.problem().startsWith("truncated after "), replay.problem());
        assertTrue(replay.totalSteps() >= 1000 && replay.totalSteps() < 3000, "steps read: " + replay.totalSteps());
        ReplayVerifier.Report report = ReplayVerifier.verify(replay);
        assertTrue(report.ok(), report.summary());
        assertTrue(report.summary().startsWith("replay " + cut + ": truncated after "), report.summary());
        assertFalse(report.summary().contains(": ok,"), "the problem comes first, no ok: " + report.summary());
    }

    @Test
    @DisplayName("corrupt bytes in the middle: read refuses the file naming the chunk; salvage keeps the chunks before it, which verify")
    void corruptGzip() throws IOException {
        Path file = banditReplay();
        byte[] bytes = Files.readAllBytes(file);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 64; i++) bytes[i] ^= 0x5a;
        Path bad = dir.resolve("bad.jgr");
        Files.write(bad, bytes);
        UserError e = assertThrows(UserError.class, () -> ReplayReader.read(bad));
        assertTrue(e.getMessage().matches("replay .*bad\\.jgr: damaged: .*chunk \\d+ \\(after (step \\d+ of )?episode \\d+\\).*"), e.getMessage());
        Replay replay = ReplayReader.salvage(bad);
        assertFalse(replay.complete());
        assertTrue(replay.problem().startsWith("damaged: "), replay.problem());
        assertTrue(replay.totalSteps() == 1000 || replay.totalSteps() == 2000, "whole episodes (each one chunk) kept: " + replay.totalSteps());
        ReplayVerifier.Report report = ReplayVerifier.verify(replay);
        assertTrue(report.ok(), report.summary());
        assertTrue(report.summary().startsWith("replay " + bad + ": damaged: "), report.summary());
    }

    @Test
    @DisplayName("not a replay at all: not gzip, or gzip without the mark")
    void notAReplay() throws IOException {
        Path text = dir.resolve("x.jgr");
        Files.writeString(text, "hello");
        UserError e = assertThrows(UserError.class, () -> ReplayReader.read(text));
        assertTrue(e.getMessage().contains("not a jgym replay (not gzip data"), e.getMessage());
        Path gz = dir.resolve("y.jgr");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("something else entirely".getBytes());
        }
        e = assertThrows(UserError.class, () -> ReplayReader.read(gz));
        assertTrue(e.getMessage().contains("expected the mark JGYM-JGR"), e.getMessage());
        e = assertThrows(UserError.class, () -> ReplayReader.read(dir.resolve("missing.jgr")));
        assertTrue(e.getMessage().endsWith("missing.jgr: no such file"), e.getMessage());
    }

    @Test
    @DisplayName("a newer format version is refused with both versions named")
    void wrongVersion() {
        Path file = dir.resolve("v99.jgr");
        ReplayHeader h = new ReplayHeader(99, "9.9.9", "GaussianBandit-v0", Map.of(), null, 1L, "", null, null, "");
        try (ReplayWriter w = ReplayWriter.create(file, h)) {
            w.beginEpisode(0, 1L, null, 0);
        }
        UserError e = assertThrows(UserError.class, () -> ReplayReader.read(file));
        assertEquals("replay " + file + ": $.format_version: this jgym (" + ReplayFormat.JGYM_VERSION
                + ") reads format versions 1 to 2, found version 99 (written by jgym 9.9.9)", e.getMessage());
    }

    @Test
    @DisplayName("an env id nobody registered: the verifier says so with a suggestion")
    void unknownEnvId() {
        Path file = dir.resolve("unknown.jgr");
        ReplayHeader h = new ReplayHeader(ReplayFormat.VERSION, "x", "GausianBandit-v0", Map.of(), null, 1L, "", null, null, "");
        try (ReplayWriter w = ReplayWriter.create(file, h)) {
            w.beginEpisode(0, 1L, null, 0);
            w.step(0, 1.0, false, false, 0, null);
        }
        UserError e = assertThrows(UserError.class, () -> ReplayVerifier.verify(file));
        assertEquals("replay " + file + ": $.env_id: unknown env id \"GausianBandit-v0\" (did you mean GaussianBandit-v0? "
                + "`jgym envs` lists them all)", e.getMessage());
    }

    @Test
    @DisplayName("an edited action: the verifier reports that very step with expected and found values")
    void editedAction() {
        Path file = dir.resolve("lake.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("FrozenLake-v1", Map.of("is_slippery", false)), file, "scripted")) {
            env.reset(3L, Map.of());
            for (int a : new int[] {2, 2, 1, 1, 1, 2}) env.step(a); // right, right, down, down, down, right: the goal
        }
        Replay replay = ReplayReader.read(file);
        assertTrue(ReplayVerifier.verify(replay).ok());
        Path edited = dir.resolve("edited.jgr");
        Recording.rewriteWithAction(replay, edited, 0, 3, 3); // the 4th move: down -> up
        ReplayVerifier.Report report = ReplayVerifier.verify(edited);
        assertFalse(report.ok());
        assertEquals(0, report.divergence().episode());
        assertEquals(4, report.divergence().step());
        assertEquals("observation checksum", report.divergence().field());
        assertEquals(3, report.steps(), "three steps matched before the edit");
        assertTrue(report.summary().startsWith("replay " + edited + ": diverges at episode 0, step 4: observation checksum: expected "),
                report.summary());
    }

    @Test
    @DisplayName("ReplayRecorder on a Simulator: capped-cubic files 0, 1, 8, 27 each re-simulate on their own (stream state restored)")
    void recorderScheduleFilesVerifyAlone() {
        Env<Object, Object> env = EnvRegistry.make("FrozenLake-v1");
        Recording.RandomAgent agent = new Recording.RandomAgent(env, 99);
        ReplayHeader header = ReplayHeader.of("FrozenLake-v1", Map.of(), env, 21L, "random", 0, null);
        Path agentDir = dir.resolve("replays/random");
        try (ReplayRecorder<Object, Object> rec = new ReplayRecorder<>(env, agent, header, EpisodeSchedule.cappedCubic(),
                n -> ReplayFiles.episodeFile(agentDir, n), agentDir.resolve(ReplayFiles.EPISODE_LOG))) {
            Simulator.builder(env, agent).seed(21L).maxEpisodes(30).listener(rec).build().run();
        }
        List<Path> files = ReplayFiles.find(dir);
        assertEquals(List.of(0, 1, 8, 27), files.stream().map(ReplayFiles::episodeNumber).toList());
        for (Path f : files) {
            ReplayVerifier.Report r = ReplayVerifier.verify(f);
            assertTrue(r.ok(), r.summary());
            Replay replay = ReplayReader.read(f);
            assertEquals(ReplayFiles.episodeNumber(f), replay.episodes().get(0).index());
            assertEquals(replay.episodes().get(0).index() == 0, replay.episodes().get(0).rngState() == null);
            assertEquals(1.0, replay.episodes().get(0).annotations(0).get(dev.jgym.core.scene.Annotations.ACTION_VALUES)[0] > 0 ? 1.0 : 0.0);
        }
        assertEquals(31, readLines(agentDir.resolve(ReplayFiles.EPISODE_LOG)).size(), "a header and 30 episodes");
    }

    @Test
    @DisplayName("Gymnasium's capped cubic schedule: 0, 1, 8, 27, ..., 729, 1000, 2000 and nothing else up to 3000")
    void cappedCubic() {
        EpisodeSchedule s = EpisodeSchedule.cappedCubic();
        List<Integer> picked = new java.util.ArrayList<>();
        for (int e = 0; e <= 3000; e++) if (s.records(e)) picked.add(e);
        assertEquals(List.of(0, 1, 8, 27, 64, 125, 216, 343, 512, 729, 1000, 2000, 3000), picked);
    }

    private static List<String> readLines(Path p) {
        try {
            return Files.readAllLines(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
