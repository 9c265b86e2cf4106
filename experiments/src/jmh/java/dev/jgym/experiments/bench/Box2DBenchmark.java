package dev.jgym.experiments.bench;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * (next-step autoreset), counted in env steps. Random play falls early: the walker's episodes last
 * about 60-100 steps, the lander's about 100, so a reset (a new world) comes every ~100 steps.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Thread)
public class Box2DBenchmark {
    static final int STEPS = 1024, ENVS = 16;

    Env<Object, Object> lander, landerContinuous, walker;
    final Object[] discrete = new Object[STEPS], twoD = new Object[STEPS], fourD = new Object[STEPS];

    @Setup
    public void setup() {
        lander = EnvRegistry.make("LunarLander-v3");
        landerContinuous = EnvRegistry.make("LunarLander-v3", Map.of("continuous", true));
        walker = EnvRegistry.make("BipedalWalker-v3");
        lander.reset(1L, Map.of());
        landerContinuous.reset(1L, Map.of());
        walker.reset(1L, Map.of());
        Rng r = new Rng(7);
        for (int i = 0; i < STEPS; i++) {
            discrete[i] = r.nextInt(4);
            twoD[i] = uniform(r, 2);
            fourD[i] = uniform(r, 4);
        }
    }

    static float[] uniform(Rng r, int n) {
        float[] a = new float[n];
        for (int j = 0; j < n; j++) a[j] = (float) r.uniform(-1, 1);
        return a;
    }

    @TearDown
    public void close() {
        lander.close();
        landerContinuous.close();
        walker.close();
    }

    private static double run(Env<Object, Object> env, Object[] actions) {
        double sum = 0;
        for (int i = 0; i < STEPS; i++) {
            Step<Object> s = env.step(actions[i]);
            sum += s.reward();
            if (s.done()) env.reset();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double lunarLander() {
        return run(lander, discrete);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double lunarLanderContinuous() {
        return run(landerContinuous, twoD);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double bipedalWalker() {
        return run(walker, fourD);
    }

    /** 16 sub-envs of each on {@code threads} worker threads. */
    @State(Scope.Thread)
    public static class Vectors {
        @Param({"1", "2"})
        public int threads;

        SyncVectorEnv lander, walker;
        final int[][] discrete = new int[STEPS / ENVS][ENVS];
        final float[][] fourD = new float[STEPS / ENVS][];

        @Setup(Level.Trial)
        public void setup() {
            lander = SyncVectorEnv.make("LunarLander-v3", Map.of(), ENVS, threads, AutoresetMode.NEXT_STEP);
            walker = SyncVectorEnv.make("BipedalWalker-v3", Map.of(), ENVS, threads, AutoresetMode.NEXT_STEP);
            lander.reset(1L);
            walker.reset(1L);
            Rng r = new Rng(7);
            for (int t = 0; t < STEPS / ENVS; t++) {
                for (int i = 0; i < ENVS; i++) discrete[t][i] = r.nextInt(4);
                fourD[t] = uniform(r, 4 * ENVS);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            lander.close();
            walker.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double lunarLanderVector16(Vectors v) {
        for (int[] a : v.discrete) v.lander.step(a);
        return v.lander.rewards()[0];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double bipedalWalkerVector16(Vectors v) {
        for (float[] a : v.fourD) v.walker.step(a);
        return v.walker.rewards()[0];
    }
}
