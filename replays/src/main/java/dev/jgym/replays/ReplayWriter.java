package dev.jgym.replays;

import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Annotations;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a {@code .jgr} file as a stream: header first (with its checksum), then episode and step
 * records as they happen, gathered into chunks. A chunk is closed, checksummed and sync-flushed at
 * the end of every episode and every {@value ReplayFormat#CHUNK_STEPS} steps, so a run that dies
 * leaves a file whose prefix reads back, and a damaged byte is pinned to its chunk.
 * {@link #close()} writes the end-of-file record that marks the file complete.
 */
public final class ReplayWriter implements Closeable {
    private final Path file;
    /** The gzip stream the chunks go to. */
    private final DataOutputStream gzip;
    /** The records of the open chunk. */
    private final Chunk chunk = new Chunk();
    private final DataOutputStream out = new DataOutputStream(chunk);
    private final CRC32C crc = new CRC32C();
    private boolean inEpisode;
    private int episodes;
    private long steps;
    private int episodeSteps;
    private double episodeReturn;
    private boolean closed;

    private ReplayWriter(Path file, OutputStream raw, ReplayHeader header) throws IOException {
        this.file = file;
        // buffered on both sides of the deflater: small writes must not each reach Deflater.deflate
        this.gzip = new DataOutputStream(new BufferedOutputStream(
                new FastGzip(new BufferedOutputStream(raw, 1 << 16)), 1 << 16));
        byte[] json = Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(header);
        out.write(ReplayFormat.MAGIC);
        out.writeInt(json.length);
        out.write(json);
        crc.reset();
        crc.update(chunk.bytes(), 0, chunk.size());
        gzip.write(chunk.bytes(), 0, chunk.size());
        gzip.writeInt((int) crc.getValue());
        chunk.reset();
        gzip.flush();
    }

    /** Writes the open chunk, if it holds anything: its length, its CRC-32C, its records; then sync-flushes. */
    private void closeChunk() throws IOException {
        if (chunk.size() > 0) {
            crc.reset();
            crc.update(chunk.bytes(), 0, chunk.size());
            gzip.writeInt(chunk.size());
            gzip.writeInt((int) crc.getValue());
            gzip.write(chunk.bytes(), 0, chunk.size());
            chunk.reset();
        }
        gzip.flush();
    }

    /** A byte buffer whose array is read in place. */
    private static final class Chunk extends ByteArrayOutputStream {
        Chunk() {
            super(1 << 16);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /** Starts a file (its folder is created); an existing file is replaced. */
    public static ReplayWriter create(Path file, ReplayHeader header) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            return new ReplayWriter(file, Files.newOutputStream(file), header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replay " + file, e);
        }
    }

    /** A writer onto any stream (tests). */
    static ReplayWriter to(OutputStream stream, ReplayHeader header) throws IOException {
        return new ReplayWriter(Path.of("<stream>"), stream, header);
    }

    public Path file() {
        return file;
    }

    /**
     * Starts an episode.
     *
     * @param index the episode's number in its run
     * @param seed the run's reset seed
     * @param rngState the env stream's state before an unseeded reset ({@code Rng.saveState()}), or
     *     {@code null} when the episode began with {@code reset(seed)}
     * @param observation the reset observation
     */
    public void beginEpisode(int index, long seed, long[] rngState, Object observation) {
        beginEpisodeRaw(index, seed, rngState, ObservationChecksum.of(observation));
    }

    /** {@link #beginEpisode} with the observation's checksum already computed (copies, edits). */
    void beginEpisodeRaw(int index, long seed, long[] rngState, long checksum) {
        try {
            if (inEpisode) endEpisode();
            out.writeByte(ReplayFormat.EPISODE);
            out.writeInt(index);
            out.writeLong(seed);
            out.writeBoolean(rngState != null);
            if (rngState != null) {
                out.writeByte(rngState.length);
                for (long w : rngState) out.writeLong(w);
            }
            out.writeLong(checksum);
            inEpisode = true;
            episodeSteps = 0;
            episodeReturn = 0;
            episodes++;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** One step; {@code annotations} may be {@code null} or empty (nothing is stored then). */
    public void step(Object action, double reward, boolean terminated, boolean truncated, Object observation, Annotations annotations) {
        stepRaw(action, reward, terminated, truncated, ObservationChecksum.of(observation), annotations);
    }

    /** {@link #step} with the observation's checksum already computed. */
    void stepRaw(Object action, double reward, boolean terminated, boolean truncated, long checksum, Annotations annotations) {
        if (!inEpisode) throw new IllegalStateException("step before beginEpisode in " + file);
        try {
            boolean annotated = annotations != null && !annotations.isEmpty();
            out.writeByte(ReplayFormat.STEP);
            writeAction(action);
            out.writeDouble(reward);
            out.writeByte((terminated ? ReplayFormat.TERMINATED : 0) | (truncated ? ReplayFormat.TRUNCATED : 0)
                    | (annotated ? ReplayFormat.ANNOTATED : 0));
            out.writeLong(checksum);
            if (annotated) writeAnnotations(annotations);
            steps++;
            episodeSteps++;
            episodeReturn += reward;
            if (episodeSteps % ReplayFormat.CHUNK_STEPS == 0) closeChunk();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Ends the current episode and flushes, so the file holds it whole from now on. */
    public void endEpisode() {
        if (!inEpisode) return;
        try {
            out.writeByte(ReplayFormat.EPISODE_END);
            out.writeInt(episodeSteps);
            out.writeDouble(episodeReturn);
            closeChunk();
            inEpisode = false;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void writeAction(Object action) throws IOException {
        if (action instanceof Integer i) {
            out.writeByte(ReplayFormat.ACTION_INT);
            out.writeInt(i);
        } else if (action instanceof int[] a) {
            out.writeByte(ReplayFormat.ACTION_INTS);
            out.writeInt(a.length);
            for (int x : a) out.writeInt(x);
        } else if (action instanceof float[] a) {
            out.writeByte(ReplayFormat.ACTION_FLOATS);
            out.writeInt(a.length);
            for (float x : a) out.writeInt(Float.floatToRawIntBits(x));
        } else if (action instanceof List<?> || action instanceof Map<?, ?>) {
            out.writeByte(ReplayFormat.ACTION_JSON);
            byte[] json = Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(action);
            out.writeInt(json.length);
            out.write(json);
        } else {
            throw new IllegalArgumentException("cannot record an action of type " + (action == null ? "null" : action.getClass().getName()));
        }
    }

    private void writeAnnotations(Annotations a) throws IOException {
        out.writeShort(a.vectors().size());
        for (Map.Entry<String, double[]> e : a.vectors().entrySet()) {
            writeName(e.getKey());
            double[] v = e.getValue();
            out.writeInt(v.length);
            for (double x : v) out.writeDouble(x);
        }
        out.writeShort(a.scalars().size());
        for (Map.Entry<String, Double> e : a.scalars().entrySet()) {
            writeName(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    private void writeName(String name) throws IOException {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        out.writeShort(b.length);
        out.write(b);
    }

    /** Closes the open chunk and flushes, so everything written so far reads back. */
    public void flush() {
        try {
            closeChunk();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Gzip at deflate level 1 (BEST_SPEED), sync-flushing: recording must stay cheap next to training. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 1 << 16, true);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** Steps written so far. */
    public long steps() {
        return steps;
    }

    /** Ends an open episode, writes the end-of-file record and closes the file. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            endEpisode();
            out.writeByte(ReplayFormat.END_OF_FILE);
            out.writeInt(episodes);
            out.writeLong(steps);
            closeChunk();
            gzip.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private UncheckedIOException failed(IOException e) {
        return new UncheckedIOException("cannot write replay " + file, e);
    }
}
