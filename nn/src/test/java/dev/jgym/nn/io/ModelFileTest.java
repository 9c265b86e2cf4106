package dev.jgym.nn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.UserError;
import dev.jgym.nn.ActivationKind;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Activation;
import dev.jgym.nn.layers.BatchNorm1d;
import dev.jgym.nn.layers.Dense;
import dev.jgym.nn.layers.Dropout;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.core.rng.Rng;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files: a round trip gives identical outputs; each kind of broken file says what is wrong. */
class ModelFileTest {
    static final CpuBackend BE = new CpuBackend(1);

    @TempDir
    Path dir;

    @AfterAll
    static void close() {
        BE.close();
    }

    static Sequential model(int hidden, long seed) {
        Rng rng = new Rng(seed);
        return Sequential.of(new Dense(BE, 6, hidden, rng), new BatchNorm1d(BE, hidden), new Activation(BE, ActivationKind.LEAKY_RELU, 0.2f),
                new Dropout(BE, 0.3, rng.child("d")), new Dense(BE, hidden, 3, rng), new Activation(BE, ActivationKind.ELU, 0.5f));
    }

    static Tensor input() {
        Tensor x = Tensor.zeros(5, 6);
        Rng rng = new Rng(99);
        for (int i = 0; i < x.size(); i++) x.data()[i] = (float) rng.gaussian();
        return x;
    }

    private Path saved() {
        Sequential m = model(8, 1);
        m.forward(input()); // moves the running statistics away from their start
        m.eval();
        Path file = dir.resolve("m.jgm");
        ModelFile.save(file, m);
        return file;
    }

    @Test
    @DisplayName("save, load (architecture from the file), identical outputs bit for bit in eval mode")
    void roundTrip() {
        Sequential m = model(8, 1);
        m.forward(input());
        m.eval();
        Tensor want = m.forward(input());
        Path file = dir.resolve("m.jgm");
        ModelFile.save(file, m);
        Sequential loaded = ModelFile.load(file, BE);
        loaded.eval();
        assertTrue(want.bitEquals(loaded.forward(input())), "load");
        Sequential other = model(8, 2);
        ModelFile.loadInto(file, other);
        other.eval();
        assertTrue(want.bitEquals(other.forward(input())), "loadInto");
        assertArrayEquals(m.spec().toString().getBytes(), loaded.spec().toString().getBytes(), "same architecture");
    }

    static void expect(Path file, String fragment) {
        UserError e = assertThrows(UserError.class, () -> ModelFile.load(file, BE));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    @DisplayName("truncated, corrupt (a flipped weight bit), wrong version, bad magic, shape mismatch, missing: each one clear line")
    void brokenFiles() throws IOException {
        byte[] good = Files.readAllBytes(saved());

        Path truncated = dir.resolve("truncated.jgm");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 40));
        expect(truncated, "truncated: expected " + good.length + " bytes");
        Path tiny = dir.resolve("tiny.jgm");
        Files.write(tiny, java.util.Arrays.copyOf(good, 10));
        expect(tiny, "truncated");

        Path corrupt = dir.resolve("corrupt.jgm");
        byte[] flipped = good.clone();
        flipped[good.length - 20] ^= 0x10;
        Files.write(corrupt, flipped);
        expect(corrupt, "corrupt: checksum mismatch");

        Path version = dir.resolve("version.jgm");
        byte[] v2 = good.clone();
        ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 2);
        Files.write(version, v2);
        expect(version, "model format version 2 is not supported (this jgym reads version 1)");

        Path magic = dir.resolve("magic.jgm");
        byte[] m = good.clone();
        m[0] = 'X';
        Files.write(magic, m);
        expect(magic, "not a jgym model file");

        expect(dir.resolve("nothing.jgm"), "no such model file");

        Path file = saved();
        UserError e = assertThrows(UserError.class, () -> ModelFile.loadInto(file, model(9, 1)));
        assertTrue(e.getMessage().contains("shape mismatch: tensor 0 is 0.weight [8, 6] in the file, 0.weight [9, 6] in the model"), e.getMessage());
    }
}
