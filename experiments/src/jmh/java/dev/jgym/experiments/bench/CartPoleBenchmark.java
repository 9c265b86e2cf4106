package dev.jgym.experiments.bench;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import dev.jgym.core.vector.AutoresetMode;
import dev.jgym.core.vector.SyncVectorEnv;
import dev.jgym.envs.control.CartPoleVectorEnv;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * CartPole env-steps per second (one op = one env-step):
 * <ul>
 *   <li>{@code singleEnvApi}: {@code EnvRegistry.make("CartPole-v1")} (TimeLimit, OrderEnforcing)
 *       stepped through {@code Env.step}, resetting when an episode ends;
 *   <li>{@code baselinePrimitiveLoop}: the same physics hand-written on four doubles, no API, no
 *       allocation (what one core can do at all);
 *   <li>{@code vectorSoa1Thread} / {@code vectorSoa2Threads}: {@link CartPoleVectorEnv} with 1024
 *       sub-envs, next-step autoreset;
 *   <li>{@code syncVector2Threads}: {@link SyncVectorEnv} over 1024 registry CartPoles, 2 threads.
 * </ul>
 * Actions come from a precomputed random table. Run with {@code -prof gc} for bytes per step.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Thread)
public class CartPoleBenchmark {
    static final int STEPS = 1000;
    static final int ENVS = 1024;
    static final int TABLES = 16;

    final int[] actionTable = new int[4096];
    final int[][] vectorActions = new int[TABLES][ENVS];
    int cursor, table;

    Env<float[], Integer> env;
    CartPoleVectorEnv soa1, soa2;
    SyncVectorEnv sync2;

    // baseline state
    double x, xDot, theta, thetaDot;
    int episodeSteps;
    Rng baselineRng;

    @Setup(Level.Trial)
    public void setup() {
        Rng rng = new Rng(3);
        for (int i = 0; i < actionTable.length; i++) actionTable[i] = rng.nextInt(2);
        for (int[] row : vectorActions) for (int i = 0; i < ENVS; i++) row[i] = rng.nextInt(2);
        env = EnvRegistry.make("CartPole-v1");
        env.reset(1L, Map.of());
        soa1 = new CartPoleVectorEnv(ENVS, 1, AutoresetMode.NEXT_STEP, 500, false);
        soa1.reset(1L);
        soa2 = new CartPoleVectorEnv(ENVS, 2, AutoresetMode.NEXT_STEP, 500, false);
        soa2.reset(1L);
        sync2 = SyncVectorEnv.make("CartPole-v1", Map.of(), ENVS, 2, AutoresetMode.NEXT_STEP);
        sync2.reset(1L);
        baselineRng = new Rng(1);
        baselineReset();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        soa1.close();
        soa2.close();
        sync2.close();
        env.close();
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double singleEnvApi() {
        double total = 0;
        for (int i = 0; i < STEPS; i++) {
            Step<float[]> s = env.step(actionTable[cursor++ & 4095]);
            total += s.reward();
            if (s.terminated() || s.truncated()) env.reset();
        }
        return total;
    }

    private void baselineReset() {
        x = baselineRng.uniform(-0.05, 0.05);
        xDot = baselineRng.uniform(-0.05, 0.05);
        theta = baselineRng.uniform(-0.05, 0.05);
        thetaDot = baselineRng.uniform(-0.05, 0.05);
        episodeSteps = 0;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double baselinePrimitiveLoop() {
        double total = 0;
        for (int i = 0; i < STEPS; i++) {
            double force = actionTable[cursor++ & 4095] == 1 ? 10.0 : -10.0;
            double cos = Math.cos(theta), sin = Math.sin(theta);
            double temp = (force + 0.05 * thetaDot * thetaDot * sin) / 1.1;
            double thetaAcc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos * cos / 1.1));
            double xAcc = temp - 0.05 * thetaAcc * cos / 1.1;
            x += 0.02 * xDot;
            xDot += 0.02 * xAcc;
            theta += 0.02 * thetaDot;
            thetaDot += 0.02 * thetaAcc;
            total += 1.0;
            if (x < -2.4 || x > 2.4 || theta < -0.20943951023931953 || theta > 0.20943951023931953 || ++episodeSteps >= 500) baselineReset();
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(ENVS)
    public float vectorSoa1Thread() {
        soa1.step(vectorActions[table++ & (TABLES - 1)]);
        return soa1.observations()[0];
    }

    @Benchmark
    @OperationsPerInvocation(ENVS)
    public float vectorSoa2Threads() {
        soa2.step(vectorActions[table++ & (TABLES - 1)]);
        return soa2.observations()[0];
    }

    @Benchmark
    @OperationsPerInvocation(ENVS)
    public float syncVector2Threads() {
        sync2.step(vectorActions[table++ & (TABLES - 1)]);
        return sync2.observations()[0];
    }
}
