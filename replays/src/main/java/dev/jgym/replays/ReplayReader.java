package dev.jgym.replays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.scene.Annotations;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@code .jgr} files. What makes a file unusable (not a replay, another format version, a
 * broken header) is a {@link UserError} with one clear line; damage after the header (the file
 * ends early, the gzip data is corrupt) keeps every step read before it and says where it
 * stopped in {@link Replay#problem()}.
 */
public final class ReplayReader {
    private ReplayReader() {}

    public static Replay read(Path file) {
        String name = "replay " + file;
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new UserError(name + ": no such file");
        } catch (IOException e) {
            if (Files.isDirectory(file)) throw new UserError(name + ": is a folder, expected a .jgr file");
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        try (InputStream closing = raw) {
            return read(file, closing);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Reads from a stream; {@code file} only names it in messages. */
    public static Replay read(Path file, InputStream stream) {
        String name = "replay " + file;
        DataInputStream in;
        ReplayHeader header;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(stream, 1 << 16), 1 << 16));
        } catch (EOFException e) {
            throw new UserError(name + ": empty or truncated before its header");
        } catch (ZipException e) {
            throw new UserError(name + ": not a jgym replay (not gzip data: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        try {
            byte[] magic = new byte[ReplayFormat.MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, ReplayFormat.MAGIC)) {
                throw new UserError(name + ": not a jgym replay (expected the mark JGYM-JGR at the start, found \""
                        + new String(magic, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?") + "\")");
            }
            int length = in.readInt();
            if (length <= 0 || length > ReplayFormat.MAX_HEADER_BYTES) {
                throw new UserError(name + ": corrupt header (length " + length + " bytes)");
            }
            byte[] json = new byte[length];
            in.readFully(json);
            header = header(name, json);
        } catch (EOFException e) {
            throw new UserError(name + ": truncated inside its header (the run stopped while writing)");
        } catch (ZipException e) {
            throw new UserError(name + ": corrupt gzip data in the header (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        List<ReplayEpisode> episodes = new ArrayList<>();
        ReplayEpisode current = null;
        String problem = null;
        try {
            while (true) {
                int tag = in.read();
                if (tag < 0) {
                    problem = "truncated " + where(episodes, current) + " (the file ends without its end record: the run stopped while writing)";
                    break;
                }
                if (tag == ReplayFormat.STEP) {
                    if (current == null) throw new CorruptRecord("a step outside an episode");
                    readStep(in, current);
                } else if (tag == ReplayFormat.EPISODE) {
                    int index = in.readInt();
                    long seed = in.readLong();
                    long[] state = null;
                    if (in.readBoolean()) {
                        int words = in.readUnsignedByte();
                        if (words != 7) throw new CorruptRecord("an env stream state of " + words + " words (expected 7)");
                        state = new long[words];
                        for (int i = 0; i < words; i++) state[i] = in.readLong();
                    }
                    current = new ReplayEpisode(index, seed, state, in.readLong());
                    episodes.add(current);
                } else if (tag == ReplayFormat.EPISODE_END) {
                    if (current == null) throw new CorruptRecord("an episode end outside an episode");
                    int steps = in.readInt();
                    in.readDouble();
                    if (steps != current.length()) {
                        throw new CorruptRecord("episode " + current.index() + " ends after " + steps + " steps but holds " + current.length());
                    }
                    current.markFinished();
                    current = null;
                } else if (tag == ReplayFormat.END_OF_FILE) {
                    int count = in.readInt();
                    in.readLong();
                    if (count != episodes.size()) throw new CorruptRecord("the end record counts " + count + " episodes, the file holds " + episodes.size());
                    // read on to the gzip trailer, so its length and CRC are checked too
                    try {
                        if (in.read() >= 0) throw new CorruptRecord("data after the end record");
                    } catch (EOFException e) {
                        problem = "truncated in its last bytes (every episode was read; the gzip trailer is missing)";
                    } catch (ZipException e) {
                        problem = "corrupt gzip trailer (every episode was read: " + e.getMessage() + ")";
                    }
                    break;
                } else {
                    throw new CorruptRecord("unknown record tag " + tag);
                }
            }
        } catch (EOFException e) {
            problem = "truncated " + where(episodes, current) + " (the run stopped while writing)";
        } catch (ZipException e) {
            problem = "corrupt gzip data " + where(episodes, current) + " (" + e.getMessage() + ")";
        } catch (CorruptRecord e) {
            problem = "corrupt record " + where(episodes, current) + ": " + e.getMessage();
        } catch (IOException e) {
            problem = "cannot read " + where(episodes, current) + " (" + e.getMessage() + ")";
        }
        return new Replay(file, header, episodes, problem);
    }

    private static ReplayHeader header(String name, byte[] json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UserError(name + ": corrupt header (not valid JSON: " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": corrupt header (" + e.getMessage() + ")");
        }
        JsonNode version = node.path("format_version");
        if (!version.isInt()) throw new UserError(name + ": $.format_version: expected an integer, found " + version);
        if (version.intValue() != ReplayFormat.VERSION) {
            throw new UserError(name + ": $.format_version: this jgym (" + ReplayFormat.JGYM_VERSION + ") reads format version "
                    + ReplayFormat.VERSION + ", found version " + version.intValue() + " (written by jgym "
                    + node.path("jgym_version").asText("unknown") + ")");
        }
        return Json.bind(node, ReplayHeader.class, name, "$");
    }

    private static void readStep(DataInputStream in, ReplayEpisode episode) throws IOException {
        Object action = readAction(in);
        double reward = in.readDouble();
        int flags = in.readUnsignedByte();
        long checksum = in.readLong();
        Annotations annotations = (flags & ReplayFormat.ANNOTATED) != 0 ? readAnnotations(in) : null;
        episode.add(action, reward, flags & (ReplayFormat.TERMINATED | ReplayFormat.TRUNCATED), checksum, annotations);
    }

    private static Object readAction(DataInputStream in) throws IOException {
        int kind = in.readUnsignedByte();
        switch (kind) {
            case ReplayFormat.ACTION_INT:
                return in.readInt();
            case ReplayFormat.ACTION_INTS: {
                int[] a = new int[length(in)];
                for (int i = 0; i < a.length; i++) a[i] = in.readInt();
                return a;
            }
            case ReplayFormat.ACTION_FLOATS: {
                float[] a = new float[length(in)];
                for (int i = 0; i < a.length; i++) a[i] = Float.intBitsToFloat(in.readInt());
                return a;
            }
            case ReplayFormat.ACTION_JSON: {
                byte[] json = new byte[length(in)];
                in.readFully(json);
                return Json.MAPPER.readValue(json, Object.class);
            }
            default:
                throw new CorruptRecord("unknown action encoding " + kind);
        }
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) throw new CorruptRecord("an array length of " + n);
        return n;
    }

    private static Annotations readAnnotations(DataInputStream in) throws IOException {
        Map<String, double[]> vectors = new TreeMap<>();
        int nv = in.readUnsignedShort();
        for (int i = 0; i < nv; i++) {
            String key = readName(in);
            double[] v = new double[length(in)];
            for (int j = 0; j < v.length; j++) v[j] = in.readDouble();
            vectors.put(key, v);
        }
        Map<String, Double> scalars = new TreeMap<>();
        int ns = in.readUnsignedShort();
        for (int i = 0; i < ns; i++) scalars.put(readName(in), in.readDouble());
        return new Annotations(vectors, scalars);
    }

    private static String readName(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readUnsignedShort()];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String where(List<ReplayEpisode> episodes, ReplayEpisode current) {
        if (current != null) return "after step " + current.length() + " of episode " + current.index();
        if (episodes.isEmpty()) return "before the first episode";
        ReplayEpisode last = episodes.get(episodes.size() - 1);
        return "after episode " + last.index() + " (" + last.length() + " steps)";
    }

    /** A record that cannot be what it says. */
    private static final class CorruptRecord extends IOException {
        CorruptRecord(String message) {
            super(message);
        }
    }
}
