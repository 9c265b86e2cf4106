package dev.jgym.replays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GIF and PNG export stream their frames, and every output problem is one line with no file left behind. */
class ExportTest {
    @TempDir
    Path dir;

    /** Random play on MinAtar Freeway: episodes are cut at 2500 frames by the spec, so {@code steps} spans several. */
    private Path freeway(int steps) {
        Path file = dir.resolve("freeway.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("MinAtar/Freeway-v1"), file, "random")) {
            env.reset(3L, Map.of());
            for (int i = 0; i < steps; i++) {
                Step<Object> s = env.step(env.sampleAction());
                if (s.done() && i < steps - 1) env.reset();
            }
        }
        return file;
    }

    @Test
    @DisplayName("a 10,000-step Freeway replay exports as one GIF in a child JVM with -Xmx256m (issue 18: 2,500 steps took 5.6 GB)")
    void longGifUnderSmallHeap() throws Exception {
        Path replay = freeway(10_000);
        Path gif = dir.resolve("out/freeway.gif");
        Files.createDirectories(gif.getParent());
        SmallHeap.Result r = SmallHeap.run("256m", "gif", replay.toString(), gif.toString(), "160");
        System.out.println("10,000-step Freeway GIF under -Xmx256m: " + r);
        assertEquals(0, r.exit(), String.join("\n", r.lines()));
        assertEquals("frames 10004", r.line("frames "), "10,000 steps and 4 resets");
        long peak = Long.parseLong(r.line("peak-heap-mb ").substring(13));
        assertTrue(peak < 256, "peak heap " + peak + " MB");
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            BufferedImage first = reader.read(0);
            assertEquals(160, Math.max(first.getWidth(), first.getHeight()));
        } finally {
            reader.dispose();
        }
        try (Stream<Path> left = Files.list(gif.getParent())) {
            assertEquals(1, left.count(), "only the GIF, no temporary file");
        }
    }

    @Test
    @DisplayName("a GIF's frames are the rendered frames: exact colours for flat scenes")
    void gifFramesMatchRenderedFrames() throws IOException {
        Path file = dir.resolve("lake.jgr");
        try (Env<Object, Object> env = new RecordReplay<>(EnvRegistry.make("FrozenLake-v1", Map.of("is_slippery", false)), file, "scripted")) {
            env.reset(3L, Map.of());
            for (int a : new int[] {2, 2, 1}) env.step(a);
        }
        Replay replay = ReplayReader.read(file);
        Path gif = dir.resolve("lake.gif");
        assertEquals(4, FrameExport.gif(replay, gif, 64, 10));
        java.util.List<BufferedImage> rendered = new java.util.ArrayList<>();
        FrameExport.frames(replay, 64, (ep, step, img) -> rendered.add(img));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (var in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            for (int i = 0; i < 4; i++) {
                BufferedImage got = reader.read(i), want = rendered.get(i);
                int differ = 0;
                for (int y = 0; y < want.getHeight(); y++)
                    for (int x = 0; x < want.getWidth(); x++) if ((got.getRGB(x, y) & 0xffffff) != (want.getRGB(x, y) & 0xffffff)) differ++;
                java.util.Set<Integer> colours = new java.util.HashSet<>();
                for (int y = 0; y < want.getHeight(); y++) for (int x = 0; x < want.getWidth(); x++) colours.add(want.getRGB(x, y) & 0xffffff);
                assertTrue(differ < want.getWidth() * want.getHeight() / 20, "frame " + i + ": " + differ + " pixels differ; colours "
                        + colours.size() + " " + Integer.toHexString(want.getRGB(10, 10)) + " vs " + Integer.toHexString(got.getRGB(10, 10))
                        + " size " + got.getWidth() + "x" + got.getHeight() + " vs " + want.getWidth() + "x" + want.getHeight());
            }
        } finally {
            reader.dispose();
        }
    }

    @Test
    @DisplayName("missing folder, a file for a folder, a folder for a file: one line each, nothing written")
    void badTargets() throws IOException {
        Path replay = freeway(20);
        Replay r = ReplayReader.read(replay);
        UserError e = assertThrows(UserError.class, () -> FrameExport.gif(r, dir.resolve("no/such/x.gif"), 64, 10));
        assertEquals(dir.resolve("no/such/x.gif") + ": cannot write: no such folder " + dir.resolve("no/such"), e.getMessage());
        Path file = Files.writeString(dir.resolve("plain"), "x");
        e = assertThrows(UserError.class, () -> FrameExport.gif(r, file.resolve("x.gif"), 64, 10));
        assertEquals(file.resolve("x.gif") + ": cannot write: " + file + " is not a folder", e.getMessage());
        e = assertThrows(UserError.class, () -> FrameExport.gif(r, dir, 64, 10));
        assertEquals(dir + ": cannot write: it is a folder", e.getMessage());
        e = assertThrows(UserError.class, () -> FrameExport.pngs(r, file, 64));
        assertTrue(e.getMessage().startsWith(file + ": cannot create the folder: "), e.getMessage());
    }

    @Test
    @DisplayName("a read-only folder: one line, no stack trace, nothing left")
    void readOnlyFolder() throws IOException {
        Path replay = freeway(20);
        Replay r = ReplayReader.read(replay);
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        ro.toFile().setWritable(false, false);
        if (Files.isWritable(ro) && canCreate(ro)) ro = Path.of("/sys"); // root ignores permissions; sysfs still refuses
        assumeTrue(!canCreate(ro), "no read-only folder on this machine");
        Path target = ro.resolve("x.gif");
        UserError e = assertThrows(UserError.class, () -> FrameExport.gif(r, target, 64, 10));
        assertEquals(target + ": cannot write: permission denied in " + ro + " (read-only?)", e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    @DisplayName("the disk fills up half way: one line naming the cause, no half-written GIF, an old GIF left as it was")
    void fullDisk() throws IOException {
        Path replay = freeway(200);
        Replay r = ReplayReader.read(replay);
        Path gif = dir.resolve("full.gif");
        Files.writeString(gif, "the previous export");
        UserError e = assertThrows(UserError.class, () -> FrameExport.gif(r, gif, 64, 10, temp -> new FileImageOutputStream(temp.toFile()) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (length() + len > 5_000) throw new IOException("No space left on device");
                super.write(b, off, len);
            }

            @Override
            public void write(int b) throws IOException {
                if (length() + 1 > 5_000) throw new IOException("No space left on device");
                super.write(b);
            }
        }));
        assertEquals(gif + ": cannot write: No space left on device", e.getMessage());
        assertEquals("the previous export", Files.readString(gif));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().endsWith(".part")).count(), "no temporary file left");
        }
    }

    @Test
    @DisplayName("PNG export writes one whole file per frame, named in play order")
    void pngs() throws IOException {
        Path replay = freeway(5);
        Path out = dir.resolve("frames");
        assertEquals(6, FrameExport.pngs(ReplayReader.read(replay), out, 64));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(java.util.List.of("e0000-s000000.png", "e0000-s000005.png"),
                    files.map(p -> p.getFileName().toString()).sorted().filter(n -> n.endsWith("00.png") || n.endsWith("05.png")).toList());
        }
        assertTrue(ImageIO.read(out.resolve("e0000-s000003.png").toFile()).getWidth() > 0);
    }

    private static boolean canCreate(Path folder) {
        try {
            Path p = Files.createTempFile(folder, "probe", ".tmp");
            Files.delete(p);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

}
