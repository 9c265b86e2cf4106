package dev.jgym.agents.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The frame every learner family's {@code checkpoint.jgc} shares: an 8-byte magic naming the
 * family, a version, a JSON header (what shapes the arrays: env, sizes, network, settings), the
 * body the family's parts write (big-endian, {@link DataOutputStream}), and a CRC-32 of everything
 * before it. Written to a temporary file and renamed; a missing, truncated, corrupt, foreign or
 * misfitting file is a {@link UserError}.
 */
public final class CheckpointFile {
    /** Writes the body: each stateful part its own state, in order. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the body back into freshly built parts, in the same order. */
    @FunctionalInterface
    public interface Reader {
        void read(DataInputStream in) throws IOException;
    }

    /** A family's file format: its magic (8 ASCII bytes), its version and its name in messages. */
    public record Format(String magic, int version, String family) {
        public Format {
            if (magic.getBytes(StandardCharsets.US_ASCII).length != 8) throw new IllegalArgumentException("a magic is 8 bytes: " + magic);
        }

        byte[] magicBytes() {
            return magic.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final Format format;
    private final ObjectNode header;
    private final byte[] body;
    private final String file;

    private CheckpointFile(Format format, ObjectNode header, byte[] body, String file) {
        this.format = format;
        this.header = header;
        this.body = body;
        this.file = file;
    }

    /** A checkpoint of a run in progress: {@code header}, then what {@code parts} write. */
    public static CheckpointFile of(Format format, ObjectNode header, Writer parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            parts.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CheckpointFile(format, header, bytes.toByteArray(), null);
    }

    public ObjectNode header() {
        return header;
    }

    /** Writes the file (temporary file, then rename). */
    public void write(Path path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(format.magicBytes());
            out.writeInt(format.version());
            byte[] h = Json.MAPPER.writeValueAsBytes(header);
            out.writeInt(h.length);
            out.write(h);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeAtomically(path, bytes.toByteArray());
    }

    /** Reads a checkpoint file of {@code format}. */
    public static CheckpointFile read(Format format, Path path) {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError("checkpoint " + path + ": no such file");
        } catch (IOException e) {
            throw new UserError("checkpoint " + path + ": cannot read (" + e.getMessage() + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            if (!Arrays.equals(in.readNBytes(8), format.magicBytes())) {
                throw new UserError("checkpoint " + path + ": not a " + format.family() + " checkpoint (wrong magic bytes)");
            }
            int version = in.readInt();
            if (version != format.version()) throw new UserError("checkpoint " + path + ": version " + version + ", expected " + format.version());
            byte[] h = in.readNBytes(in.readInt());
            int n = in.readInt();
            byte[] body = in.readNBytes(n);
            if (body.length != n) throw new EOFException();
            long crc = in.readLong();
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(all, 0, all.length - 8);
            if (c.getValue() != crc) throw new UserError("checkpoint " + path + ": corrupt (CRC-32 mismatch)");
            JsonNode header = Json.MAPPER.readTree(h);
            return new CheckpointFile(format, (ObjectNode) header, body, path.toString());
        } catch (EOFException e) {
            throw new UserError("checkpoint " + path + ": truncated");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserError u) throw u;
            throw new UserError("checkpoint " + path + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /**
     * Refuses a checkpoint whose header differs from {@code expected} (what the config builds),
     * naming the env first, then the first differing key, then a key the config lacks.
     */
    public void check(ObjectNode expected, String source) {
        String where = "checkpoint " + (file == null ? "(in memory)" : file);
        if (expected.has("env") && !expected.get("env").equals(header.get("env"))) {
            throw new UserError(where + ": written for env " + header.path("env").asText() + ", but " + source + " trains " + expected.get("env").asText());
        }
        for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
            String k = names.next();
            if (header.get(k) == null || !expected.get(k).toString().equals(header.get(k).toString())) {
                throw new UserError(where + ": " + k + " is " + header.get(k) + ", but " + source + " has " + expected.get(k));
            }
        }
        for (Iterator<String> written = header.fieldNames(); written.hasNext(); ) {
            String k = written.next();
            if (!expected.has(k)) throw new UserError(where + ": " + k + " is " + header.get(k) + ", but " + source + " has no " + k);
        }
    }

    /** Hands the body to {@code parts}; a body that does not fit is a {@link UserError}. */
    public void restore(Reader parts) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            parts.read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("checkpoint " + file + ": does not fit this run (" + e.getMessage() + ")");
        }
    }
}
