package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Param;
import dev.jgym.nn.optim.Optimizer;
import dev.jgym.nn.optim.OptimizerState;
import dev.jgym.core.rng.Rng;
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
import java.util.List;
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

    /** A checkpoint of a run in progress. */
    static Checkpoint of(DqnConfig config, DqnTraining.Shape shape, Learner learner, DqnTraining.Run run) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(run.step);
            out.writeInt(run.episode);
            out.writeLong(run.solvedAt);
            out.writeDouble(run.episodeReturn);
            out.writeDouble(run.lossSum);
            out.writeDouble(run.qSum);
            out.writeInt(run.updatesInEpisode);
            out.writeInt(run.episodeActions.size());
            for (int a : run.episodeActions) out.writeInt(a);
            out.writeInt(run.episodes.size());
            for (DqnTraining.EpisodeRow r : run.episodes) {
                out.writeInt(r.episode());
                out.writeLong(r.step());
                out.writeDouble(r.episodeReturn());
                out.writeInt(r.length());
                out.writeDouble(r.epsilon());
                out.writeDouble(r.loss());
                out.writeDouble(r.meanQ());
            }
            out.writeInt(run.evaluations.size());
            for (DqnTraining.EvalRow r : run.evaluations) {
                out.writeLong(r.step());
                out.writeInt(r.episodes());
                out.writeDouble(r.mean());
                out.writeDouble(r.std());
                out.writeDouble(r.min());
                out.writeDouble(r.max());
                out.writeDouble(r.meanLength());
            }
            if (learner instanceof DrqnLearner r) {
                writeLearner(out, r.updates, r.exploration, r.replay, r.online.params(), r.target.params(), r.optimizer);
                writeSequences(out, r);
                return new Checkpoint(header(config, shape), bytes.toByteArray(), null);
            }
            DqnLearner l = (DqnLearner) learner;
            writeLearner(out, l.updates, l.exploration, l.replay, l.online.params(), l.target.params(), l.optimizer);
            ReplayBuffer b = l.buffer;
            int d = b.obsDim(), n = b.size();
            out.writeInt(n);
            out.writeInt(b.cursor());
            out.writeLong(b.added());
            out.writeDouble(b.maxPriority());
            if (b.compact()) {
                out.write(b.obsBytes, 0, n * d);
                out.write(b.nextBytes, 0, n * d);
            } else {
                writeObservations(out, n * d, b.obs, b.next);
            }
            writeOutcomes(out, n, b.actions, b.rewards, b.discounts);
            double[] pr = b.priorities();
            out.writeInt(pr.length);
            for (double p : pr) out.writeDouble(p);
            NStepReturns.Pending pending = l.nStep.saved();
            out.writeInt(pending.actions().length);
            for (int k = 0; k < pending.actions().length; k++) {
                writeFloats(out, pending.observations()[k]);
                out.writeInt(pending.actions()[k]);
                out.writeDouble(pending.rewards()[k]);
            }
            if (l.imitation != null) l.imitation.write(out);
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
            run.step = in.readLong();
            run.episode = in.readInt();
            run.solvedAt = in.readLong();
            run.episodeReturn = in.readDouble();
            run.lossSum = in.readDouble();
            run.qSum = in.readDouble();
            run.updatesInEpisode = in.readInt();
            run.episodeActions.clear();
            for (int i = in.readInt(); i > 0; i--) run.episodeActions.add(in.readInt());
            run.episodes.clear();
            for (int i = in.readInt(); i > 0; i--) {
                run.episodes.add(new DqnTraining.EpisodeRow(in.readInt(), in.readLong(), in.readDouble(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            run.evaluations.clear();
            for (int i = in.readInt(); i > 0; i--) {
                run.evaluations.add(new DqnTraining.EvalRow(in.readLong(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble()));
            }
            if (learner instanceof DrqnLearner r) {
                long updates = in.readLong();
                readExploration(in, r.exploration);
                r.replay = Rng.restore(readLongs(in));
                readNetworks(in, r.online.params(), r.target.params(), r.optimizer);
                r.updates = updates;
                readSequences(in, r);
                return;
            }
            DqnLearner l = (DqnLearner) learner;
            l.updates = in.readLong();
            readExploration(in, l.exploration);
            l.replay = Rng.restore(readLongs(in));
            readNetworks(in, l.online.params(), l.target.params(), l.optimizer);
            ReplayBuffer b = l.buffer;
            int d = b.obsDim();
            int n = in.readInt(), cursor = in.readInt();
            long added = in.readLong();
            double maxPriority = in.readDouble();
            if (b.compact()) {
                in.readFully(b.obsBytes, 0, n * d);
                in.readFully(b.nextBytes, 0, n * d);
            } else {
                readObservations(in, n * d, b.obs, b.next);
            }
            readOutcomes(in, n, b.actions, b.rewards, b.discounts);
            double[] pr = new double[in.readInt()];
            for (int i = 0; i < pr.length; i++) pr[i] = in.readDouble();
            b.restore(n, cursor, added, maxPriority, pr);
            int pending = in.readInt();
            float[][] po = new float[pending][];
            int[] pa = new int[pending];
            double[] prw = new double[pending];
            for (int k = 0; k < pending; k++) {
                po[k] = readFloats(in);
                pa[k] = in.readInt();
                prw[k] = in.readDouble();
            }
            l.nStep.restore(new NStepReturns.Pending(po, pa, prw));
            if (l.imitation != null) l.imitation.read(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserError("checkpoint " + file + ": does not fit this run (" + e.getMessage() + ")");
        }
    }

    /** What both learners hold: the update count, the two streams, both networks and the optimizer's state. */
    private static void readExploration(DataInputStream in, Exploration e) throws IOException {
        e.rng = Rng.restore(readLongs(in));
        e.held = in.readInt();
        e.remaining = in.readInt();
    }

    private static void writeLearner(DataOutputStream out, long updates, Exploration explore, Rng replay, List<Param> online, List<Param> target,
                                     Optimizer optimizer) throws IOException {
        out.writeLong(updates);
        writeLongs(out, explore.rng.saveState());
        out.writeInt(explore.held);
        out.writeInt(explore.remaining);
        writeLongs(out, replay.saveState());
        writeParams(out, online);
        writeParams(out, target);
        writeOptimizer(out, optimizer);
    }

    static void writeOptimizer(DataOutputStream out, Optimizer optimizer) throws IOException {
        OptimizerState os = OptimizerState.of(optimizer);
        out.writeLong(os.steps());
        out.writeInt(os.tables().length);
        for (float[][] table : os.tables()) {
            out.writeInt(table.length);
            for (float[] a : table) writeFloats(out, a);
        }
    }

    /** Both networks and the optimizer's state (after the counters and streams of {@link #writeLearner}). */
    private static void readNetworks(DataInputStream in, List<Param> online, List<Param> target, Optimizer optimizer) throws IOException {
        readParams(in, online);
        readParams(in, target);
        readOptimizer(in, optimizer);
    }

    static void readOptimizer(DataInputStream in, Optimizer optimizer) throws IOException {
        long steps = in.readLong();
        float[][][] tables = new float[in.readInt()][][];
        for (int t = 0; t < tables.length; t++) {
            tables[t] = new float[in.readInt()][];
            for (int i = 0; i < tables[t].length; i++) tables[t][i] = readFloats(in);
        }
        new OptimizerState(steps, tables).restoreInto(optimizer);
    }

    /** The sequence replay (its stored steps with their episode numbers) and the training episode's recurrent state. */
    private static void writeSequences(DataOutputStream out, DrqnLearner r) throws IOException {
        SequenceReplay b = r.buffer;
        int d = b.obsDim(), n = b.size();
        out.writeInt(n);
        out.writeInt(b.cursor());
        out.writeLong(b.added());
        out.writeLong(b.episode());
        writeTransitions(out, n, d, b.obs, b.next, b.actions, b.rewards, b.discounts);
        for (int i = 0; i < n; i++) out.writeLong(b.episodes[i]);
        float[][] hc = r.memory.saved();
        writeFloats(out, hc[0]);
        writeFloats(out, hc[1]);
    }

    private static void readSequences(DataInputStream in, DrqnLearner r) throws IOException {
        SequenceReplay b = r.buffer;
        int d = b.obsDim(), n = in.readInt(), cursor = in.readInt();
        long added = in.readLong(), episode = in.readLong();
        if (n > b.capacity()) throw new IllegalArgumentException(n + " stored steps, the replay holds " + b.capacity());
        readTransitions(in, n, d, b.obs, b.next, b.actions, b.rewards, b.discounts);
        for (int i = 0; i < n; i++) b.episodes[i] = in.readLong();
        b.restore(n, cursor, added, episode);
        r.memory.restore(new float[][] {readFloats(in), readFloats(in)});
    }

    /** The first n stored transitions of a replay's arrays (observations of d values), in the same order for both replays. */
    private static void writeTransitions(DataOutputStream out, int n, int d, float[] obs, float[] next, int[] actions, float[] rewards,
                                         float[] discounts) throws IOException {
        writeObservations(out, n * d, obs, next);
        writeOutcomes(out, n, actions, rewards, discounts);
    }

    private static void readTransitions(DataInputStream in, int n, int d, float[] obs, float[] next, int[] actions, float[] rewards,
                                        float[] discounts) throws IOException {
        readObservations(in, n * d, obs, next);
        readOutcomes(in, n, actions, rewards, discounts);
    }

    /** The first {@code values} floats of the states and of the next states. */
    private static void writeObservations(DataOutputStream out, int values, float[] obs, float[] next) throws IOException {
        for (int i = 0; i < values; i++) out.writeFloat(obs[i]);
        for (int i = 0; i < values; i++) out.writeFloat(next[i]);
    }

    private static void readObservations(DataInputStream in, int values, float[] obs, float[] next) throws IOException {
        for (int i = 0; i < values; i++) obs[i] = in.readFloat();
        for (int i = 0; i < values; i++) next[i] = in.readFloat();
    }

    /** Actions, rewards and discounts of the first n transitions. */
    private static void writeOutcomes(DataOutputStream out, int n, int[] actions, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n; i++) out.writeInt(actions[i]);
        for (int i = 0; i < n; i++) out.writeFloat(rewards[i]);
        for (int i = 0; i < n; i++) out.writeFloat(discounts[i]);
    }

    private static void readOutcomes(DataInputStream in, int n, int[] actions, float[] rewards, float[] discounts) throws IOException {
        for (int i = 0; i < n; i++) actions[i] = in.readInt();
        for (int i = 0; i < n; i++) rewards[i] = in.readFloat();
        for (int i = 0; i < n; i++) discounts[i] = in.readFloat();
    }

    static void writeLongs(DataOutputStream out, long[] v) throws IOException {
        out.writeInt(v.length);
        for (long x : v) out.writeLong(x);
    }

    static long[] readLongs(DataInputStream in) throws IOException {
        long[] v = new long[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readLong();
        return v;
    }

    private static void writeFloats(DataOutputStream out, float[] v) throws IOException {
        out.writeInt(v == null ? -1 : v.length);
        if (v != null) for (float x : v) out.writeFloat(x);
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = in.readFloat();
        return v;
    }

    static void writeParams(DataOutputStream out, List<Param> params) throws IOException {
        out.writeInt(params.size());
        for (Param p : params) writeFloats(out, p.value().data());
    }

    static void readParams(DataInputStream in, List<Param> params) throws IOException {
        int n = in.readInt();
        if (n != params.size()) throw new IllegalArgumentException(n + " parameter tensors, the network has " + params.size());
        for (Param p : params) {
            float[] v = readFloats(in);
            if (v == null || v.length != p.value().size()) throw new IllegalArgumentException("a parameter tensor of the wrong size");
            System.arraycopy(v, 0, p.value().data(), 0, v.length);
        }
    }
}
