package dev.jgym.experiments.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgym.agents.dqn.DqnConfig;
import dev.jgym.agents.dqn.DqnLearner;
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
 * DQN training throughput on CartPole-v1 in env steps/s: the training loop of {@code DqnTraining}
 * (epsilon-greedy act, env step, store, gradient steps, Polyak target update every step) after the
 * buffer holds 5,000 transitions.
 * <ul>
 *   <li>{@code perStep}: one gradient step per env step, batch 64, hidden 64-64 (the target);
 *   <li>{@code cleanrl}: CleanRL's dqn.py settings: batch 128, hidden 120-84, one update per 10 env steps;
 *   <li>{@code collectOnly} (baseline): the same loop without gradient steps (acting, env, replay).
 * </ul>
 * One operation is one env step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx2g"})
public class DqnBenchmark {
    static final int STEPS = 1000;

    @Param({"1", "2"})
    public int threads;

    @Param({"perStep", "cleanrl", "collectOnly"})
    public String setting;

    private CpuBackend backend;
    private DqnLearner learner;
    private Env<float[], Integer> env;
    private float[] obs;
    private int trainFrequency;
    private boolean train;
    private long t;

    @SuppressWarnings("unchecked")
    @Setup(Level.Trial)
    public void setUp() {
        ObjectNode cfg = (ObjectNode) Json.readTree(Path.of("configs", "dqn", "cartpole.json"));
        ObjectNode d = (ObjectNode) cfg.get("dqn");
        if (setting.equals("cleanrl")) {
            d.put("batch_size", 128).put("train_frequency", 10);
            ((ObjectNode) d.get("network")).putArray("hidden").add(120).add(84);
        }
        DqnConfig config = Json.bind(cfg, DqnConfig.class, "bench", "$");
        train = !setting.equals("collectOnly");
        trainFrequency = config.dqn().trainFrequency();
        backend = new CpuBackend(threads);
        env = (Env<float[], Integer>) (Env<?, ?>) EnvRegistry.make("CartPole-v1");
        learner = new DqnLearner(config.dqn(), backend, 4, 2, new Rng(1));
        obs = env.reset(1L, java.util.Map.of()).observation().clone();
        for (int i = 0; i < 5000; i++) step(false);
    }

    private void step(boolean update) {
        int a = learner.act(obs, 0.05);
        Step<float[]> s = env.step(a);
        learner.observe(obs, a, s.reward(), s.observation(), s.terminated(), s.truncated());
        t++;
        if (update && t % trainFrequency == 0) learner.trainStep(1.0);
        if (update) learner.updateTarget();
        System.arraycopy(s.done() ? env.reset().observation() : s.observation(), 0, obs, 0, obs.length);
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
