package dev.jgym.experiments.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.rng.Rng;
import dev.jgym.experiments.lm.CharLm;
import dev.jgym.experiments.lm.LmConfig;
import dev.jgym.nn.Param;
import dev.jgym.nn.Tensor;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.nn.layers.TransformerBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The attention issue's speed figures, beside the PyTorch peer {@code scripts/transformer_torch.py}
 * (the same shapes; {@code scripts/bench-transformer.sh} runs both, interleaved):
 * <ul>
 *   <li>{@code blockForwardBackward}: one pre-LN causal {@link TransformerBlock} (batch 32,
 *       sequence 128, width 256, 4 heads, MLP 1024), forward then backward of a fixed dL/dy.
 *       Tokens/s = 32 * 128 / (ms * 1e-3).
 *   <li>{@code charLmTrain50Steps}: 50 training steps of {@code configs/moby-transformer.json}
 *       (2 blocks, width 64, batches of 32 x 64 characters, AdamW, clipping, the schedule) on
 *       the Moby-Dick text ({@code scripts/fetch-data.sh moby-dick}), one evaluation window at
 *       the end. Training tokens/s = 50 * 32 * 64 / (ms * 1e-3).
 *   <li>{@code charLstmTrain50Steps}: the same for its LSTM baseline {@code configs/moby-lstm.json}
 *       (the steps/s behind the equal wall-clock budget of {@code CharLmLearningTest}).
 * </ul>
 * The thread count is the {@code jgym.threads} system property (1 unless set), so that a script
 * pins it the same for both sides. On a loaded machine wall time measures the scheduler more than
 * the code: {@link #main} times the same methods by the process's CPU time as well (the peer
 * reports {@code time.process_time()} beside its wall time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class TransformerBenchmark {
    static final int BATCH = 32, STEPS = 128, WIDTH = 256, HEADS = 4, LM_STEPS = 50;

    private int threads;
    private CpuBackend backend;
    private TransformerBlock block;
    private Tensor x, dy;
    private CharLm lm, lstm;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        threads = Integer.getInteger("jgym.threads", 1);
        backend = new CpuBackend(threads);
        Rng rng = new Rng(3);
        block = new TransformerBlock(backend, WIDTH, HEADS, STEPS, 4 * WIDTH, true, 0, rng.child("block"));
        x = Tensor.zeros(BATCH, STEPS * WIDTH);
        dy = Tensor.zeros(BATCH, STEPS * WIDTH);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = (float) rng.gaussian();
            dy.data()[i] = (float) (1e-3 * rng.gaussian());
        }
        lm = shortRun("moby-transformer.json");
        lstm = shortRun("moby-lstm.json");
    }

    /** The shipped config cut to LM_STEPS steps and one validation window, its corpus loaded (outside the timing). */
    private static CharLm shortRun(String name) throws Exception {
        ObjectNode cfg = (ObjectNode) Json.readTree(Path.of("configs", name));
        ((ObjectNode) cfg.get("training")).put("steps", LM_STEPS).put("warmup_steps", 10).put("eval_every", LM_STEPS).put("eval_windows", 1);
        Path file = Files.createTempFile("moby-bench", ".json");
        Files.write(file, Json.MAPPER.writeValueAsBytes(cfg));
        CharLm run = new CharLm(LmConfig.read(file), file.toString());
        run.corpus();
        return run;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }

    /**
     * {@code java -cp benchmarks.jar dev.jgym.experiments.bench.TransformerBenchmark [threads] [calls]}:
     * each measure called {@code calls} times after two warm-up calls, printing wall and process
     * CPU milliseconds per call and tokens/s by each.
     */
    public static void main(String[] args) throws Exception {
        System.setProperty("jgym.threads", args.length > 0 ? args[0] : "1");
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TransformerBenchmark b = new TransformerBenchmark();
        b.setUp();
        try {
            time("block forward+backward (32 x 128 x 256, 4 heads)", BATCH * STEPS, calls, b::blockForwardBackward);
            time("char LM, 50 training steps (32 x 64 characters each)", LM_STEPS * 32 * 64, calls, b::charLmTrain50Steps);
            time("char LSTM, 50 training steps (32 x 64 characters each)", LM_STEPS * 32 * 64, calls, b::charLstmTrain50Steps);
        } finally {
            b.tearDown();
        }
    }

    private static void time(String what, long tokens, int calls, java.util.concurrent.Callable<?> call) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < 2; i++) call.call();
        long wall = System.nanoTime(), cpu = os.getProcessCpuTime();
        for (int i = 0; i < calls; i++) call.call();
        double wallMs = (System.nanoTime() - wall) / 1e6 / calls, cpuMs = (os.getProcessCpuTime() - cpu) / 1e6 / calls;
        System.out.printf("jgym %s: wall %.1f ms (%,.0f tokens/s), CPU %.1f ms (%,.0f tokens/s)%n", what, wallMs, tokens / wallMs * 1e3, cpuMs, tokens / cpuMs * 1e3);
    }

    @Benchmark
    public Tensor blockForwardBackward() {
        for (Param p : block.params()) p.grad().fill(0f);
        block.forward(x);
        return block.backward(dy, true);
    }

    @Benchmark
    public double charLmTrain50Steps() {
        return lm.run(null, threads, n -> { }).finalValBpc();
    }

    @Benchmark
    public double charLstmTrain50Steps() {
        return lstm.run(null, threads, n -> { }).finalValBpc();
    }
}
