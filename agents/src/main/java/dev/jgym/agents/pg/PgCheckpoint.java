package dev.jgym.agents.pg;

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
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Everything a policy-gradient run needs to continue exactly where it stopped, taken at a rollout
 * boundary: the counters and rows, the learner (parameters, optimizer state, random streams) and,
 * per sub-env, the episodes started and the current episode's actions (the env is rebuilt by
 * replaying them from the episode's seed, see {@link SeededEpisodes}). Each part writes its own
 * state; this class only frames the body.
 *
 * <p>File ({@code checkpoint.jgc}): the magic {@code JGYMPG\0\0}, a version, a JSON header (env,
 * spaces, networks and the settings that shape the arrays), the body (big-endian), and a CRC-32
 * of everything before it. Written to a temporary file and renamed.
 */
public final class PgCheckpoint {
    static final byte[] MAGIC = "JGYMPG\0\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    /** Writes the body. */
    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads the body into a freshly built run. */
    interface Reader {
        void read(DataInputStream in) throws IOException;
    }

    private final ObjectNode header;
    private final byte[] body;
    private final String file;

    private PgCheckpoint(ObjectNode header, byte[] body, String file) {
        this.header = header;
        this.body = body;
        this.file = file;
    }

    static ObjectNode header(PgConfig config, PgTraining.Shape shape) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("env", config.env().id());
        h.set("env_options", Json.MAPPER.valueToTree(new TreeMap<>(config.env().options())));
        h.put("observation_size", shape.obsDim());
        h.put("action_space", shape.actionSpace().toString());
        PgConfig.PgSettings s = config.pg();
        h.put("algorithm", s.algorithm());
        h.set("hidden", Json.MAPPER.valueToTree(s.network().hidden()));
        h.put("activation", s.network().activation());
        h.put("optimizer", s.optimizer().type());
        h.put("n_envs", s.nEnvs());
        h.put("n_steps", s.nSteps());
        h.put("batch_size", s.batchSize());
        h.put("seed", config.seed());
        return h;
    }

    static PgCheckpoint of(PgConfig config, PgTraining.Shape shape, Writer parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            parts.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PgCheckpoint(header(config, shape), bytes.toByteArray(), null);
    }

    /** Writes the file (temporary file, then rename). */
    public void write(Path path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            byte[] h = Json.MAPPER.writeValueAsBytes(header);
            out.writeInt(h.length);
            out.write(h);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Json.writeAtomically(path, bytes.toByteArray());
    }

    /** Reads a checkpoint file; a missing, truncated, corrupt or foreign file is a {@link UserError}. */
    public static PgCheckpoint read(Path path) {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError("checkpoint " + path + ": no such file");
        } catch (IOException e) {
            throw new UserError("checkpoint " + path + ": cannot read (" + e.getMessage() + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw new UserError("checkpoint " + path + ": not a policy-gradient checkpoint (wrong magic bytes)");
            }
            int version = in.readInt();
            if (version != VERSION) throw new UserError("checkpoint " + path + ": version " + version + ", expected " + VERSION);
            byte[] h = in.readNBytes(in.readInt());
            int n = in.readInt();
            byte[] body = in.readNBytes(n);
            if (body.length != n) throw new EOFException();
            long crc = in.readLong();
            CRC32 c = new CRC32();
            c.update(all, 0, all.length - 8);
            if (c.getValue() != crc) throw new UserError("checkpoint " + path + ": corrupt (CRC-32 mismatch)");
            JsonNode header = Json.MAPPER.readTree(h);
            return new PgCheckpoint((ObjectNode) header, body, path.toString());
        } catch (EOFException e) {
            throw new UserError("checkpoint " + path + ": truncated");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserError u) throw u;
            throw new UserError("checkpoint " + path + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** Refuses a checkpoint whose env, sizes or networks differ from the config's, naming the first difference. */
    void check(PgConfig config, PgTraining.Shape shape, String source) {
        ObjectNode expected = header(config, shape);
        String where = "checkpoint " + (file == null ? "(in memory)" : file);
        var names = expected.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (header.get(k) == null || !expected.get(k).toString().equals(header.get(k).toString())) {
                throw new UserError(where + ": " + k + " is " + header.get(k) + ", but " + source + " has " + expected.get(k));
            }
        }
    }

    /** Hands the body to {@code parts}; a body that does not fit is a {@link UserError}. */
    void restore(Reader parts) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            parts.read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("checkpoint " + file + ": does not fit this run (" + e.getMessage() + ")");
        }
    }
}
