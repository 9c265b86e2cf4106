package dev.jgym.replays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.scene.Annotations;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads {@code .jgr} files, format versions 1 and 2.
 *
 * <p>What makes a file unusable is a {@link UserError} with one clear line: not a replay, another
 * format version, a broken header, more steps than its size allows ({@link ReplayFormat#STEPS_PER_BYTE}),
 * and, from {@link #read}, damage: a chunk whose checksum fails, corrupt gzip data, a record that
 * cannot be what it says, a header whose checksum fails (an edited seed). A file that merely ends
 * early (the run stopped while writing, or is still writing) keeps every step read before the end
 * and says where it stopped in {@link Replay#problem()}.
 *
 * <p>{@link #salvage} reads a damaged file too: it keeps the chunks before the damage and reports
 * the damage as the problem (the viewer shows that much).
 */
public final class ReplayReader {
    private ReplayReader() {}

    /** A complete or truncated replay; damage is a {@link UserError} naming where it is. */
    public static Replay read(Path file) {
        return read(file, false);
    }

    /** Like {@link #read}, but damage after the header keeps the intact chunks before it and becomes the problem. */
    public static Replay salvage(Path file) {
        return read(file, true);
    }

    private static Replay read(Path file, boolean salvage) {
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
            return read(file, closing, salvage);
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Reads from a stream; {@code file} only names it in messages. Damage is a {@link UserError}. */
    public static Replay read(Path file, InputStream stream) {
        return read(file, stream, false);
    }

    private static Replay read(Path file, InputStream stream, boolean salvage) {
        String name = "replay " + file;
        Counting counted = new Counting(stream);
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(counted, 1 << 16), 1 << 16));
        } catch (EOFException e) {
            throw new UserError(name + ": empty or truncated before its header");
        } catch (ZipException e) {
            throw new UserError(name + ": not a jgym replay (not gzip data: " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        ReplayHeader header;
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
            JsonNode node = headerJson(name, json);
            if (version(name, node) == ReplayFormat.VERSION) {
                CRC32C crc = new CRC32C();
                crc.update(magic);
                crc.update(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
                crc.update(json);
                int expected = in.readInt();
                if (expected != (int) crc.getValue()) {
                    throw new UserError(name + ": damaged: the header fails its checksum (expected " + hex(expected) + ", found "
                            + hex((int) crc.getValue()) + "; edited or corrupt)");
                }
                byte[] gzipHeader = counted.head();
                if (!Arrays.equals(gzipHeader, ReplayFormat.GZIP_HEADER)) {
                    throw new UserError(name + ": damaged: the gzip header is not the one jgym writes (expected "
                            + HexFormat.ofDelimiter(" ").formatHex(ReplayFormat.GZIP_HEADER) + ", found "
                            + HexFormat.ofDelimiter(" ").formatHex(gzipHeader) + ")");
                }
            }
            header = Json.bind(node, ReplayHeader.class, name, "$");
        } catch (EOFException e) {
            throw new UserError(name + ": truncated inside its header (the run stopped while writing)");
        } catch (ZipException e) {
            throw new UserError(name + ": corrupt gzip data in the header (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": cannot read (" + e.getMessage() + ")");
        }
        Records records = new Records(name, counted);
        String damage = null;
        try {
            if (header.formatVersion() == ReplayFormat.VERSION_1) records.readVersion1(in);
            else records.readChunks(in);
        } catch (EOFException e) {
            records.problem = "truncated " + records.where() + " (the file ends without its end record: the run stopped while writing)";
        } catch (ZipException e) {
            damage = "corrupt gzip data " + records.at() + " (" + e.getMessage() + ")";
        } catch (CorruptRecord e) {
            damage = "corrupt record " + records.at() + ": " + e.getMessage();
        } catch (IOException e) {
            records.problem = "cannot read " + records.where() + " (" + e.getMessage() + ")";
        }
        if (damage == null) damage = records.damage;
        if (damage != null) {
            records.dropUnchecked();
            if (!salvage) throw new UserError(name + ": damaged: " + damage);
            records.problem = "damaged: " + damage;
        }
        return new Replay(file, header, records.episodes, records.problem);
    }

    private static JsonNode headerJson(String name, byte[] json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UserError(name + ": corrupt header (not valid JSON: " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UserError(name + ": corrupt header (" + e.getMessage() + ")");
        }
    }

    private static int version(String name, JsonNode node) {
        JsonNode version = node.path("format_version");
        if (!version.isInt()) throw new UserError(name + ": $.format_version: expected an integer, found " + version);
        int v = version.intValue();
        if (v != ReplayFormat.VERSION && v != ReplayFormat.VERSION_1) {
            throw new UserError(name + ": $.format_version: this jgym (" + ReplayFormat.JGYM_VERSION + ") reads format versions "
                    + ReplayFormat.VERSION_1 + " to " + ReplayFormat.VERSION + ", found version " + v + " (written by jgym "
                    + node.path("jgym_version").asText("unknown") + ")");
        }
        return v;
    }

    private static String hex(int crc) {
        return String.format("%08x", crc);
    }

    /** The records after the header, read into episodes; chunk by chunk for version 2. */
    private static final class Records {
        private final String name;
        private final Counting counted;
        final List<ReplayEpisode> episodes = new ArrayList<>();
        private ReplayEpisode current;
        private long steps;
        /** Version 2: the chunk being read (from 1), what the chunks before it held, and where they end. */
        private int chunk;
        private int checkedEpisodes;
        private int checkedLength;
        private String checkedWhere = "before the first episode";
        String problem;
        String damage;

        Records(String name, Counting counted) {
            this.name = name;
            this.counted = counted;
        }

        /** Version 1: records straight from the stream. */
        void readVersion1(DataInputStream in) throws IOException {
            while (true) {
                int tag = in.read();
                if (tag < 0) throw new EOFException();
                if (record(tag, in)) {
                    endOfFile(in);
                    return;
                }
            }
        }

        /** Version 2: chunks of records, each checked against its CRC-32C before a record of it is used. */
        void readChunks(DataInputStream in) throws IOException {
            while (true) {
                chunk++;
                int length = in.readInt();
                int expected = in.readInt();
                if (length <= 0 || length > ReplayFormat.MAX_CHUNK_BYTES) throw new CorruptRecord("a chunk length of " + length + " bytes");
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) throw new EOFException();
                CRC32C crc = new CRC32C();
                crc.update(bytes);
                if ((int) crc.getValue() != expected) {
                    damage = chunkName() + " fails its checksum (expected " + hex(expected) + ", found " + hex((int) crc.getValue()) + ")";
                    return;
                }
                DataInputStream records = new ChunkInput(bytes);
                boolean end = false;
                try {
                    while (records.available() > 0) {
                        if (end) throw new CorruptRecord("data after the end record");
                        end = record(records.readUnsignedByte(), records);
                    }
                } catch (EOFException e) {
                    throw new CorruptRecord("a record cut off by the end of its chunk");
                }
                if (end) {
                    endOfFile(in);
                    return;
                }
                checked();
            }
        }

        /** Reads one record after its tag; true for the end-of-file record. */
        private boolean record(int tag, DataInputStream in) throws IOException {
            if (tag == ReplayFormat.STEP) {
                if (current == null) throw new CorruptRecord("a step outside an episode");
                readStep(in, current);
                if (++steps > ReplayFormat.STEP_ALLOWANCE + ReplayFormat.STEPS_PER_BYTE * counted.count()) {
                    throw new UserError(name + ": holds more steps than its size allows (" + steps + " steps from the first " + counted.count()
                            + " bytes; at most " + ReplayFormat.STEP_ALLOWANCE + " plus " + ReplayFormat.STEPS_PER_BYTE
                            + " a byte): corrupt or crafted, refused");
                }
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
                int n = in.readInt();
                in.readDouble();
                if (n != current.length()) {
                    throw new CorruptRecord("episode " + current.index() + " ends after " + n + " steps but holds " + current.length());
                }
                current.markFinished();
                current = null;
            } else if (tag == ReplayFormat.END_OF_FILE) {
                int count = in.readInt();
                in.readLong();
                if (count != episodes.size()) throw new CorruptRecord("the end record counts " + count + " episodes, the file holds " + episodes.size());
                return true;
            } else {
                throw new CorruptRecord("unknown record tag " + tag);
            }
            return false;
        }

        /** Reads on to the gzip trailer, so its length and CRC are checked too. */
        private void endOfFile(DataInputStream in) throws IOException {
            checked();
            try {
                if (in.read() >= 0) throw new CorruptRecord("data after the end record");
            } catch (EOFException e) {
                problem = "truncated in its last bytes (every episode was read; the gzip trailer is missing)";
            } catch (ZipException e) {
                damage = "corrupt gzip trailer (" + e.getMessage() + ")";
            }
        }

        /** Version 2: forgets what was read after the last chunk that passed its checksum. */
        void dropUnchecked() {
            if (chunk == 0) return; // version 1: nothing is checked, everything read is kept
            while (episodes.size() > checkedEpisodes) episodes.remove(episodes.size() - 1);
            if (!episodes.isEmpty()) {
                ReplayEpisode last = episodes.get(episodes.size() - 1);
                if (!last.finished()) last.truncate(checkedLength);
            }
        }

        /** {@code in chunk 3 (...)} or {@code after step N of episode E}. */
        String at() {
            return chunk == 0 ? where() : "in " + chunkName();
        }

        String where() {
            if (current != null) return "after step " + current.length() + " of episode " + current.index();
            if (episodes.isEmpty()) return "before the first episode";
            ReplayEpisode last = episodes.get(episodes.size() - 1);
            return "after episode " + last.index() + " (" + last.length() + " steps)";
        }

        /** Everything read so far passed its checksum. */
        private void checked() {
            checkedEpisodes = episodes.size();
            checkedLength = current == null ? 0 : current.length();
            checkedWhere = current != null ? "after step " + current.length() + " of episode " + current.index()
                    : episodes.isEmpty() ? "before the first episode" : "after episode " + episodes.get(episodes.size() - 1).index();
        }

        /** {@code chunk 3 (after step 2048 of episode 0)} for version 2 (where the chunk starts), the position for version 1. */
        String chunkName() {
            return chunk == 0 ? where() : "chunk " + chunk + " (" + checkedWhere + ")";
        }
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
                int[] a = new int[length(in, 4)];
                for (int i = 0; i < a.length; i++) a[i] = in.readInt();
                return a;
            }
            case ReplayFormat.ACTION_FLOATS: {
                float[] a = new float[length(in, 4)];
                for (int i = 0; i < a.length; i++) a[i] = Float.intBitsToFloat(in.readInt());
                return a;
            }
            case ReplayFormat.ACTION_JSON: {
                byte[] json = new byte[length(in, 1)];
                in.readFully(json);
                return Json.MAPPER.readValue(json, Object.class);
            }
            default:
                throw new CorruptRecord("unknown action encoding " + kind);
        }
    }

    /** An array length; inside a chunk it must also fit in what is left of the chunk. */
    private static int length(DataInputStream in, int bytesEach) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) throw new CorruptRecord("an array length of " + n);
        if (in instanceof ChunkInput && (long) n * bytesEach > in.available()) {
            throw new CorruptRecord("an array of " + n + " items, longer than the rest of its chunk");
        }
        return n;
    }

    private static Annotations readAnnotations(DataInputStream in) throws IOException {
        Map<String, double[]> vectors = new TreeMap<>();
        int nv = in.readUnsignedShort();
        for (int i = 0; i < nv; i++) {
            String key = readName(in);
            double[] v = new double[length(in, 8)];
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

    /** A record that cannot be what it says. */
    private static final class CorruptRecord extends IOException {
        CorruptRecord(String message) {
            super(message);
        }
    }

    /** Marker type for the records of one chunk, whose {@code available()} is exact. */
    private static final class ChunkInput extends DataInputStream {
        ChunkInput(byte[] bytes) {
            super(new ByteArrayInputStream(bytes));
        }
    }

    /** Counts the compressed bytes read and keeps the first ten (the gzip member header). */
    private static final class Counting extends FilterInputStream {
        private final byte[] head = new byte[10];
        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                if (count < head.length) head[(int) count] = (byte) b;
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = 0; i < n && count + i < head.length; i++) head[(int) count + i] = b[off + i];
            if (n > 0) count += n;
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }

        long count() {
            return count;
        }

        byte[] head() {
            return head.clone();
        }
    }
}
