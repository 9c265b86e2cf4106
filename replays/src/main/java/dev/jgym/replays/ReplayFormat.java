package dev.jgym.replays;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The constants of the {@code .jgr} format (see {@code docs/REPLAY_FORMAT.md}): a gzip stream
 * holding the magic bytes, a length-prefixed JSON header, then tagged binary records in
 * big-endian order ({@link java.io.DataOutputStream}).
 */
public final class ReplayFormat {
    private ReplayFormat() {}

    /** The format this code writes: steps in checksummed chunks, the header checksummed too. */
    public static final int VERSION = 2;

    /** The first format, without checksums; still read (its damage shows only as gzip or record errors). */
    static final int VERSION_1 = 1;

    /**
     * The 10 bytes of the gzip member header a version-2 file starts with (RFC 1952: magic, deflate,
     * no flags, no time, no extra flags, unknown OS), as {@link java.util.zip.GZIPOutputStream}
     * writes them from Java 16 on. The reader of a version-2 file holds them to these, so a flipped
     * byte in the time or OS fields, which gzip itself ignores, is still seen.
     */
    static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** Chunks are closed after this many steps of an episode (and at every episode end). */
    static final int CHUNK_STEPS = 1024;

    /** A chunk longer than this is taken as corruption, not read. */
    static final int MAX_CHUNK_BYTES = 64 << 20;

    /**
     * How many steps a file may hold for its size: {@value #STEP_ALLOWANCE} plus
     * {@value #STEPS_PER_BYTE} per compressed byte read so far. jgym's writer (deflate level 1,
     * a sync flush per chunk) packs at most about 4.5 steps into a byte even when every step is the
     * same (measured: 10M identical steps in 2.2 MB); a file that unpacks to more is corrupt or
     * crafted, and is refused before it can fill the heap.
     */
    static final long STEP_ALLOWANCE = 1 << 16;
    static final long STEPS_PER_BYTE = 8;

    /** The first bytes after decompression. */
    static final byte[] MAGIC = "JGYM-JGR".getBytes(StandardCharsets.US_ASCII);

    /** File name suffix. */
    public static final String SUFFIX = ".jgr";

    /** Record tags. */
    static final byte EPISODE = 'E', STEP = 'S', EPISODE_END = 'F', END_OF_FILE = 'Z';

    /** Step flags. */
    static final int TERMINATED = 1, TRUNCATED = 2, ANNOTATED = 4;

    /** Action encodings. */
    static final byte ACTION_INT = 0, ACTION_INTS = 1, ACTION_FLOATS = 2, ACTION_JSON = 3;

    /** Headers larger than this are taken as corruption, not read. */
    static final int MAX_HEADER_BYTES = 16 << 20;

    /** The jgym version written into headers ({@code version.properties}, filled by Maven). */
    public static final String JGYM_VERSION = readVersion();

    private static String readVersion() {
        try (InputStream in = ReplayFormat.class.getResourceAsStream("version.properties")) {
            if (in == null) return "unknown";
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
