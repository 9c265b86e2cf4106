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

    /** The format this code writes and the only one it reads. */
    public static final int VERSION = 1;

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
