package dev.jgym.experiments.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.dqn.DqnLearner;
import dev.jgym.agents.dqn.ObservationView;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.nn.cpu.CpuBackend;
import dev.jgym.core.rng.Rng;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * CNN-DQN training throughput on MinAtar Breakout in env steps/s, with
 * {@code configs/dqn/minatar-breakout.json}'s network (3x3 conv, 16 filters, 128 units; batch 32,
 * centered RMSProp): the loop of {@code DqnTraining} (epsilon-greedy act through the encoder, env
 * step, hwc-to-chw view, compact replay, gradient steps) after the buffer holds 5,000 transitions.
 * <ul>
 *   <li>{@code every4}: one gradient step per 4 env steps (the config's, as the Atari DQN);
 *   <li>{@code perStep}: one per env step (MinAtar's examples/dqn.py);
 *   <li>{@code collectOnly} (baseline): acting, env and replay without gradient steps.
 * </ul>
 * One operation is one env step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class CnnDqnBenchmark {
    static final int STEPS = 500;

    @Param({"1"})
    public int threads;

    @Param({"every4", "perStep", "collectOnly"})
    public String setting;

    private CpuBackend backend;
    private DqnLearner learner;
    private Env<?, Integer> env;
    private ObservationView view;
    private float[] obs, next;
    private int trainFrequency;
    private boolean train;
    private long t;

    @SuppressWarnings("unchecked")
    @Setup(Level.Trial)
    public void setUp() {
        ObjectNode cfg = (ObjectNode) Json.readTree(Path.of("configs", "dqn", "minatar-breakout.json"));
        if (setting.equals("perStep")) ((ObjectNode) cfg.get("dqn")).put("train_frequency", 1);
        DqnConfig config = Json.bind(cfg, DqnConfig.class, "bench", "$");
        train = !setting.equals("collectOnly");
        trainFrequency = config.dqn().trainFrequency();
        backend = new CpuBackend(threads);
        env = (Env<?, Integer>) (Env<?, ?>) EnvRegistry.make(config.env().id(), config.env().options());
        view = ObservationView.of(config.dqn().network(), env.observationSpace(), config.env().id(), "bench").on(env);
        learner = new DqnLearner(config.dqn(), backend, view, ((dev.jgym.core.space.Discrete) env.actionSpace()).n(), new Rng(1), "bench");
        obs = new float[view.size()];
        next = new float[view.size()];
        view.read(env.reset(1L, java.util.Map.of()).observation(), obs);
        for (int i = 0; i < 5000; i++) step(false);
    }

    private void step(boolean update) {
        int a = learner.act(obs, 0.1);
        Step<?> s = env.step(a);
        view.read(s.observation(), next);
        learner.observe(obs, a, s.reward(), next, s.terminated(), s.truncated());
        t++;
        if (update && t % trainFrequency == 0) learner.trainStep(1.0);
        if (update && t % 1000 == 0) learner.updateTarget();
        if (s.done()) {
            view.read(env.reset().observation(), obs);
        } else {
            float[] x = obs;
            obs = next;
            next = x;
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long envSteps() {
        for (int i = 0; i < STEPS; i++) step(train);
        return t;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        backend.close();
    }
}
