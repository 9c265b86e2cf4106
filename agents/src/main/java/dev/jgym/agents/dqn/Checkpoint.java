package dev.jgym.agents.dqn;

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
import java.util.zip.CRC32;

/**
 * Everything a DQN run needs to continue exactly where it stopped: both networks, the optimizer's
 * state, the replay buffer (with priorities), the n-step accumulator, the exploration and replay
 * {@link Rng} states, the exploration run in progress (ez-greedy's held action and steps left), the counters, the current episode's actions (the env is rebuilt by replaying
 * them from the episode's seed) and the rows written so far.
 *
 * <p>File ({@code checkpoint.jgc}): the magic {@code JGYMDQN\0}, a version, a JSON header (env id,
 * observation size, actions, network, settings that shape the arrays), the binary body
 * (big-endian, {@link DataOutputStream}), and a CRC-32 of everything before it. Written to a
 * temporary file and renamed. A checkpoint of another env or network is refused with a
 * {@link UserError} naming both.
 */
public final class Checkpoint {
    static final byte[] MAGIC = "JGYMDQN\0".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;

    private final ObjectNode header;
    private final byte[] body;
    private final String file;

    private Checkpoint(ObjectNode header, byte[] body, String file) {
        this.header = header;
        this.body = body;
        this.file = file;
    }

    static ObjectNode header(DqnConfig config, DqnTraining.Shape shape) {
        ObjectNode h = Json.MAPPER.createObjectNode();
        h.put("env", config.env().id());
        h.set("env_options", Json.MAPPER.valueToTree(new java.util.TreeMap<>(config.env().options())));
        h.put("observation_size", shape.obsDim());
        h.put("actions", shape.actions());
        DqnConfig.DqnSettings s = config.dqn();
        h.set("hidden", Json.MAPPER.valueToTree(s.network().hidden()));
        h.put("activation", s.network().activation());
        if (s.network().encoder() != null) h.set("encoder", s.network().encoder());
        if (s.network().observation() != null) h.set("observation", Json.MAPPER.valueToTree(s.network().observation()));
        h.put("dueling", s.dueling());
        h.put("optimizer", s.optimizer().type());
        h.put("buffer_size", s.bufferSize());
        h.put("prioritized", s.prioritized() != null);
        h.put("n_step", s.nStep());
        h.put("seed", config.seed());
        if (s.recurrent() != null) h.set("recurrent", Json.MAPPER.valueToTree(s.recurrent()));
        if (config.imitation() != null) h.put("imitation", true);
        return h;
    }

    /** A checkpoint of a run in progress: the run's counters and rows, then the learner (each writes itself). */
    static Checkpoint of(DqnConfig config, DqnTraining.Shape shape, Learner learner, DqnTraining.Run run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            run.write(out);
            learner.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Checkpoint(header(config, shape), bytes.toByteArray(), null);
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
    public static Checkpoint read(Path path) {
        byte[] all;
        try {
            all = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UserError("checkpoint " + path + ": no such file");
        } catch (IOException e) {
            throw new UserError("checkpoint " + path + ": cannot read (" + e.getMessage() + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) throw new UserError("checkpoint " + path + ": not a DQN checkpoint (wrong magic bytes)");
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
            return new Checkpoint((ObjectNode) header, body, path.toString());
        } catch (EOFException e) {
            throw new UserError("checkpoint " + path + ": truncated");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserError u) throw u;
            throw new UserError("checkpoint " + path + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** Refuses a checkpoint whose env, sizes or network differ from the config's. */
    void check(DqnConfig config, DqnTraining.Shape shape, String source) {
        ObjectNode expected = header(config, shape);
        String where = "checkpoint " + (file == null ? "(in memory)" : file);
        if (!expected.get("env").equals(header.get("env"))) {
            throw new UserError(where + ": written for env " + header.get("env").asText() + ", but " + source + " trains " + config.env().id());
        }
        var names = expected.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (header.get(k) == null || !expected.get(k).toString().equals(header.get(k).toString())) {
                throw new UserError(where + ": " + k + " is " + header.get(k) + ", but " + source + " has " + expected.get(k));
            }
        }
        var written = header.fieldNames();
        while (written.hasNext()) {
            String k = written.next();
            if (!expected.has(k)) throw new UserError(where + ": " + k + " is " + header.get(k) + ", but " + source + " has no " + k);
        }
    }

    /** Puts the saved state into a freshly built learner and run. */
    void restoreInto(Learner learner, DqnTraining.Run run) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
            run.read(in);
            learner.read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("checkpoint " + file + ": does not fit this run (" + e.getMessage() + ")");
        }
    }
}
