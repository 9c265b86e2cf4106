package dev.jgym.experiments.bench;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.TabularModel;
import dev.jgym.core.env.TabularModel.Outcome;
import dev.jgym.core.rng.Rng;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Grid-runner steps per second, one thread. FrozenLake8x8 (slippery) through the public API as
 * {@code EnvRegistry.make} builds it (TimeLimit, OrderEnforcing), the same env bare, Taxi through
 * the public API (its info carries an action mask), and the baseline: FrozenLake's table in flat
 * primitive arrays stepped by a hand-written loop with the same random draws (no objects at all).
 * Plus one value-iteration backup per state-action pair of Taxi through {@link TabularModel}, the
 * path planning agents take. Actions come from a pre-drawn array so only the env is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m"})
@State(Scope.Thread)
public class GridBenchmark {
    static final int STEPS = 1024;

    Env<Integer, Integer> lake;
    Env<Integer, Integer> bareLake;
    Env<Integer, Integer> taxi;
    TabularModel taxiModel;
    double[] values;
    final Integer[] actions4 = new Integer[STEPS];
    final Integer[] actions6 = new Integer[STEPS];

    // baseline: FrozenLake8x8's table as flat arrays
    int[] offset;
    double[] prob;
    int[] next;
    double[] reward;
    boolean[] terminal;
    Rng rawRng;
    int rawState;

    @Setup
    public void setup() {
        Map<String, Object> noLimit = Map.of("max_episode_steps", 1_000_000_000);
        lake = EnvRegistry.make("FrozenLake8x8-v1", noLimit);
        lake.reset(1L, Map.of());
        bareLake = EnvRegistry.<Integer, Integer>make("FrozenLake8x8-v1", noLimit).unwrapped();
        bareLake.reset(1L, Map.of());
        taxi = EnvRegistry.make("Taxi-v4", noLimit);
        taxi.reset(1L, Map.of());
        taxiModel = (TabularModel) taxi.unwrapped();
        values = new double[taxiModel.stateCount()];
        Rng r = new Rng(7);
        for (int i = 0; i < STEPS; i++) {
            actions4[i] = r.nextInt(4);
            actions6[i] = r.nextInt(6);
        }
        TabularModel m = (TabularModel) bareLake;
        int pairs = m.stateCount() * m.actionCount();
        offset = new int[pairs + 1];
        int total = 0;
        for (int i = 0; i < pairs; i++) {
            offset[i] = total;
            total += m.transitions(i / 4, i % 4).size();
        }
        offset[pairs] = total;
        prob = new double[total];
        next = new int[total];
        reward = new double[total];
        terminal = new boolean[total];
        for (int i = 0, k = 0; i < pairs; i++) {
            for (Outcome o : m.transitions(i / 4, i % 4)) {
                prob[k] = o.probability();
                next[k] = o.nextState();
                reward[k] = o.reward();
                terminal[k++] = o.terminated();
            }
        }
        rawRng = new Rng(1).child("env");
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double frozenLakePublicApi() {
        return EnvLoop.rewards(lake, actions4);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double frozenLakeBare() {
        return EnvLoop.rewards(bareLake, actions4);
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double taxiPublicApi() {
        return EnvLoop.rewards(taxi, actions6);
    }

    /** Baseline: the same FrozenLake8x8 dynamics and draws, hand-inlined on primitive arrays. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double frozenLakeRawArrays() {
        double sum = 0;
        int s = rawState;
        for (int i = 0; i < STEPS; i++) {
            int row = s * 4 + actions4[i];
            int from = offset[row], to = offset[row + 1];
            double u = rawRng.nextDouble(), acc = 0;
            int k = from;
            for (int j = from; j < to; j++) {
                acc += prob[j];
                if (acc > u) {
                    k = j;
                    break;
                }
            }
            sum += reward[k];
            s = terminal[k] ? 0 : next[k];
        }
        rawState = s;
        return sum;
    }

    /** One Bellman optimality backup per (state, action) of Taxi, through TabularModel's lists. */
    @Benchmark
    @OperationsPerInvocation(500 * 6)
    public double taxiValueIterationSweep() {
        double delta = 0;
        for (int s = 0; s < 500; s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < 6; a++) {
                List<Outcome> outs = taxiModel.transitions(s, a);
                double q = 0;
                for (int i = 0; i < outs.size(); i++) {
                    Outcome o = outs.get(i);
                    q += o.probability() * (o.reward() + (o.terminated() ? 0 : 0.99 * values[o.nextState()]));
                }
                best = Math.max(best, q);
            }
            delta = Math.max(delta, Math.abs(best - values[s]));
            values[s] = best;
        }
        return delta;
    }
}
