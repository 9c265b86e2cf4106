package dev.jgym.replays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Format version 2's checksums: every chunk of steps and the header carry a CRC-32C, so a changed
 * byte anywhere is found and named; the step allowance refuses files that unpack far beyond their
 * size; version-1 files still read and re-simulate.
 */
class IntegrityTest {
    @TempDir
    Path dir;

    /** Three CartPole episodes of random play, seed 7 (about 1.5 KB). */
    private Path cartPole() {
        Path file = dir.resolve("cartpole.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("CartPole-v1"), file, "random")) {
            env.reset(7L, Map.of());
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
    @DisplayName("every byte of a file flipped in turn (x ^ 0xff): each copy is refused with one line, none reads as sound")
    void everyFlippedByteIsFound() throws IOException {
        Path file = cartPole();
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(ReplayFormat.VERSION, ReplayReader.read(file).header().formatVersion());
        Path bad = dir.resolve("flipped.jgr");
        List<String> missed = new ArrayList<>();
        int chunksNamed = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= (byte) 0xff;
            Files.write(bad, copy);
            try {
                Replay r = ReplayReader.read(bad);
                missed.add("byte " + i + " of " + bytes.length + ": " + (r.complete() ? "read as complete" : r.problem()));
            } catch (UserError e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().startsWith("replay " + bad + ": "), e.getMessage());
                if (e.getMessage().matches(".*chunk \\d+ \\(.*")) chunksNamed++;
            }
        }
        assertEquals(List.of(), missed);
        // most of this small file is its header; flips in the steps' bytes name their chunk
        assertTrue(chunksNamed > bytes.length / 4, chunksNamed + " of " + bytes.length + " messages name a chunk");
    }

    @Test
    @DisplayName("a chunk that fails its checksum is named with where it starts, and verify refuses the file before re-simulating")
    void damagedChunkNamed() throws IOException {
        // one long episode: 3000 pulls of a bandit are chunks of 1024, 1024 and 952 steps
        Path file = dir.resolve("bandit.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("GaussianBandit-v0", Map.of()), file, "random")) {
            env.reset(5L, Map.of());
            for (int i = 0; i < 3000; i++) env.step(env.sampleAction());
        }
        byte[] raw = gunzip(Files.readAllBytes(file));
        // the second chunk starts after the header, its checksum and the first chunk (length, checksum, records)
        int header = 8 + 4 + readInt(raw, 8) + 4;
        int second = header + 8 + readInt(raw, header);
        raw[second + 8 + 100] ^= 1; // a bit inside the second chunk's records
        Path bad = dir.resolve("bad.jgr");
        Files.write(bad, gzip(raw));
        UserError e = assertThrows(UserError.class, () -> ReplayReader.read(bad));
        assertTrue(e.getMessage().startsWith("replay " + bad + ": damaged: chunk 2 (after step 1024 of episode 0) fails its checksum (expected "),
                e.getMessage());
        UserError v = assertThrows(UserError.class, () -> ReplayVerifier.verify(bad));
        assertEquals(e.getMessage(), v.getMessage());
        Replay salvaged = ReplayReader.salvage(bad);
        assertEquals(1024, salvaged.totalSteps(), "the first chunk is kept");
        assertTrue(ReplayVerifier.verify(salvaged).ok());
    }

    @Test
    @DisplayName("an edited seed in the header (gzip rewritten, so only jgym's checksum can tell): read and verify refuse it")
    void editedSeed() throws IOException {
        Path file = cartPole();
        byte[] raw = gunzip(Files.readAllBytes(file));
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\"seed\":7,"), "the header holds the seed");
        Path edited = dir.resolve("edited.jgr");
        Files.write(edited, gzip(text.replace("\"seed\":7,", "\"seed\":8,").getBytes(StandardCharsets.ISO_8859_1)));
        UserError e = assertThrows(UserError.class, () -> ReplayVerifier.verify(edited));
        assertTrue(e.getMessage().startsWith("replay " + edited + ": damaged: the header fails its checksum (expected "), e.getMessage());
    }

    @Test
    @DisplayName("a file cut anywhere reads as truncated, keeps only whole checked chunks, and what it keeps re-simulates")
    void cutAnywhere() throws IOException {
        Path file = cartPole();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.jgr");
        for (int n = bytes.length - 1; n > 40; n -= 7) {
            Files.write(cut, java.util.Arrays.copyOf(bytes, n));
            Replay r;
            try {
                r = ReplayReader.read(cut);
            } catch (UserError e) {
                assertTrue(e.getMessage().contains("truncated inside its header"), n + " bytes: " + e.getMessage());
                continue;
            }
            assertTrue(r.problem().startsWith("truncated "), n + " bytes: " + r.problem());
            ReplayVerifier.Report report = ReplayVerifier.verify(r);
            assertTrue(report.ok(), report.summary());
            assertTrue(report.summary().startsWith("replay " + cut + ": truncated "), report.summary());
        }
    }

    @Test
    @DisplayName("version-1 files (fixtures written by the version-1 writer) still read and re-simulate bit for bit")
    void version1StillReads() throws IOException {
        for (String name : List.of("cartpole-random.jgr", "frozenlake-episode-8.jgr")) {
            Path file = dir.resolve(name);
            try (InputStream in = IntegrityTest.class.getResourceAsStream("v1/" + name)) {
                Files.copy(in, file);
            }
            Replay r = ReplayReader.read(file);
            assertEquals(1, r.header().formatVersion());
            assertNull(r.problem(), r.problem());
            ReplayVerifier.Report report = ReplayVerifier.verify(r);
            assertTrue(report.ok(), report.summary());
            assertEquals(r.totalSteps(), report.steps());
            assertTrue(report.steps() > 0);
        }
        Replay lake = ReplayReader.read(dir.resolve("frozenlake-episode-8.jgr"));
        assertEquals(8, lake.episodes().get(0).index());
        assertTrue(lake.episodes().get(0).rngState() != null, "episode 8 re-simulates from its stored stream state");
    }

    @Test
    @DisplayName("a crafted 65M-step file (a few MB at deflate level 9) is refused at once under -Xmx256m, with one line")
    void craftedStepCountRefused() throws Exception {
        Path file = crafted(65_000_000);
        long size = Files.size(file);
        SmallHeap.Result r = SmallHeap.run("256m", "read", file.toString());
        System.out.println("crafted " + size + "-byte file claiming 65M steps: " + r);
        assertEquals(2, r.exit(), String.join("\n", r.lines()));
        String line = r.line("jgym: ");
        assertTrue(line.startsWith("jgym: replay " + file + ": holds more steps than its size allows ("), line);
        assertTrue(line.endsWith("corrupt or crafted, refused"), line);
        assertTrue(r.millis() < 20_000, r.millis() + " ms");
    }

    /**
     * A valid-looking version-2 file of {@code steps} identical CartPole steps, every chunk with a
     * correct checksum. The deflate output of a block of chunks ends on a full flush, so it is
     * compressed once and repeated; the gzip trailer is left wrong (the reader never gets there).
     */
    static Path crafted(Path file, long steps) throws IOException {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        for (int i = 0; i < 1024; i++) {
            c.writeByte('S');
            c.writeByte(ReplayFormat.ACTION_INT);
            c.writeInt(0);
            c.writeDouble(1.0);
            c.writeByte(0);
            c.writeLong(42);
        }
        byte[] records = chunk.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(records);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        DataOutputStream b = new DataOutputStream(block);
        for (int i = 0; i < 1000; i++) {
            b.writeInt(records.length);
            b.writeInt((int) crc.getValue());
            b.write(records);
        }
        Deflater deflater = new Deflater(9, true);
        deflater.setInput(block.toByteArray());
        byte[] buf = new byte[1 << 20];
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        int n;
        while ((n = deflater.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) deflated.write(buf, 0, n);
        byte[] repeat = deflated.toByteArray();
        // the header and the first episode record, through the real writer's header code
        Path start = file.resolveSibling("start.jgr");
        ReplayHeader h = new ReplayHeader(ReplayFormat.VERSION, "x", "CartPole-v1", Map.of(), null, 1L, "", null, null, "");
        try (ReplayWriter w = ReplayWriter.create(start, h)) {
            w.beginEpisodeRaw(0, 1L, null, 42);
            w.flush();
        }
        byte[] prefix = gunzip(Files.readAllBytes(start));
        int header = 8 + 4 + readInt(prefix, 8) + 4;
        prefix = java.util.Arrays.copyOf(prefix, header + 8 + readInt(prefix, header)); // the header and the chunk of the E record
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            Deflater d = new Deflater(9, true);
            d.setInput(prefix);
            while ((n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH)) > 0) head.write(buf, 0, n);
            out.write(ReplayFormat.GZIP_HEADER);
            out.write(head.toByteArray());
            for (long s = 0; s < steps; s += 1024 * 1000) out.write(repeat);
            out.write(new byte[8]);
        }
        return file;
    }

    private Path crafted(long steps) throws IOException {
        return crafted(dir.resolve("crafted.jgr"), steps);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(raw);
        }
        return out.toByteArray();
    }
}
