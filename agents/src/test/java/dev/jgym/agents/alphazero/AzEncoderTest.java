package dev.jgym.agents.alphazero;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import dev.jgym.envs.games.board.BoardGame;
import dev.jgym.nn.Param;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.optim.OptimizerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy-value network with a CNN encoder in front of its MLP (Connect Four's board as two planes). */
class AzEncoderTest {
    @TempDir
    Path dir;

    static final List<Map<String, Object>> ENCODER = List.of(
            Map.of("type", "conv2d", "out_channels", 4, "kernel", 3, "padding", 1), Map.of("type", "tanh"),
            Map.of("type", "conv2d", "out_channels", 3, "kernel", 3), Map.of("type", "tanh"), Map.of("type", "flatten"));

    static JsonNode encoder() {
        return Json.MAPPER.valueToTree(ENCODER);
    }

    /** 3 iterations of 4 Connect Four games, 8 simulations, 4 gradient steps; a conv encoder. */
    static AzConfig shortRun(Object encoder) {
        Map<String, Object> network = new java.util.HashMap<>(Map.of("hidden", List.of(16)));
        if (encoder != null) network.put("encoder", encoder);
        return Json.bind(Map.of("name", "az-conv", "seed", 5, "game", "connect4",
                "alphazero", Map.of("iterations", 3, "games_per_iteration", 4, "simulations", 8, "window", 8, "batch_size", 16,
                        "train_steps", 4, "network", network,
                        "optimizer", Map.of("type", "adam", "lr", 0.003)),
                "evaluation", Map.of("interval", 100, "games", 0, "opponent", "random"), "replays", false), AzConfig.class, "test");
    }

    @Test
    @DisplayName("gradient of the AlphaZero loss through MLP and conv encoder (the board transposed to planes): within 0.5% (relative, per tensor) of central differences, every parameter tensor")
    void gradientMatchesFiniteDifferences() {
        BoardGame game = AzModel.game("connect4");
        int inputs = game.observationSpace().size(), actions = game.actionSpace().n(), rows = 5;
        try (CpuBackend be = new CpuBackend(1)) {
            PolicyValueNet net = new PolicyValueNet(be, encoder(), AzModel.planes("connect4"), inputs, actions, new int[] {8}, "tanh",
                    new OptimizerConfig("sgd", 0.1, 0.0, 0.0), new Rng(7), "test", "encoder");
            Rng rng = new Rng(11);
            float[] x = new float[rows * inputs], pi = new float[rows * actions], z = new float[rows];
            byte[] masks = new byte[rows * actions];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < inputs / 2; c++) {
                    int v = rng.nextInt(3); // empty, the mover's, the other's
                    if (v > 0) x[r * inputs + 2 * c + v - 1] = 1;
                }
                double sum = 0;
                for (int a = 0; a < actions; a++) {
                    masks[r * actions + a] = (byte) (a == r ? 0 : 1);
                    if (masks[r * actions + a] != 0) sum += pi[r * actions + a] = (float) rng.uniform(0.1, 1);
                }
                for (int a = 0; a < actions; a++) pi[r * actions + a] /= (float) sum;
                z[r] = rng.nextInt(3) - 1;
            }
            for (Param p : net.params()) java.util.Arrays.fill(p.grad().data(), 0f);
            net.lossAndGradient(x, masks, pi, z, rows);
            assertEquals(8, net.params().size(), "two conv layers, a hidden and an output layer: weights and biases");
            List<float[]> grads = net.params().stream().map(p -> p.grad().data().clone()).toList(); // the next calls add to them
            for (int t = 0; t < grads.size(); t++) {
                Param p = net.params().get(t);
                float[] w = p.value().data(), g = grads.get(t);
                double num2 = 0, diff2 = 0;
                for (int i = 0; i < w.length; i += Math.max(1, w.length / 12)) {
                    float keep = w[i];
                    double h = 1e-2;
                    w[i] = (float) (keep + h);
                    double up = total(net.lossAndGradient(x, masks, pi, z, rows));
                    w[i] = (float) (keep - h);
                    double down = total(net.lossAndGradient(x, masks, pi, z, rows));
                    w[i] = keep;
                    double numeric = (up - down) / (2 * h);
                    num2 += numeric * numeric;
                    diff2 += (numeric - g[i]) * (numeric - g[i]);
                }
                assertTrue(num2 > 0, p.name() + ": a gradient to compare");
                assertTrue(Math.sqrt(diff2 / num2) < 0.005, t + " " + p.name() + ": relative error " + Math.sqrt(diff2 / num2));
            }
        }
    }

    private static double total(PolicyValueNet.Losses l) {
        return l.policy() + l.value();
    }

    private byte[] run(int threads, String name) throws Exception {
        Path ck = dir.resolve(name + ".jgc");
        AzTraining.Result r = new AzTraining(shortRun(ENCODER), "test").threads(threads).checkpointTo(ck).run();
        assertEquals(12, r.games().size());
        return Files.readAllBytes(ck);
    }

    @Test
    @DisplayName("with an encoder: the same checkpoint bytes with 1 and 2 threads and after a stop and resume; the model file plays; the header names the encoder")
    void threadsResumeAndModelFile() throws Exception {
        byte[] one = run(1, "one");
        assertArrayEquals(one, run(2, "two"));
        Path ck = dir.resolve("resumed.jgc");
        assertNull(new AzTraining(shortRun(ENCODER), "test").checkpointTo(ck).stopAfter(1).run(), "stopped");
        new AzTraining(shortRun(ENCODER), "test").threads(2).checkpointTo(ck).resumeFrom(AzCheckpoint.read(ck)).run();
        assertArrayEquals(one, Files.readAllBytes(ck));

        assertEquals(encoder(), AzCheckpoint.read(ck).header().get("encoder"));
        AzModel model = AzModel.load(ck);
        TwoPlayerEnv<int[]> game = AzModel.game("connect4");
        game.reset(1L);
        int move = model.player(8, "conv").networkMove(game);
        assertTrue(move >= 0 && move < 7, "a column: " + move);

        Path mlp = dir.resolve("mlp.jgc");
        new AzTraining(shortRun(null), "test").checkpointTo(mlp).run();
        assertNull(AzCheckpoint.read(mlp).header().get("encoder"), "no encoder: the header as before the setting");
        assertNotEquals(Files.size(mlp), Files.size(ck));
    }

    @Test
    @DisplayName("configs/selfplay/alphazero-connect4-conv.json: reads and validates; cut to one iteration of 4 games and 2 steps, it runs to a checkpoint with the encoder in its header")
    void shippedConvConfigRuns() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode root =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.readTree(Path.of("..", "configs", "selfplay", "alphazero-connect4-conv.json"));
        new AzTraining(Json.bind(root, AzConfig.class, "alphazero-connect4-conv.json", "$"), "alphazero-connect4-conv.json").validate();
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("alphazero")).put("iterations", 1).put("games_per_iteration", 4).put("simulations", 8)
                .put("train_steps", 2).put("batch_size", 16);
        root.put("replays", false);
        ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("evaluation")).put("games", 0);
        AzConfig cfg = Json.bind(root, AzConfig.class, "alphazero-connect4-conv.json", "$");
        Path ck = dir.resolve("conv.jgc");
        AzTraining.Result r = new AzTraining(cfg, "alphazero-connect4-conv.json").checkpointTo(ck).run();
        assertEquals(4, r.games().size());
        assertEquals(5, AzCheckpoint.read(ck).header().get("encoder").size());
    }

    @Test
    @DisplayName("an encoder that does not fit the board (a 9x9 kernel on 6x7) is one line naming the file and the field")
    void encoderThatDoesNotFit() {
        AzConfig cfg = shortRun(List.of(Map.of("type", "conv2d", "out_channels", 4, "kernel", 9)));
        UserError e = assertThrows(UserError.class, () -> new AzTraining(cfg, "cfg.json").validate());
        assertTrue(e.getMessage().startsWith("cfg.json: $.alphazero.network.encoder"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }
}
