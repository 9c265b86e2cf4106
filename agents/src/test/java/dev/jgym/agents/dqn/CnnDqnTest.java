package dev.jgym.agents.dqn;

import dev.jgym.nn.optim.OptimizerConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.nn.Init;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.MultiBinary;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CNN encoder in front of the DQN's Q-head: gradients, observation layouts, compact replay, refusals, determinism. */
class CnnDqnTest {

    static JsonNode json(String s) {
        try {
            return Json.MAPPER.readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short MinAtar run: MinAtar's network (smaller), centered RMSProp, learning from step 200. */
    static DqnConfig minatar(String env, String encoder, String extra) {
        String cfg = "{\"name\": \"m\", \"seed\": 5, \"env\": {\"id\": \"" + env + "\"},"
                + "\"dqn\": {\"total_steps\": 900, \"buffer_size\": 500, \"batch_size\": 16, \"learning_starts\": 200, \"target_update_interval\": 100,"
                + "\"exploration_fraction\": 0.5, \"max_grad_norm\": 0" + extra + ","
                + "\"network\": {\"encoder\": " + encoder + ", \"hidden\": [32], \"observation\": {\"layout\": \"hwc\"}},"
                + "\"optimizer\": {\"type\": \"rmsprop\", \"lr\": 0.001, \"alpha\": 0.95, \"eps\": 0.01, \"centered\": true}},"
                + "\"evaluation\": {\"interval\": 450, \"episodes\": 2, \"final_episodes\": 2}, \"checkpoint\": {\"interval\": 300}}";
        return Json.bind(json(cfg), DqnConfig.class, "test.json", "$");
    }

    static final String CONV = "[{\"type\": \"conv2d\", \"out_channels\": 4, \"kernel\": 3}, {\"type\": \"relu\"}, {\"type\": \"flatten\"}]";

    @Test
    @DisplayName("Gradient check through encoder + MLP (conv, max pooling, tanh; plain and dueling heads): every parameter within 2% of central differences")
    void encoderGradientCheck() {
        JsonNode spec = json("[{\"type\": \"conv2d\", \"out_channels\": 3, \"kernel\": 3, \"padding\": 1}, {\"type\": \"tanh\"},"
                + " {\"type\": \"maxpool2d\", \"kernel\": 2}, {\"type\": \"conv2d\", \"out_channels\": 2, \"kernel\": 2}, {\"type\": \"tanh\"}, {\"type\": \"flatten\"}]");
        int[] shape = {2, 6, 6};
        int rows = 3, actions = 3, in = 72;
        for (boolean dueling : new boolean[] {false, true}) {
            try (CpuBackend be = new CpuBackend(1)) {
                Encoder enc = Encoder.build(spec, shape, be, Init.parse("xavier_uniform"), new Rng(11), "t", "$.encoder");
                assertEquals(2 * 2 * 2, enc.outputSize(), "6x6 -> conv pad 1 -> 6x6 -> pool -> 3x3 -> conv k2 -> 2x2, 2 channels");
                QNetwork net = new QNetwork(be, enc, in, new int[] {5}, "tanh", actions, dueling, Init.parse("xavier_uniform"), new Rng(12));
                Rng r = new Rng(13);
                Tensor x = Tensor.zeros(rows, in);
                for (int i = 0; i < x.size(); i++) x.data()[i] = (float) (r.nextDouble() * 2 - 1);
                float[] c = new float[rows * actions];
                for (int i = 0; i < c.length; i++) c[i] = (float) (r.nextDouble() * 2 - 1);
                QNetwork.Pass p = net.pass(rows);
                net.forward(p, x);
                System.arraycopy(c, 0, p.dq.data(), 0, c.length);
                for (Param q : net.params()) java.util.Arrays.fill(q.grad().data(), 0f);
                net.backward(p);
                int checked = 0;
                for (Param q : net.params()) {
                    float[] w = q.value().data();
                    for (int i = 0; i < w.length; i += Math.max(1, w.length / 7)) {
                        float keep = w[i];
                        double h = 1e-2;
                        w[i] = (float) (keep + h);
                        double up = dot(net.forward(p, x).data(), c);
                        w[i] = (float) (keep - h);
                        double down = dot(net.forward(p, x).data(), c);
                        w[i] = keep;
                        double numeric = (up - down) / (2 * h), analytic = q.grad().data()[i];
                        assertEquals(numeric, analytic, 0.02 * Math.max(1e-1, Math.abs(numeric)), q.name() + "[" + i + "] dueling " + dueling);
                        checked++;
                    }
                }
                assertTrue(checked > 40, "checked " + checked);
                assertEquals(4 + 2 * 2 + (dueling ? 2 : 0), net.params().size(), "2 convs, hidden, head (and V): weights and biases");
            }
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < b.length; i++) s += (double) a[i] * b[i];
        return s;
    }

    @Test
    @DisplayName("Layout hwc: a [2, 3, 2] channel-last grid becomes [C, H, W]; chw copies; MinAtar's observation has every channel where MinAtar puts it")
    void layout() {
        DqnConfig.NetworkSettings hwc = new DqnConfig.NetworkSettings(null, null, null, null, null, new DqnConfig.ObservationSettings("hwc", null));
        ObservationView v = ObservationView.of(hwc, new MultiBinary(2, 3, 2), "x", "t");
        assertArrayEquals(new int[] {2, 2, 3}, v.shape());
        assertTrue(v.compact());
        // (row, col, channel) channel-last: cell (r, k) holds [a, b]
        int[] obs = {1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 1};
        float[] out = new float[12];
        v.read(obs, out);
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0, /* channel 1 */ 0, 1, 1, 0, 0, 1}, out);
        DqnConfig.NetworkSettings chw = new DqnConfig.NetworkSettings(null, null, null, null, null, new DqnConfig.ObservationSettings("chw", null));
        ObservationView c = ObservationView.of(chw, Box.uniform(0, 1, 2, 2, 3), "x", "t");
        assertFalse(c.compact());
        float[] f = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        c.read(f, out);
        assertArrayEquals(f, out);

        Env<?, ?> env = EnvRegistry.make("MinAtar/Breakout-v1", null);
        int[] o = (int[]) env.reset(3L, java.util.Map.of()).observation();
        ObservationView m = ObservationView.of(hwc, env.observationSpace(), "MinAtar/Breakout-v1", "t");
        float[] x = new float[400];
        m.read(o, x);
        for (int r = 0; r < 10; r++) for (int k = 0; k < 10; k++) for (int ch = 0; ch < 4; ch++) {
            assertEquals(o[(r * 10 + k) * 4 + ch], x[ch * 100 + r * 10 + k]);
        }
        env.close();
    }

    @Test
    @DisplayName("Compact replay: binary grids and pixels (v / 255) come back as the same floats from bytes; a value off the grid is refused")
    void compactReplay() {
        for (float scale : new float[] {1f, 1f / 255f}) {
            ReplayBuffer b = new ReplayBuffer(4, 5, false, 0, scale);
            assertTrue(b.compact());
            assertNull(b.obs, "no float copy of the observations");
            float[] s = new float[5], s2 = new float[5];
            for (int j = 0; j < 5; j++) {
                s[j] = (j * 61 % 256) * scale;
                s2[j] = (255 - j) * scale;
            }
            b.add(s, 2, 1.5f, s2, 0.99f);
            float[] gs = new float[10], gs2 = new float[10], r = new float[2], d = new float[2];
            int[] a = new int[2];
            b.gather(new int[] {0, 0}, 2, gs, a, r, gs2, d);
            for (int j = 0; j < 5; j++) {
                assertEquals(Float.floatToIntBits(s[j]), Float.floatToIntBits(gs[5 + j]), "s[" + j + "]");
                assertEquals(Float.floatToIntBits(s2[j]), Float.floatToIntBits(gs2[j]), "s'[" + j + "]");
            }
            assertEquals(2, a[1]);
            assertEquals(1.5f, r[0]);
        }
        ReplayBuffer b = new ReplayBuffer(2, 1, false, 0, 1f);
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[] {0.5f}, 0, 0f, new float[] {0f}, 1f));
        assertThrows(IllegalArgumentException.class, () -> b.add(new float[] {256f}, 0, 0f, new float[] {0f}, 1f));
    }

    @Test
    @DisplayName("Refused with the field named: a kernel larger than the grid, a channel count that is not the input's, a dropout layer, a grid without a layout")
    void badConfigs() {
        UserError e = assertThrows(UserError.class, () -> new DqnTraining(minatar("MinAtar/Breakout-v1",
                "[{\"type\": \"conv2d\", \"out_channels\": 4, \"kernel\": 11}, {\"type\": \"flatten\"}]", ""), "b.json").validate());
        assertTrue(e.getMessage().startsWith("b.json: $.dqn.network.encoder[0]: "), e.getMessage());
        assertTrue(e.getMessage().contains("does not fit a 10x10 input"), e.getMessage());
        e = assertThrows(UserError.class, () -> new DqnTraining(minatar("MinAtar/Breakout-v1",
                "[{\"type\": \"conv2d\", \"in_channels\": 3, \"out_channels\": 4, \"kernel\": 3}]", ""), "b.json").validate());
        assertTrue(e.getMessage().startsWith("b.json: $.dqn.network.encoder[0]: expected an input of 4x10x10"), e.getMessage());
        e = assertThrows(UserError.class, () -> new DqnTraining(minatar("MinAtar/Breakout-v1",
                "[{\"type\": \"conv2d\", \"out_channels\": 4, \"kernel\": 3}, {\"type\": \"dropout\"}]", ""), "b.json").validate());
        assertTrue(e.getMessage().startsWith("b.json: $.dqn.network.encoder[1].type: \"dropout\" cannot be part of a DQN encoder"), e.getMessage());
        e = assertThrows(UserError.class, () -> new DqnTraining(DqnTrainingTest.config("MinAtar/Breakout-v1", false, ""), "b.json").validate());
        assertTrue(e.getMessage().startsWith("b.json: $.env.id: DQN needs a one-dimensional Box observation space (or $.dqn.network.observation"), e.getMessage());
        e = assertThrows(UserError.class, () -> new DqnTraining(minatar("CartPole-v1", CONV, ""), "b.json").validate());
        assertTrue(e.getMessage().startsWith("b.json: $.dqn.network.observation.layout: expected a 3-D Box or MultiBinary"), e.getMessage());
        e = assertThrows(UserError.class, () -> Json.bind(json("{\"layout\": \"nhwc\"}"), DqnConfig.ObservationSettings.class, "b.json", "$.dqn.network.observation"));
        assertTrue(e.getMessage().startsWith("b.json: $.dqn.network.observation.layout: expected \"hwc\" or \"chw\""), e.getMessage());
        e = assertThrows(UserError.class, () -> Json.bind(json("{\"type\": \"adam\", \"lr\": 0.1, \"centered\": true}"),
                dev.jgym.nn.optim.OptimizerConfig.class, "b.json", "$.dqn.optimizer"));
        assertTrue(e.getMessage().startsWith("b.json: $.dqn.optimizer.centered: only used with type \"rmsprop\""), e.getMessage());
    }

    @Test
    @DisplayName("MinAtar Breakout with a conv encoder: 1 and 2 CPU threads give the same run bit for bit; a resumed run equals the uninterrupted one")
    void determinismAndResume(@TempDir Path dir) {
        DqnConfig cfg = minatar("MinAtar/Breakout-v1", CONV, "");
        DqnTraining.Result one = new DqnTraining(cfg, "t.json").threads(1).run();
        DqnTraining.Result two = new DqnTraining(cfg, "t.json").threads(2).run();
        assertTrue(one.updates() >= 690, "updates " + one.updates());
        assertTrue(((DqnLearner) one.learner()).buffer().compact());
        DqnTrainingTest.assertSameRun(one, two);
        Path ckpt = dir.resolve("c.jgc");
        assertNull(new DqnTraining(cfg, "t.json").checkpointTo(ckpt).stopAfter(555).run());
        DqnTraining.Result resumed = new DqnTraining(cfg, "t.json").threads(2).resumeFrom(Checkpoint.read(ckpt)).run();
        DqnTrainingTest.assertSameRun(one, resumed);
        // a checkpoint of another encoder is refused, naming the field
        DqnConfig other = minatar("MinAtar/Breakout-v1", CONV.replace("\"out_channels\": 4", "\"out_channels\": 8"), "");
        UserError e = assertThrows(UserError.class, () -> new DqnTraining(other, "o.json").resumeFrom(Checkpoint.read(ckpt)).run());
        assertTrue(e.getMessage().contains(": encoder is "), e.getMessage());
    }

    @Test
    @DisplayName("Pixels: a MazeRunner seen as 15x15 grayscale renders (values k / 255) trains, and its evaluation replays re-simulate bit for bit")
    void pixelMazeAndReplays(@TempDir Path dir) throws Exception {
        String cfg = "{\"name\": \"px\", \"seed\": 2, \"env\": {\"id\": \"MazeRunner-v0\", \"options\": {\"width\": 3, \"height\": 3, \"maze_seed\": 4}},"
                + "\"dqn\": {\"total_steps\": 400, \"buffer_size\": 300, \"batch_size\": 8, \"learning_starts\": 100,"
                + "\"network\": {\"encoder\": [{\"type\": \"conv2d\", \"out_channels\": 4, \"kernel\": 3, \"stride\": 2}, {\"type\": \"relu\"}, {\"type\": \"flatten\"}],"
                + " \"hidden\": [16], \"observation\": {\"pixels\": {\"width\": 15, \"height\": 15}}}, \"optimizer\": {\"type\": \"adam\", \"lr\": 0.001}},"
                + "\"evaluation\": {\"interval\": 200, \"episodes\": 1, \"final_episodes\": 1, \"threshold\": 2}}";
        Path file = dir.resolve("px.json");
        Files.writeString(file, cfg);
        DqnConfig config = DqnConfig.read(file);
        Env<?, ?> env = EnvRegistry.make("MazeRunner-v0", config.env().options());
        env.reset(1L, java.util.Map.of());
        ObservationView v = ObservationView.of(config.dqn().network(), env.observationSpace(), "MazeRunner-v0", "t").on(env);
        assertArrayEquals(new int[] {1, 15, 15}, v.shape());
        float[] x = new float[v.size()];
        v.read(null, x);
        java.util.Set<Float> values = new java.util.TreeSet<>();
        for (float f : x) {
            assertEquals(Math.round(f * 255), f * 255, 1e-3, "a whole number of 255ths");
            values.add(f);
        }
        assertTrue(values.size() >= 3, "walls, floor, agent and goal differ: " + values);
        env.close();

        assertTrue(trainAndVerifyReplays(file, dir.resolve("out")) >= 2, "final + evaluation 0");
    }

    /** Trains {@code file} through its experiment kind (what {@code jgym train} runs), then every replay it recorded re-simulates bit for bit; returns how many. */
    private static int trainAndVerifyReplays(Path file, Path out) throws java.io.IOException {
        java.nio.file.Files.createDirectories(out);
        new DqnKind().prepare(file, dev.jgym.agents.run.RunOptions.threads(2))
                .run(out, dev.jgym.agents.run.Progress.NONE, new dev.jgym.agents.run.StopSignal());
        List<Path> replays = ReplayFiles.find(out);
        for (Path f : replays) {
            ReplayVerifier.Report report = ReplayVerifier.verify(f);
            assertTrue(report.ok(), f + ": " + report.summary());
        }
        return replays.size();
    }

    @Test
    @DisplayName("A MinAtar run's evaluation replays (int[] grid observations) re-simulate bit for bit")
    void minatarReplaysVerify(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(minatar("MinAtar/Freeway-v1", CONV, "")));
        assertTrue(trainAndVerifyReplays(file, dir.resolve("out")) >= 2, "final + evaluations 0 and 1");
    }
}
