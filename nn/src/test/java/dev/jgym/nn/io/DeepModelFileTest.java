package dev.jgym.nn.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.core.config.Json;
import dev.jgym.nn.Init;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.Layers;
import dev.jgym.nn.layers.Sequential;
import dev.jgym.core.rng.Rng;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Save/load round trips for the CNN and recurrent model types: the loaded model gives the same bits. */
class DeepModelFileTest {
    @TempDir
    Path dir;

    static final String ALEXNET_STYLE = """
            [{"type": "conv2d", "out_channels": 8, "kernel": 5, "padding": 2}, {"type": "relu"},
             {"type": "maxpool2d", "kernel": 3, "stride": 2}, {"type": "lrn", "size": 5},
             {"type": "conv2d", "out_channels": 12, "kernel": 3, "padding": 1, "dilation": 1}, {"type": "batchnorm2d"}, {"type": "relu"},
             {"type": "avgpool2d", "kernel": 2}, {"type": "lrn"}, {"type": "flatten"},
             {"type": "dense", "out": 16}, {"type": "relu"}, {"type": "dropout", "p": 0.5}, {"type": "dense", "out": 10}]""";
    static final String GAP = """
            [{"type": "conv2d", "out_channels": 6, "kernel": [3, 2], "stride": 2}, {"type": "relu"}, {"type": "gap"}, {"type": "dense", "out": 3}]""";

    @ParameterizedTest
    @ValueSource(strings = {"alexnet", "gap", "rnn", "lstm", "gru"})
    @DisplayName("a model of each type (C-P-N-C-BN-P-N-F-F, conv + global average pooling, rnn, lstm, gru) saved and loaded gives bit-identical outputs")
    void roundTrip(String kind) throws Exception {
        String layers;
        int[] shape;
        switch (kind) {
            case "alexnet": layers = ALEXNET_STYLE; shape = new int[] {1, 16, 16}; break;
            case "gap": layers = GAP; shape = new int[] {2, 9, 8}; break;
            default:
                layers = "[{\"type\": \"" + kind + "\", \"hidden\": 7, \"return_sequences\": true}, {\"type\": \"" + kind + "\", \"hidden\": 5, \"bptt\": 2}, {\"type\": \"dense\", \"out\": 4}]";
                shape = new int[] {6, 3};
        }
        try (CpuBackend be = new CpuBackend(2)) {
            Sequential net = Layers.sequential(Json.MAPPER.readTree(layers), shape, be, new Layers.Inits(Init.heNormal(), Init.constant(0.01), new Rng(5)), "test", "$");
            int size = 1;
            for (int d : shape) size *= d;
            Tensor x = Tensor.zeros(4, size);
            Rng rng = new Rng(6);
            for (int i = 0; i < x.size(); i++) x.data()[i] = (float) rng.gaussian();
            net.forward(x); // moves batch-norm running statistics away from their start
            net.eval();
            Tensor y = net.forward(x);
            Path f = dir.resolve(kind + ".jgm");
            ModelFile.save(f, net);
            Sequential loaded = ModelFile.load(f, be);
            loaded.eval();
            assertEquals(net.spec(), loaded.spec());
            assertTrue(loaded.forward(x).bitEquals(y), kind + ": same outputs after the round trip");
        }
    }
}
