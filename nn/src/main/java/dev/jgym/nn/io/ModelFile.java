package dev.jgym.nn.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.nn.Backend;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.core.rng.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A model on disk (extension {@code .jgm}): the architecture as JSON and the weights as
 * little-endian float32, in one file, all integers little-endian:
 * <pre>
 *   8 bytes   magic "JGYMNN\r\n"
 *   u32       format version ({@value #VERSION})
 *   u32       length of the JSON header in bytes
 *   JSON      {"format": "jgym-model", "version": 1, "model": {layer spec},
 *              "tensors": [{"name": "0.weight", "shape": [256, 784]}, ...]}   (UTF-8)
 *   u64       number of floats that follow (the sum of the tensors' sizes)
 *   f32 * n   the tensors in the order listed, each row-major
 *   u32       CRC-32 of every byte before it
 * </pre>
 * Tensors are every {@link Param} of the model (parameters and buffers such as running
 * statistics), named {@code <layer index>.<param name>}. Saving writes a temporary file and
 * renames it. Reading checks, in order: the file is long enough, the magic, the version, the
 * checksum, then the shapes; each failure is a {@link UserError} naming the file and the problem.
 */
public final class ModelFile {
    public static final int VERSION = 1;
    static final byte[] MAGIC = "JGYMNN\r\n".getBytes(StandardCharsets.US_ASCII);

    private ModelFile() {}

    public static void save(Path file, Sequential model) {
        List<Param> params = model.params();
        List<String> names = names(model);
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("format", "jgym-model");
        header.put("version", VERSION);
        header.set("model", model.spec());
        ArrayNode tensors = header.putArray("tensors");
        long floats = 0;
        for (int i = 0; i < params.size(); i++) {
            ObjectNode t = tensors.addObject();
            t.put("name", names.get(i));
            ArrayNode shape = t.putArray("shape");
            for (int d : params.get(i).value().shape()) shape.add(d);
            floats += params.get(i).value().size();
        }
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long total = MAGIC.length + 4 + 4 + json.length + 8 + 4 * floats + 4;
        if (total > Integer.MAX_VALUE) throw new IllegalArgumentException("model too large for one file: " + total + " bytes");
        ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putInt(json.length).put(json).putLong(floats);
        for (Param p : params) for (float v : p.value().data()) buf.putFloat(v);
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        Json.writeAtomically(file, buf.array());
    }

    /** Builds the model the file describes on the given backend and loads its weights. */
    public static Sequential load(Path file, Backend backend) {
        Contents c = read(file);
        Sequential model;
        try {
            model = Layers.sequential(c.header.get("model"), 0, backend, new Layers.Inits(Init.constant(0), Init.constant(0), new Rng(0)),
                    file.toString(), "$.model");
        } catch (UserError e) {
            throw new UserError(file + ": the architecture does not build: " + e.getMessage(), e);
        }
        copyInto(file, c, model);
        return model;
    }

    /** Loads the file's weights into an existing model of the same shapes. */
    public static void loadInto(Path file, Sequential model) {
        copyInto(file, read(file), model);
    }

    private record Contents(JsonNode header, ByteBuffer floats, long count) {}

    private static Contents read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such model file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        }
        int fixed = MAGIC.length + 8;
        if (bytes.length < fixed) throw new UserError(file + ": truncated: " + bytes.length + " bytes, shorter than the " + fixed + "-byte header");
        if (!Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC)) throw new UserError(file + ": not a jgym model file (bad magic bytes)");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != VERSION) {
            throw new UserError(file + ": model format version " + version + " is not supported (this jgym reads version " + VERSION + ")");
        }
        int jsonLength = buf.getInt();
        if (jsonLength < 0 || (long) fixed + jsonLength + 8 > bytes.length) {
            throw new UserError(file + ": truncated: the header needs " + ((long) fixed + jsonLength + 8) + " bytes, the file has " + bytes.length);
        }
        buf.position(fixed + jsonLength);
        long count = buf.getLong();
        long expected = (long) fixed + jsonLength + 8 + 4 * count + 4;
        if (count < 0 || bytes.length < expected) {
            throw new UserError(file + ": truncated: expected " + expected + " bytes (" + count + " weights), found " + bytes.length);
        }
        if (bytes.length > expected) throw new UserError(file + ": corrupt: " + (bytes.length - expected) + " unexpected bytes after the checksum");
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, (int) expected - 4);
        int stored = ByteBuffer.wrap(bytes, (int) expected - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (stored != (int) crc.getValue()) {
            throw new UserError(file + ": corrupt: checksum mismatch (stored " + Integer.toHexString(stored) + ", computed "
                    + Long.toHexString(crc.getValue()) + ")");
        }
        JsonNode header;
        try {
            header = Json.MAPPER.readTree(new String(bytes, fixed, jsonLength, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserError(file + ": corrupt: the JSON header does not parse (" + e.getMessage() + ")");
        }
        if (header == null || !header.has("model") || !header.path("tensors").isArray()) {
            throw new UserError(file + ": corrupt: the JSON header lacks \"model\" or \"tensors\"");
        }
        ByteBuffer floats = ByteBuffer.wrap(bytes, fixed + jsonLength + 8, (int) (4 * count)).slice().order(ByteOrder.LITTLE_ENDIAN);
        return new Contents(header, floats, count);
    }

    private static void copyInto(Path file, Contents c, Sequential model) {
        List<Param> params = model.params();
        List<String> names = names(model);
        JsonNode tensors = c.header.get("tensors");
        if (tensors.size() != params.size()) {
            throw new UserError(file + ": shape mismatch: the file holds " + tensors.size() + " tensors, the model has " + params.size());
        }
        long total = 0;
        for (int i = 0; i < params.size(); i++) {
            JsonNode t = tensors.get(i);
            int[] shape = new int[t.path("shape").size()];
            for (int d = 0; d < shape.length; d++) shape[d] = t.path("shape").get(d).asInt();
            int[] want = params.get(i).value().shape();
            String name = t.path("name").asText();
            if (!name.equals(names.get(i)) || !Arrays.equals(shape, want)) {
                throw new UserError(file + ": shape mismatch: tensor " + i + " is " + name + " " + Arrays.toString(shape)
                        + " in the file, " + names.get(i) + " " + Arrays.toString(want) + " in the model");
            }
            total += params.get(i).value().size();
        }
        if (total != c.count) throw new UserError(file + ": corrupt: the tensors need " + total + " weights, the file holds " + c.count);
        ByteBuffer f = c.floats.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (Param p : params) {
            float[] d = p.value().data();
            for (int i = 0; i < d.length; i++) d[i] = f.getFloat();
        }
    }

    private static List<String> names(Sequential model) {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            for (Param p : model.layers().get(i).params()) names.add(i + "." + p.name());
        }
        return names;
    }
}
