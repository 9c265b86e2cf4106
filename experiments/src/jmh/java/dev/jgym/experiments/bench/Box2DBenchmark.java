package dev.jgym.experiments.bench;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Box2D env steps per second (issue 20): LunarLander-v3 (discrete and continuous) and
 * BipedalWalker-v3 as {@code EnvRegistry.make} builds them (time limit included), random actions
 * drawn beforehand, resets included; and {@link SyncVectorEnv}s of 16 of each on 1 and 2 threads
 * (next-step autoreset), counted in env steps. Random play ends episodes early, so resets (a new
 * world each) weigh more than under a trained policy. {@code singleEnv} ignores {@code threads}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Thread)
public class Box2DBenchmark {
    static final int STEPS = 1024, ENVS = 16;

    /** {@code lander}: LunarLander-v3, {@code lander-continuous}: its {@code continuous} option, {@code walker}: BipedalWalker-v3. */
    @Param({"lander", "lander-continuous", "walker"})
    public String env;

    /** Worker threads of the vector env (the single env ignores it). */
    @Param({"1", "2"})
    public int threads;

    Env<Object, Object> single;
    SyncVectorEnv vector;
    Object[] actions;
    final float[][] vectorActions = new float[STEPS / ENVS][];
    final int[][] vectorDiscrete = new int[STEPS / ENVS][];

    @Setup
    public void setup() {
        String id = env.startsWith("lander") ? "LunarLander-v3" : "BipedalWalker-v3";
        Map<String, Object> options = env.equals("lander-continuous") ? Map.of("continuous", true) : Map.of();
        int dims = env.equals("lander") ? 0 : env.equals("walker") ? 4 : 2; // 0: Discrete(4)
        single = EnvRegistry.make(id, options);
        single.reset(1L, Map.of());
        vector = SyncVectorEnv.make(id, options, ENVS, threads, AutoresetMode.NEXT_STEP);
        vector.reset(1L);
        Rng r = new Rng(7);
        actions = new Object[STEPS];
        for (int i = 0; i < STEPS; i++) actions[i] = dims == 0 ? (Object) r.nextInt(4) : uniform(r, dims);
        for (int t = 0; t < STEPS / ENVS; t++) {
            if (dims == 0) {
                vectorDiscrete[t] = new int[ENVS];
                for (int i = 0; i < ENVS; i++) vectorDiscrete[t][i] = r.nextInt(4);
            } else {
                vectorActions[t] = uniform(r, dims * ENVS);
            }
        }
    }

    static float[] uniform(Rng r, int n) {
        float[] a = new float[n];
        for (int j = 0; j < n; j++) a[j] = (float) r.uniform(-1, 1);
        return a;
    }

    @TearDown
    public void close() {
        single.close();
        vector.close();
    }

    /** One env as {@code EnvRegistry.make} builds it. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double singleEnv() {
        return EnvLoop.rewards(single, actions);
    }

    /** 16 sub-envs on {@code threads} threads, counted in env steps. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double vectorEnv16() {
        for (int t = 0; t < STEPS / ENVS; t++) {
            if (vectorDiscrete[t] != null) vector.step(vectorDiscrete[t]);
            else vector.step(vectorActions[t]);
        }
        return vector.rewards()[0];
    }
}
